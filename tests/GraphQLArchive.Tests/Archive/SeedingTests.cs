using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Archive;

public sealed class SeedingTests
{
    [SqliteFact]
    public async Task Restarting_twice_changes_no_count()
    {
        var file = Path.Combine(Path.GetTempPath(), $"archive-restart-{Guid.NewGuid():N}.db");
        var counts = new List<string>();
        for (var start = 0; start < 3; start++)
        {
            await using var api = new ArchiveApiFactory(file);
            using var scope = api.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            counts.Add(string.Join(", ",
                await db.Editions.CountAsync(), await db.Articles.CountAsync(), await db.Appearances.CountAsync(),
                await db.Officials.CountAsync(), await db.Set<Model.Officials.Position>().CountAsync(),
                await db.Journalists.CountAsync(), await db.Locations.CountAsync(), await db.Organizations.CountAsync(),
                await db.Projects.CountAsync(), await db.Set<Model.Projects.ProjectFact>().CountAsync(),
                await db.Set<Model.Articles.Photo>().CountAsync(),
                await db.Articles.SelectMany(a => a.Locations).CountAsync(), await db.Articles.SelectMany(a => a.Projects).CountAsync()));
            if (start < 2) File.Copy(file, file + ".keep", overwrite: true); // the factory deletes its file on dispose
            await api.DisposeAsync();
            if (start < 2) File.Move(file + ".keep", file);
        }
        Assert.Equal(counts[0], counts[1]);
        Assert.Equal(counts[0], counts[2]);
        Assert.StartsWith("1, 3, 20, 14,", counts[0]);
    }
}

public sealed class ColumnBreakTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task No_article_body_holds_a_column_break_split_or_a_caption()
    {
        var response = await api.PostAsync("{ articles { nodes { headline paragraphs body photos { caption } } } }");
        var articles = response.Json["data"]!["articles"]!["nodes"]!.AsArray();
        var paragraphs = articles.SelectMany(a => a!["paragraphs"]!.AsArray().Select(p => (string)p!)).ToList();

        Assert.Contains(paragraphs, p => p.Contains("所有环节、发热门诊"));
        Assert.Contains(paragraphs, p => p.Contains("对项目从签约落地到建成投产"));
        Assert.DoesNotContain(paragraphs, p => p.Contains("图为") || p.EndsWith(" 摄"));
        // Every paragraph ends a sentence: a column break that split one would leave it open.
        Assert.All(paragraphs, p => Assert.Matches("[。！？”]$", p));
        Assert.Equal("图为奠基仪式现场。", (string?)articles[2]!["photos"]![0]!["caption"]);
    }
}
