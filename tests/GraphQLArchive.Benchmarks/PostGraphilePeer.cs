using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Querying.Nodes;
using Npgsql;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <c>peer [--database "Host=…;Database=…;Username=…"] [--seconds S] [--connections C] [--sql]</c>: ours and
/// PostGraphile 5 on the same PostgreSQL database, over HTTP on loopback, with the same closed-loop load as
/// <see cref="HttpLoad"/> (C connections, S seconds a side, A B B A in halves). Ours runs in this process on
/// Kestrel; PostGraphile in Node.js (<see cref="PostGraphileServer"/>). PostGraphile opens every transaction read-only;
/// ours cannot start on a read-only connection (its start-up migrates), so the run checks afterwards that no row changed.
/// Each operation's two requests are written by hand, and the setup throws unless PostGraphile's answer, renamed
/// to our schema's names, equals ours. <c>--sql</c> prints the statements each side sends and stops before timing.
/// </summary>
internal static class PostGraphilePeer
{
    private const string DefaultDatabase = "Host=/var/run/postgresql;Database=archive_pg100k;Username=root";

    /// <summary>One operation: our request, PostGraphile's, and what each name stands for.</summary>
    private sealed record PeerOperation(string Name, string Ours, object? OursVariables, string Theirs, object? TheirsVariables);

    // PostGraphile's Amber preset names: allArticles, rowId (the column Id; `id` is its node ID), forward relations
    // `editionByEditionId`, backward ones as connections `appearancesByArticleId`, orderBy enums, `condition` for
    // equality on columns, and the connection-filter plugin's `filter` for conditions across relations.
    // Our nested lists return 10 items unless asked for more (DESIGN's default page size); PostGraphile's all, so `first: 10`.
    private const string TheirFrontPage = """
        { allArticles(first: 20, orderBy: [EVENT_DATE_DESC, ROW_ID_ASC]) { nodes { rowId headline eventDate
          editionByEditionId { newspaper date page }
          articleJournalistsByArticlesId(first: 10, orderBy: JOURNALISTS_ID_ASC) { nodes { journalistByJournalistsId { name } } }
          appearancesByArticleId(first: 10, orderBy: ROW_ID_ASC) { nodes { role titles officialByOfficialId { name } } } } } }
        """;

    private const string TheirOfficial = """
        query($name: String!) { allOfficials(condition: { name: $name }) { nodes { rowId name
          appearancesByOfficialId(first: 20, orderBy: [EVENT_DATE_DESC, ROW_ID_ASC]) { nodes { role titles articleByArticleId { headline eventDate } } } } } }
        """;

    private const string TheirDeepPage = """
        query($after: Cursor) { allArticles(first: 10, after: $after, orderBy: [EVENT_DATE_DESC, ROW_ID_ASC]) {
          nodes { rowId headline eventDate } pageInfo { hasNextPage endCursor } } }
        """;

    // Ours pages 10 by default in key order; PostGraphile returns every row unless asked, so `first: 10` and ROW_ID_ASC.
    private const string TheirWithOfficial = """
        query($name: String!) { allArticles(first: 10, orderBy: ROW_ID_ASC,
          filter: { appearancesByArticleId: { some: { officialByOfficialId: { name: { equalTo: $name } } } } }) {
          totalCount nodes { rowId headline } } }
        """;

    public static async Task<int> Run(string[] args)
    {
        var database = HttpLoad.StringOption(args, "--database") ?? DefaultDatabase;
        var seconds = HttpLoad.Option(args, "--seconds", 20);
        var connections = HttpLoad.Option(args, "--connections", 8);
        var logSql = args.Contains("--sql");
        var readOnly = PostgresHandWrittenSql.ReadOnly(database);

        Console.WriteLine($"// load average at start: {HttpLoad.LoadAverage()}");
        // Ours cannot start on a read-only connection (its start-up migration check runs CREATE TABLE IF NOT EXISTS),
        // so it is given the database as it is, after a check that it has nothing to migrate, and the run proves
        // afterwards that no row was written.
        var target = BenchmarkDatabase.Postgres(database);
        target.RefusePendingMigrations();
        var writesBefore = await target.RowsWritten();
        await Compare(database, readOnly, seconds, connections, logSql);
        if (await target.ReportRowsWritten(writesBefore) != 0)
            throw new InvalidOperationException("The database was written during the run.");
        return 0;
    }

