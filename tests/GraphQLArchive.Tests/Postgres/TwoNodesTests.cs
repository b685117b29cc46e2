using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Ingestion;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// The API nodes keep no state of their own: two instances on one PostgreSQL database, as behind a load balancer,
/// each read what the other wrote, and accept each other's cursors (the same <c>Archive:CursorKey</c>).
/// </summary>
public sealed class TwoNodesTests : IAsyncLifetime
{
    private const string Key = "two-nodes-key-0123456789";
    private readonly string _database = PostgresServer.NewDatabaseName();
    private ArchiveApiFactory _first = null!;
    private ArchiveApiFactory _second = null!;

    public Task InitializeAsync()
    {
        _first = Node();
        _ = _first.Server; // migrates and seeds
        _second = Node();
        _ = _second.Server; // finds both done
        return Task.CompletedTask;
    }

    private ArchiveApiFactory Node() => Node(_database, Key);

    /// <summary>One node of the real app on <paramref name="database"/>, taking mutations with <paramref name="key"/>.</summary>
    internal static ArchiveApiFactory Node(string database, string key) => new()
    {
        Settings =
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Archive"] = PostgresServer.ConnectionString(database),
            ["Archive:ApiKey"] = key,
        },
    };

    [Fact]
    public async Task A_page_ingested_through_one_node_is_read_and_paged_through_the_other()
    {
        var page = SeedFiles.Page("李明调研防汛工作", "本报讯(记者 王涛)8月2日,市委书记李明调研防汛工作。");
        var ingested = await _first.PostAsync("mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }",
            new { input = new { text = page, editionDate = "2021-08-03", newspaper = "太原日报", page = 2 } }, apiKey: Key);
        Assert.True(ingested.Json["data"]!["ingestPage"]!["created"]!.GetValue<bool>(), ingested.Text);

        var read = await _second.PostAsync("""{ articles(where: { headline: { eq: "李明调研防汛工作" } }) { nodes { headline appearances { official { name } } } } }""");
        Assert.Equal("李明", read.Json["data"]!["articles"]!["nodes"]![0]!["appearances"]![0]!["official"]!["name"]!.GetValue<string>());

        var firstPage = await _first.PostAsync("{ articles(first: 2, order: [{ id: ASC }]) { pageInfo { endCursor } } }");
        var cursor = firstPage.Json["data"]!["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var next = await _second.PostAsync("query($after: String) { articles(first: 2, after: $after, order: [{ id: ASC }]) { nodes { headline } } }", new { after = cursor });
        Assert.True(next.Json["errors"] is null && next.Json["data"]!["articles"]!["nodes"]!.AsArray().Count > 0, next.Text);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        PostgresServer.DropDatabase(_database);
    }
}
