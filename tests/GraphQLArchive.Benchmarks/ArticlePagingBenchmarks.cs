using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// Page 1 against page 1,000 (10 a page) of <c>articles(order: [{ eventDate: DESC }])</c> on 100,000 articles:
/// keyset cursors and offset paging through the real GraphQL stack, and the same two SQL shapes by hand.
/// Each category has page 1 as its baseline, so the Ratio column is the page-1,000 / page-1 ratio.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ArticlePagingBenchmarks
{
    private const int PageSize = 10;
    private const int DeepPage = 1_000;
    private const string Selection = "id headline eventDate";

    private ArchiveApi _api = null!;
    private static string? s_deepCursor;
    private string _deepCursor = "";
    private SqliteConnection _sql = null!;
    private SqliteCommand _sqlKeysetFirst = null!, _sqlKeysetDeep = null!, _sqlOffsetFirst = null!, _sqlOffsetDeep = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var file = BenchmarkArchive.EnsureFile();
        _api = new ArchiveApi(file);

        // Keyset cursors are opaque: walk to page 1,000 once per run (the cases share the process) and keep the cursor.
        if (s_deepCursor is null)
        {
            string? after = null;
            for (var page = 1; page < DeepPage; page++)
                after = (string)(await _api.Post("query($after: String) { articles(first: 10, after: $after, order: [{ eventDate: DESC }]) { pageInfo { endCursor } } }", new { after }))
                    ["articles"]!["pageInfo"]!["endCursor"]!;
            s_deepCursor = after;
        }
        _deepCursor = s_deepCursor!;

        _sql = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        _sql.Open();
        _sqlKeysetFirst = Prepare("SELECT Id, Headline, EventDate FROM Articles ORDER BY EventDate DESC, Id LIMIT 11");
        _sqlOffsetFirst = Prepare("SELECT Id, Headline, EventDate FROM Articles ORDER BY EventDate DESC, Id LIMIT 10 OFFSET 0");
        _sqlOffsetDeep = Prepare($"SELECT Id, Headline, EventDate FROM Articles ORDER BY EventDate DESC, Id LIMIT 10 OFFSET {(DeepPage - 1) * PageSize}");
        _sqlKeysetDeep = Prepare("SELECT Id, Headline, EventDate FROM Articles WHERE (EventDate < $d OR (EventDate = $d AND Id > $id)) ORDER BY EventDate DESC, Id LIMIT 11");
        using (var last = Prepare($"SELECT EventDate, Id FROM Articles ORDER BY EventDate DESC, Id LIMIT 1 OFFSET {(DeepPage - 1) * PageSize - 1}"))
        using (var reader = last.ExecuteReader())
        {
            reader.Read();
            _sqlKeysetDeep.Parameters.AddWithValue("$d", reader.GetString(0));
            _sqlKeysetDeep.Parameters.AddWithValue("$id", reader.GetInt64(1));
        }

        // Every route must land on the same ten rows, or the comparison means nothing.
        _api.Statements.Capture = true;
        var keyset = Ids((await _api.Post($"query($after: String) {{ articles(first: 10, after: $after, order: [{{ eventDate: DESC }}]) {{ nodes {{ id }} }} }}", new { after = _deepCursor }))["articles"]!["nodes"]!);
        var offset = Ids((await _api.Post($"{{ articlesPage(skip: {(DeepPage - 1) * PageSize}, take: 10, order: [{{ eventDate: DESC }}]) {{ items {{ id }} }} }}"))["articlesPage"]!["items"]!);
        if (!keyset.SequenceEqual(offset))
            throw new InvalidOperationException($"Page {DeepPage} differs between keyset ({string.Join(",", keyset)}) and offset ({string.Join(",", offset)}) paging.");
        _api.Statements.Capture = false;
        Console.WriteLine($"// Page {DeepPage} of articles(order: [{{ eventDate: DESC }}]) is the same under keyset and offset paging.");
        StatementLog.PrintWithPlans((sql, parameters) => SqliteHandWrittenSql.Explain(_sql, sql, parameters), _api.Statements.Take());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var command in new[] { _sqlKeysetFirst, _sqlKeysetDeep, _sqlOffsetFirst, _sqlOffsetDeep }) command.Dispose();
        _sql.Dispose();
        _api.Dispose();
    }

    [Benchmark(Baseline = true, Description = "page 1"), BenchmarkCategory("GraphQL keyset cursors")]
    public Task<JsonNode> GraphQLKeysetFirst() =>
        _api.Post($"{{ articles(first: 10, order: [{{ eventDate: DESC }}]) {{ nodes {{ {Selection} }} pageInfo {{ endCursor }} }} }}");

    [Benchmark(Description = "page 1,000"), BenchmarkCategory("GraphQL keyset cursors")]
    public Task<JsonNode> GraphQLKeysetDeep() =>
        _api.Post($"query($after: String) {{ articles(first: 10, after: $after, order: [{{ eventDate: DESC }}]) {{ nodes {{ {Selection} }} pageInfo {{ endCursor }} }} }}", new { after = _deepCursor });

    [Benchmark(Baseline = true, Description = "page 1"), BenchmarkCategory("GraphQL offset (skip/take)")]
    public Task<JsonNode> GraphQLOffsetFirst() =>
        _api.Post($"{{ articlesPage(skip: 0, take: 10, order: [{{ eventDate: DESC }}]) {{ items {{ {Selection} }} pageInfo {{ hasNextPage }} }} }}");

    [Benchmark(Description = "page 1,000"), BenchmarkCategory("GraphQL offset (skip/take)")]
    public Task<JsonNode> GraphQLOffsetDeep() =>
        _api.Post($"{{ articlesPage(skip: {(DeepPage - 1) * PageSize}, take: 10, order: [{{ eventDate: DESC }}]) {{ items {{ {Selection} }} pageInfo {{ hasNextPage }} }} }}");

    [Benchmark(Baseline = true, Description = "page 1"), BenchmarkCategory("SQL keyset")]
    public int SqlKeysetFirst() => Read(_sqlKeysetFirst);

    [Benchmark(Description = "page 1,000"), BenchmarkCategory("SQL keyset")]
    public int SqlKeysetDeep() => Read(_sqlKeysetDeep);

    [Benchmark(Baseline = true, Description = "page 1"), BenchmarkCategory("SQL OFFSET")]
    public int SqlOffsetFirst() => Read(_sqlOffsetFirst);

    [Benchmark(Description = "page 1,000"), BenchmarkCategory("SQL OFFSET")]
    public int SqlOffsetDeep() => Read(_sqlOffsetDeep);

    private static List<string> Ids(JsonNode nodes) => nodes.AsArray().Select(n => (string)n!["id"]!).ToList();

    private SqliteCommand Prepare(string sql)
    {
        var command = _sql.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Reads every column of every row, as a resolver would.</summary>
    private static int Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetString(1);
            _ = reader.GetString(2);
            rows++;
        }
        return rows;
    }
}
