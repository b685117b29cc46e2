using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Generation;

/// <summary>The server serves a generated archive, with the seed page added by the start-up seeder beside it.</summary>
public sealed class GeneratedArchiveApiTests
{
    [Fact]
    public async Task The_api_serves_a_generated_database_and_the_seeder_adds_the_seed_page_beside_it()
    {
        var generated = GeneratedDatabase.Create(300, seed: 5);
        await using var api = new ArchiveApiFactory(generated.File); // deletes the file when done

        var response = await api.PostAsync("""
            { articles(first: 5, order: [{ eventDate: DESC }]) { totalCount nodes { headline eventDate appearances { official { name } role titles } } }
              officials(where: { name: { eq: "罗清宇" } }) { nodes { articleCount } }
              editions { totalCount } }
            """);

        Assert.Null(response.Json["errors"]);
        var data = response.Json["data"]!;
        Assert.Equal(303, (int)data["articles"]!["totalCount"]!); // the seed page's three reports join the 300
        Assert.Equal(generated.Summary.Editions + 1, (int)data["editions"]!["totalCount"]!);
        Assert.Equal(3, (int)data["officials"]!["nodes"]![0]!["articleCount"]!);
        Assert.All(data["articles"]!["nodes"]!.AsArray(), n => Assert.NotEmpty(n!["appearances"]!.AsArray()));
    }
}
