using System.Text.RegularExpressions;

namespace GraphQLArchive.Tests.Archive;

/// <summary>Every query the README shows answers on the seeded archive without an error, as a newcomer would paste it.</summary>
public sealed partial class ReadmeExampleTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Every_graphql_query_in_the_readme_answers_without_an_error()
    {
        foreach (var query in Queries())
        {
            var response = await api.PostAsync(query);
            Assert.True(response.Json["errors"] is null && response.Json["data"] is not null, $"{query}\n→ {response.Text}");
        }
    }

    /// <summary>The README's queries (not its mutations or subscriptions), for every engine's tests.</summary>
    internal static IReadOnlyList<string> Queries()
    {
        var queries = GraphQLBlock().Matches(File.ReadAllText(Readme())).Select(m => m.Groups[1].Value)
            .Where(q => !q.TrimStart().StartsWith("mutation", StringComparison.Ordinal)) // mutations need the key and write; IngestionTests run them
            .Where(q => !q.TrimStart().StartsWith("subscription", StringComparison.Ordinal)) // they need a stream; SubscriptionTransportTests run them
            .ToList();
        Assert.True(queries.Count >= 6, $"found only {queries.Count} queries in the README");
        return queries;
    }

    private static string Readme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var readme = Path.Combine(directory.FullName, "README.md");
            if (File.Exists(readme) && File.Exists(Path.Combine(directory.FullName, "GraphQLArchive.sln"))) return readme;
        }
        throw new FileNotFoundException("README.md beside GraphQLArchive.sln, above the test binaries");
    }

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
