using Snapshooter.Xunit;

namespace GraphQLArchive.Tests.Archive;

public sealed class SchemaTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task The_sdl_matches_its_snapshot()
    {
        Snapshot.Match(await LiveSdlAsync());
    }

    [Fact]
    public async Task The_committed_schema_file_is_the_live_schema()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "schema", "schema.graphql"));
        Assert.True(committed.ReplaceLineEndings("\n") == await LiveSdlAsync(),
            "schema/schema.graphql differs from the live schema. Regenerate it with: " +
            "dotnet run --project src/GraphQLArchive.Api -- schema export --output schema/schema.graphql");
    }

    [Fact]
    public async Task The_filter_and_sort_inputs_follow_hot_chocolate()
    {
        // The shapes, compared without our descriptions (Hot Chocolate's differ or are absent).
        var sdl = WithoutDescriptions(await LiveSdlAsync());
        Assert.Contains("""
            input StringOperationFilterInput {
              and: [StringOperationFilterInput!]
              or: [StringOperationFilterInput!]
              eq: String
              neq: String
              contains: String
              ncontains: String
              in: [String]
              nin: [String]
              startsWith: String
              nstartsWith: String
              endsWith: String
              nendsWith: String
            }
            """.ReplaceLineEndings("\n"), sdl);
        Assert.Contains("""
            input ListFilterInputTypeOfOfficialFilterInput {
              all: OfficialFilterInput
              none: OfficialFilterInput
              some: OfficialFilterInput
              any: Boolean
            }
            """.ReplaceLineEndings("\n"), sdl);
        Assert.Contains("articles(\n    first: Int,", sdl);
        Assert.Contains("order: [ArticleSortInput!]): ArticlesConnection", sdl);
        Assert.Contains("input DecimalOperationFilterInput {\n  eq: Decimal\n  neq: Decimal\n  in: [Decimal]\n  nin: [Decimal]\n  gt: Decimal", sdl);
        Assert.Contains("input LocalDateOperationFilterInput {", sdl);
        Assert.Contains("enum SortEnumType {\n  ASC\n  DESC\n}", sdl);
    }

    private static string WithoutDescriptions(string sdl) =>
        string.Join('\n', sdl.Split('\n').Where(line => !line.TrimStart().StartsWith('"')));

    private async Task<string> LiveSdlAsync() =>
        (await api.CreateClient().GetStringAsync("/graphql?sdl")).ReplaceLineEndings("\n");

    private static string RepositoryRoot() =>
        Api.Cli.SchemaExport.RepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests run outside the repository: GraphQLArchive.sln was not found above " + AppContext.BaseDirectory);
}