    private static async Task Compare(string database, string readOnly, int seconds, int connections, bool logSql)
    {
        var (articles, mostNamed, medianNamed) = await PickArguments(readOnly);
        Console.WriteLine($"// {articles:N0} articles; most-named official {mostNamed.Name} ({mostNamed.Count:N0} appearances), median {medianNamed.Name} ({medianNamed.Count:N0})");

        var ourPort = HttpLoad.FreePort();
        using var ours = new ArchiveApi(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Archive"] = database,
            // Set, so that no key file is written beside the content root.
            ["Archive:CursorKey"] = "peer-benchmark",
            // As deployed (PostGraphile runs with NODE_ENV=production too).
            [Microsoft.AspNetCore.Hosting.WebHostDefaults.EnvironmentKey] = "Production",
        }, ourPort);
        await using var theirs = await PostGraphileServer.Start(database, HttpLoad.FreePort(), logSql);
        using var theirClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{theirs.Port}") };
        Console.WriteLine($"// ours on :{ourPort}, PostGraphile {theirs.Version} on :{theirs.Port}; walking both to page {OperationFixture.DeepPage:N0} …");

        var ourCursor = await OperationFixture.CursorBeforeDeepPage(ours);
        var theirCursor = (string)(await Post(theirClient, $"{{ allArticles(first: {(OperationFixture.DeepPage - 1) * 10}, orderBy: [EVENT_DATE_DESC, ROW_ID_ASC]) {{ pageInfo {{ endCursor }} }} }}", null))
            ["allArticles"]!["pageInfo"]!["endCursor"]!;

        List<PeerOperation> operations =
        [
            new("1 front page", OperationFixture.FrontPageQuery, null, TheirFrontPage, null),
            new("2 official, most named", OperationFixture.OfficialQuery, new { name = mostNamed.Name }, TheirOfficial, new { name = mostNamed.Name }),
            new("2 official, median", OperationFixture.OfficialQuery, new { name = medianNamed.Name }, TheirOfficial, new { name = medianNamed.Name }),
            new("4 page 10,000 by cursor", OperationFixture.DeepPageQuery, new { after = ourCursor }, TheirDeepPage, new { after = theirCursor }),
            new("5 some(official), most named", OperationFixture.WithOfficialQuery, new { name = mostNamed.Name }, TheirWithOfficial, new { name = mostNamed.Name }),
            new("5 some(official), median", OperationFixture.WithOfficialQuery, new { name = medianNamed.Name }, TheirWithOfficial, new { name = medianNamed.Name }),
        ];

