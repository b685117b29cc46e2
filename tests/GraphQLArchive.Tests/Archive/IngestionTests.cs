using GraphQLArchive.Api.Cli;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Tests.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Archive;

/// <summary>The seeded API with an API key configured.</summary>
public sealed class KeyedArchiveApiFactory : IAsyncLifetime
{
    public const string Key = "test-key-0123456789";

    public ArchiveApiFactory Api { get; } = new() { Settings = { ["Archive:ApiKey"] = Key } };

    public Task InitializeAsync() { _ = Api.Server; return Task.CompletedTask; }

    public Task DisposeAsync() => Api.DisposeAsync().AsTask();
}

public sealed class IngestPageMutationTests(KeyedArchiveApiFactory fixture) : IClassFixture<KeyedArchiveApiFactory>
{
    private const string Ingest = """
        mutation($input: IngestPageInput!) { ingestPage(input: $input) {
          created articles { headline eventDate appearances { official { name } role titles } }
          extracted { officials { name created positions { title organization } } projects { name created totalInvestment facts { value unit qualifier } } }
        } }
        """;

    private static readonly string NewPage = SeedFiles.Page("李明主持召开太原市安全生产会议",
        "本报讯(记者 王涛)8月2日,省委常委、市委书记李明主持召开会议。市领导王芳、赵立军参加。");

    private ArchiveApiFactory Api => fixture.Api;

    private static object Input(string text, string date = "2021-08-03", int? page = 2) => new { input = new { text, editionDate = date, newspaper = "太原日报", page } };

    private async Task<int> EditionCount()
    {
        using var scope = Api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Editions.CountAsync();
    }

    [Fact]
    public async Task A_total_for_a_group_of_projects_is_stored_as_a_fact_of_the_edition_not_of_a_project()
    {
        var page = SeedFiles.Page("一批重点项目集中开工",
            "本报讯(记者 王涛)8月2日,全市重点项目集中开工。此次集中开工的45个项目总投资326亿元。市长周立强宣布开工。");
        var response = await Api.PostAsync(Ingest, Input(page), apiKey: KeyedArchiveApiFactory.Key);
        Assert.True((bool)response.Json["data"]!["ingestPage"]!["created"]!, response.ToString());
        Assert.Empty(response.Json["data"]!["ingestPage"]!["extracted"]!["projects"]!.AsArray());

        using var scope = Api.Services.CreateScope();
        var facts = await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Editions
            .Where(e => e.Articles.Any(a => a.Headline == "一批重点项目集中开工")).SelectMany(e => e.Facts).OrderBy(f => f.Label).ToListAsync();
        Assert.Equal([("项目总投资", 32600000000m, "CNY"), ("项目数", 45m, "个")], facts.Select(f => (f.Label, f.Value, f.Unit)).OrderBy(f => f.Label, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_key_the_mutation_is_refused_and_stores_nothing(string? key)
    {
        var before = await EditionCount();
        var response = await Api.PostAsync(Ingest, Input(NewPage), apiKey: key);

        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.FirstErrorCode);
        Assert.Contains("X-Api-Key", response.FirstErrorMessage);
        Assert.Equal(before, await EditionCount());
    }

    [Fact]
    public async Task The_seed_page_again_creates_nothing_and_returns_the_stored_articles()
    {
        var before = await EditionCount();
        var response = await Api.PostAsync(Ingest, Input(SeedFiles.SeedPageText, "2021-07-31", 1), apiKey: KeyedArchiveApiFactory.Key);

        var payload = response.Json["data"]!["ingestPage"]!;
        Assert.False((bool)payload["created"]!, response.ToString());
        Assert.Equal(3, payload["articles"]!.AsArray().Count);
        Assert.Equal("罗清宇主持召开专题会议", (string?)payload["articles"]![0]!["headline"]);
        Assert.All(payload["extracted"]!["officials"]!.AsArray(), o => Assert.False((bool)o!["created"]!));
        Assert.Equal(before, await EditionCount());
    }

    [Fact]
    public async Task A_new_page_with_the_key_is_stored_with_its_officials_and_a_second_time_creates_nothing()
    {
        var page = NewPage.Replace("安全生产", "森林防火");
        var first = await Api.PostAsync(Ingest, Input(page), apiKey: KeyedArchiveApiFactory.Key);
        var payload = first.Json["data"]!["ingestPage"]!;
        Assert.True((bool)payload["created"]!, first.ToString());
        var article = payload["articles"]![0]!;
        Assert.Equal("2021-08-02", (string?)article["eventDate"]);
        Assert.Contains(article["appearances"]!.AsArray(), a => (string?)a!["official"]!["name"] == "李明" && (string?)a["role"] == "PRESIDED");
        var official = payload["extracted"]!["officials"]!.AsArray().Single(o => (string?)o!["name"] == "李明")!;
        Assert.True((bool)official["created"]!);
        Assert.Contains(official["positions"]!.AsArray(), p => (string?)p!["title"] == "市委书记" && (string?)p["organization"] == "中共太原市委");

        var before = await EditionCount();
        var again = await Api.PostAsync(Ingest, Input(page), apiKey: KeyedArchiveApiFactory.Key);
        Assert.False((bool)again.Json["data"]!["ingestPage"]!["created"]!);
        Assert.Equal(before, await EditionCount());
    }

    [Theory]
    [InlineData("", "2021-08-03", 1, "INGEST_EMPTY_TEXT")]
    [InlineData("   \n  ", "2021-08-03", 1, "INGEST_EMPTY_TEXT")]
    [InlineData("会议强调,要压实责任。没有标题,也没有本报讯。", "2021-08-03", 1, "INGEST_NO_ARTICLE")]
    [InlineData("PAGE", "1850-01-01", 1, "INGEST_INVALID_DATE")]
    [InlineData("PAGE", "2999-01-01", 1, "INGEST_INVALID_DATE")]
    [InlineData("PAGE", "2021-08-03", 0, "INGEST_INVALID_PAGE")]
    [InlineData("LONG", "2021-08-03", 1, "INGEST_TEXT_TOO_LONG")]
    public async Task Malformed_input_is_rejected_with_its_code_and_stores_nothing(string text, string date, int page, string code)
    {
        text = text switch { "PAGE" => NewPage.Replace("安全生产", "抗旱"), "LONG" => NewPage + new string('啊', 200_001), _ => text };
        var before = await EditionCount();
        var response = await Api.PostAsync(Ingest, Input(text, date, page), apiKey: KeyedArchiveApiFactory.Key);

        Assert.Equal(code, response.FirstErrorCode);
        Assert.Equal(before, await EditionCount());
    }

    [Fact]
    public async Task A_date_that_does_not_exist_is_rejected_by_the_LocalDate_scalar()
    {
        var response = await Api.PostAsync(Ingest, Input(NewPage, "2021-02-30"), apiKey: KeyedArchiveApiFactory.Key);

        Assert.NotNull(response.FirstErrorCode);
        Assert.Contains("editionDate", response.Text);
    }

    [Fact]
    public async Task The_ingest_command_skips_a_page_stored_before()
    {
        using var output = new StringWriter();
        var path = Path.Combine(SeedFiles.SeedsDirectory, "pages", SeedFiles.SeedPageName);
        var before = await EditionCount();

        var code = await GraphQLArchive.Api.Cli.Ingest.RunAsync(Api.Services, ["ingest", path, "--edition-date", "2021-07-31"], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("0 created (0 articles), 1 skipped", output.ToString());
        Assert.Equal(before, await EditionCount());
    }

    [Fact]
    public async Task The_ingest_command_stores_a_new_page_once()
    {
        var folder = Directory.CreateTempSubdirectory("ingest-cli-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "page.txt"), NewPage.Replace("安全生产", "城市管理"));
            using var first = new StringWriter();
            using var second = new StringWriter();

            Assert.Equal(0, await GraphQLArchive.Api.Cli.Ingest.RunAsync(Api.Services, ["ingest", folder.FullName, "--edition-date", "2021-08-03", "--page", "3"], first, TextWriter.Null));
            Assert.Equal(0, await GraphQLArchive.Api.Cli.Ingest.RunAsync(Api.Services, ["ingest", folder.FullName, "--edition-date", "2021-08-03", "--page", "3"], second, TextWriter.Null));

            Assert.Contains("1 created (1 articles)", first.ToString());
            Assert.Contains("0 created (0 articles), 1 skipped", second.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Merging_officials_moves_appearances_adds_aliases_and_keeps_one_appearance_per_article()
    {
        var ids = await Api.PostAsync("""{ officials(where: { name: { in: ["刘鹤", "张磊"] } }) { nodes { id name } } }""");
        var nodes = ids.Json["data"]!["officials"]!["nodes"]!.AsArray();
        string Id(string name) => (string)nodes.Single(n => (string?)n!["name"] == name)!["id"]!;

        var response = await Api.PostAsync("""
            mutation($input: MergeOfficialsInput!) { mergeOfficials(input: $input) {
              official { name aliases appearances(first: 5) { article { headline } titles } positions { title } } } }
            """, new { input = new { targetId = Id("刘鹤"), sourceIds = new[] { Id("张磊") } } }, apiKey: KeyedArchiveApiFactory.Key);

        var official = response.Json["data"]!["mergeOfficials"]!["official"]!;
        Assert.Equal("刘鹤", (string?)official["name"]);
        Assert.Contains("张磊", official["aliases"]!.AsArray().Select(a => (string?)a));
        // 刘鹤 is named in all three reports, 张磊 in the third: one appearance per report remains.
        Assert.Equal(3, official["appearances"]!.AsArray().Count);
        Assert.Contains(official["positions"]!.AsArray(), p => (string?)p!["title"] == "秘书长");
        var gone = await Api.PostAsync("""{ officials(where: { name: { eq: "张磊" } }) { totalCount } }""");
        Assert.Equal(0, (int)gone.Json["data"]!["officials"]!["totalCount"]!);

        // Seeding again (a restart) keeps the correction: the registry's 张磊 is now an alias of 刘鹤.
        using var scope = Api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<GraphQLArchive.Model.Seeding.ArchiveSeeder>().SeedAsync(Path.Combine(AppContext.BaseDirectory, "seeds"));
        Assert.False(await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Officials.AnyAsync(o => o.Name == "张磊"));
    }
}

/// <summary>A retried merge, after the first one went through, says which ID is gone in the client's terms.</summary>
public sealed class RetriedMergeTests(KeyedArchiveApiFactory fixture) : IClassFixture<KeyedArchiveApiFactory>
{
    [Fact]
    public async Task A_merge_retried_after_it_succeeded_names_the_missing_global_id()
    {
        var ids = (await fixture.Api.PostAsync("""{ officials(where: { name: { in: ["刘鹤", "张磊"] } }) { nodes { id name } } }""")).Json["data"]!["officials"]!["nodes"]!.AsArray();
        string Id(string name) => (string)ids.Single(n => (string?)n!["name"] == name)!["id"]!;
        const string Merge = "mutation($input: MergeOfficialsInput!) { mergeOfficials(input: $input) { official { name appearances(first: 2) { article { headline } } } } }";
        var input = new { input = new { targetId = Id("刘鹤"), sourceIds = new[] { Id("张磊") } } };

        var first = await fixture.Api.PostAsync(Merge, input, apiKey: KeyedArchiveApiFactory.Key);
        Assert.True(first.Json["errors"] is null, first.Text);
        var retry = await fixture.Api.PostAsync(Merge, input, apiKey: KeyedArchiveApiFactory.Key);
        Assert.Equal("OFFICIAL_NOT_FOUND", retry.FirstErrorCode);
        Assert.Contains(Id("张磊"), retry.FirstErrorMessage);
    }
}

public sealed class UnkeyedMutationTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Without_a_key_on_the_server_every_mutation_is_refused()
    {
        var response = await api.PostAsync("""mutation { mergeOfficials(input: { targetId: "T2ZmaWNpYWw6MQ==", sourceIds: ["T2ZmaWNpYWw6Mg=="] }) { official { name } } }""", apiKey: "anything");

        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.FirstErrorCode);
        Assert.Contains("Archive:ApiKey", response.FirstErrorMessage);
    }
}

public sealed class EmptyRegistryIngestionTests
{
    [Fact]
    public async Task Ingesting_the_seed_page_with_the_registry_emptied_recreates_officials_and_projects_with_their_figures()
    {
        var seeds = Directory.CreateTempSubdirectory("seeds-empty-");
        Directory.CreateDirectory(Path.Combine(seeds.FullName, "registry"));
        Directory.CreateDirectory(Path.Combine(seeds.FullName, "pages"));
        try
        {
            await using var api = new ArchiveApiFactory { Settings = { ["Archive:ApiKey"] = "k", ["Archive:Seeds"] = seeds.FullName } };
            var response = await api.PostAsync("""
                mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }
                """, new { input = new { text = SeedFiles.SeedPageText, editionDate = "2021-07-31" } }, apiKey: "k");
            Assert.True((bool)response.Json["data"]!["ingestPage"]!["created"]!, response.ToString());

            var stored = await api.PostAsync("""
                { officials(first: 50) { totalCount nodes { name positions { title organization { name } } } }
                  projects(order: [{ name: ASC }]) { nodes { name status totalInvestment floorArea siteArea location { name parent { name } } facts { value unit qualifier } } }
                  editions { nodes { newspaper } } }
                """);
            var data = stored.Json["data"]!;
            Assert.Equal(14, (int)data["officials"]!["totalCount"]!);
            var luo = data["officials"]!["nodes"]!.AsArray().Single(o => (string?)o!["name"] == "罗清宇")!;
            Assert.Contains(luo["positions"]!.AsArray(), p => (string?)p!["title"] == "市委书记" && (string?)p["organization"]!["name"] == "中共太原市委");
            var projects = data["projects"]!["nodes"]!.AsArray();
            Assert.Equal(3, projects.Count);
            var fuli = projects.Single(p => (string?)p!["name"] == "太原富力天禧城L区项目")!;
            Assert.Equal(5200000000m, (decimal)fuli["totalInvestment"]!);
            Assert.Equal(890000m, (decimal)fuli["floorArea"]!);
            Assert.Equal("三给片区", (string?)fuli["location"]!["name"]);
            Assert.Equal("尖草坪区", (string?)fuli["location"]!["parent"]!["name"]);
            Assert.Equal(4, fuli["facts"]!.AsArray().Count);
            Assert.Equal("太原日报", (string?)data["editions"]!["nodes"]![0]!["newspaper"]);
        }
        finally
        {
            seeds.Delete(recursive: true);
        }
    }
}