        // Both sides must answer the same rows, or the comparison means nothing.
        foreach (var operation in operations)
        {
            ours.Statements.Capture = logSql;
            var ourData = await ours.Post(operation.Ours, operation.OursVariables);
            ours.Statements.Capture = false;
            var statements = ours.Statements.Take();
            theirs.TakeOutput();
            var theirData = AsOurs(await Post(theirClient, operation.Theirs, operation.TheirsVariables), "");
            OperationFixture.ForgetCursors(ourData);
            OperationFixture.ForgetCursors(theirData);
            if (!JsonNode.DeepEquals(ourData, theirData))
                throw new InvalidOperationException($"{operation.Name}: ours and PostGraphile differ.\n ours:   {Cut(ourData.ToJsonString())}\n theirs: {Cut(theirData!.ToJsonString())}");
            Console.WriteLine($"// {operation.Name}: same data from both ({ourData.ToJsonString().Length:N0} characters)");
            if (!logSql) continue;
            foreach (var (sql, parameters) in statements)
                Console.WriteLine($"//   ours SQL: {sql.ReplaceLineEndings(" ")}  [{string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}"))}]");
            foreach (var line in StatementsOnly(theirs.TakeOutput())) Console.WriteLine($"//   PostGraphile: {line}");
        }
        if (logSql) return;

        var results = new List<(string Name, HttpLoad.Load Ours, HttpLoad.Load Theirs)>();
        foreach (var operation in operations)
        {
            var ourBody = JsonSerializer.SerializeToUtf8Bytes(new { query = operation.Ours, variables = operation.OursVariables });
            var theirBody = JsonSerializer.SerializeToUtf8Bytes(new { query = operation.Theirs, variables = operation.TheirsVariables });
            Func<HttpRequestMessage> Request(int port, byte[] body) => () => new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/graphql")
            {
                Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
            };

            Console.WriteLine($"// {operation.Name}: warming up, then {seconds} s a side, {connections} connections …");
            var (ourLoad, theirLoad) = await HttpLoad.Alternate(Request(ourPort, ourBody), Request(theirs.Port, theirBody), connections, seconds);
            Console.WriteLine($"//   ours         {ourLoad}\n//   PostGraphile {theirLoad}");
            results.Add((operation.Name, ourLoad, theirLoad));
        }

        Console.WriteLine();
        Console.WriteLine($"Ours and PostGraphile {theirs.Version} on one PostgreSQL database ({articles:N0} articles), over HTTP on loopback, {connections} connections, {seconds} s a side (A B B A); load average at the end: {HttpLoad.LoadAverage()}");
        Console.WriteLine($"  {"operation",-30} {"ours req/s",11} {"theirs req/s",13} {"ours/theirs",12}   {"ours p50/p99 ms",17} {"theirs p50/p99 ms",19}");
        foreach (var (name, ourLoad, theirLoad) in results)
            Console.WriteLine($"  {name,-30} {ourLoad.PerSecond,11:F0} {theirLoad.PerSecond,13:F0} {ourLoad.PerSecond / theirLoad.PerSecond,12:F2}   {ourLoad.Percentile(50),8:F2}/{ourLoad.Percentile(99),-8:F2} {theirLoad.Percentile(50),9:F2}/{theirLoad.Percentile(99),-9:F2}");
    }

    /// <summary>The most-named official and the median one among those named at least once, by SQL.</summary>
    private static async Task<(long Articles, (string Name, long Count) Most, (string Name, long Count) Median)> PickArguments(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT COUNT(*) FROM "Articles" """, connection);
        var articles = (long)(await count.ExecuteScalarAsync())!;
        await using var command = new NpgsqlCommand("""
            SELECT o."Name", c.n FROM (SELECT "OfficialId", COUNT(*) AS n FROM "Appearances" GROUP BY "OfficialId") c
            JOIN "Officials" o ON o."Id" = c."OfficialId" ORDER BY c.n DESC, o."Id"
            """, connection);
        var counts = new List<(string Name, long Count)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        return (articles, counts[0], counts[counts.Count / 2]);
    }

    private static async Task<JsonNode> Post(HttpClient client, string query, object? variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is { } errors) throw new InvalidOperationException($"PostGraphile errors: {errors.ToJsonString()}");
        return body["data"]!;
    }

    // PostGraphile's names for ours: (our field, the type of its rows, whether it is a connection to unwrap to a list).
    private static readonly Dictionary<string, (string Name, string Type, bool Nodes)> s_names = new()
    {
        ["allArticles"] = ("articles", "Article", false),
        ["allOfficials"] = ("officials", "Official", false),
        ["editionByEditionId"] = ("edition", "Edition", false),
        ["officialByOfficialId"] = ("official", "Official", false),
        ["articleByArticleId"] = ("article", "Article", false),
        ["appearancesByArticleId"] = ("appearances", "Appearance", true),
        ["appearancesByOfficialId"] = ("appearances", "Appearance", true),
        ["articleJournalistsByArticlesId"] = ("journalists", "Journalist", true),
    };

    /// <summary>
    /// PostGraphile's <c>data</c> in our schema's names: its row ids as our global IDs, its role numbers as our enum
    /// names, its backward relations' connections as our lists; a join row (ArticleJournalist) as the row it joins to.
    /// </summary>
    private static JsonNode? AsOurs(JsonNode? node, string type) => node switch
    {
        JsonArray list => new JsonArray(list.Select(item => AsOurs(item, type)).ToArray()),
        JsonObject { Count: 1 } join when join.First() is { Key: "journalistByJournalistsId" } only => AsOurs(only.Value, "Journalist"),
        JsonObject row => new JsonObject(row.Select(field => field.Key switch
        {
            "rowId" => new KeyValuePair<string, JsonNode?>("id", GlobalId.Encode(type, field.Value!.GetValue<int>())),
            "role" => new("role", ((AppearanceRole)field.Value!.GetValue<int>()).ToString().ToUpperInvariant()),
            var key when s_names.TryGetValue(key, out var ours) => new(ours.Name, AsOurs(ours.Nodes ? field.Value!["nodes"] : field.Value, ours.Type)),
            var key => new(key, AsOurs(field.Value, type)),
        })),
        _ => node?.DeepClone(),
    };

    /// <summary>@dataplan/pg's debug output without the rows it prints after each statement.</summary>
    private static IEnumerable<string> StatementsOnly(IEnumerable<string> lines)
    {
        var inResult = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("# RESULT", StringComparison.Ordinal)) inResult = true;
            else if (line.StartsWith("# SQL QUERY", StringComparison.Ordinal)) inResult = false;
            if (!inResult && line.Length > 0 && !line.StartsWith("\U0001F447", StringComparison.Ordinal) && !line.Contains("@dataplan/pg:PgExecutor")) yield return line;
        }
    }

    private static string Cut(string s) => s.Length <= 3000 ? s : s[..3000] + " …";
}
