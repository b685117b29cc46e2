using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// One operation of issue 8: the GraphQL request, the same response by hand-written SQL, and the minimal
/// endpoint's path for it (see <see cref="HttpLoad"/>).
/// </summary>
internal sealed record Operation(string Name, string Query, object? Variables, Action<HandWrittenSql, Utf8JsonWriter> Sql, string MinimalPath, bool OverHttp);

/// <summary>
/// The API and the hand-written SQL over one archive size, with the operations' arguments picked by SQL, the
/// keyset cursor of page 10,000 walked once, and every operation checked to answer the same JSON both ways.
/// Made once per process and size: BenchmarkDotNet calls a global setup per case, and the walk takes seconds.
/// </summary>
internal sealed class OperationFixture
{
    public const int DeepPage = 10_000;
    public const int OffsetSkip = 99_990;

    private static readonly Dictionary<(string, int?), Task<OperationFixture>> s_fixtures = [];

    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private OperationFixture(BenchmarkDatabase database, ArchiveApi api, HandWrittenSql sql)
    {
        Database = database;
        Api = api;
        Sql = sql;
    }

    public BenchmarkDatabase Database { get; }
    public long Articles { get; private set; }
    public ArchiveApi Api { get; }
    public HandWrittenSql Sql { get; }
    public string MostNamed { get; private set; } = "";
    public string MedianNamed { get; private set; } = "";
    public string Location { get; private set; } = "";
    public string DeepCursor { get; private set; } = "";
    public string DeepSqlCursor { get; private set; } = "";
    public List<Operation> Operations { get; private set; } = [];

    public static Task<OperationFixture> Get(int articles, int? kestrelPort = null) => Get(BenchmarkDatabase.Sqlite(articles), kestrelPort);

    public static Task<OperationFixture> Get(BenchmarkDatabase database, int? kestrelPort = null)
    {
        lock (s_fixtures)
        {
            if (!s_fixtures.TryGetValue((database.Name, kestrelPort), out var fixture))
                s_fixtures[(database.Name, kestrelPort)] = fixture = Create(database, kestrelPort);
            return fixture;
        }
    }

    public Operation this[string name] => Operations.Single(o => o.Name == name);

    /// <summary>The operations' names, known before any archive is opened.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        FrontPage, OfficialMost, OfficialMedian, Projects, DeepPageName, SomeMost, SomeMedian, OffsetName,
    ];

    // The GraphQL of operations 1, 2, 4 and 5; the `peer` mode sends them too (see PostGraphilePeer).
    public const string FrontPageQuery = "{ articles(first: 20, order: [{ eventDate: DESC }]) { nodes { id headline eventDate edition { newspaper date page } journalists { name } appearances { role titles official { name } } } } }";
    public const string OfficialQuery = "query($name: String) { officials(where: { name: { eq: $name } }) { nodes { id name appearances(first: 20, order: [{ eventDate: DESC }]) { role titles article { headline eventDate } } } } }";
    public const string DeepPageQuery = "query($after: String) { articles(first: 10, after: $after, order: [{ eventDate: DESC }]) { nodes { id headline eventDate } pageInfo { hasNextPage endCursor } } }";
    public const string WithOfficialQuery = "query($name: String) { articles(where: { appearances: { some: { official: { name: { eq: $name } } } } }) { totalCount nodes { id headline } } }";

    private const string FrontPage = "1 front page", OfficialMost = "2 official, most named", OfficialMedian = "2 official, median",
        Projects = "3 projects in location", DeepPageName = "4 page 10,000 by cursor", SomeMost = "5 some(official), most named",
        SomeMedian = "5 some(official), median";

    /// <summary>The deep-offset page, which costs what OFFSET costs: the profile skips it.</summary>
    internal const string OffsetName = "6 articlesPage skip 99,990";

    private static async Task<OperationFixture> Create(BenchmarkDatabase database, int? kestrelPort)
    {
        database.RefusePendingMigrations();
        var fixture = new OperationFixture(database, new ArchiveApi(database.ApiSettings, kestrelPort), database.OpenSql());
        await fixture.Prepare();
        return fixture;
    }

    // The statements below run on both engines: quoted names, and SQL that SQLite and PostgreSQL read alike.
    private async Task Prepare()
    {
        var db = Sql.Connection;
        using (var command = db.CreateCommand())
        {
            command.CommandText = """SELECT COUNT(*) FROM "Articles" """;
            Articles = Convert.ToInt64(command.ExecuteScalar());
        }
        Console.WriteLine($"// {Articles:N0} articles ({Database.Engine}, {Database.Name}): picking arguments by SQL …");
        // The most-named official, and the median one among those named at least once.
        var counts = new List<(string Name, long Count)>();
        using (var command = db.CreateCommand())
        {
            command.CommandText = """
                SELECT o."Name", c.n FROM (SELECT "OfficialId", COUNT(*) AS n FROM "Appearances" GROUP BY "OfficialId") c
                JOIN "Officials" o ON o."Id" = c."OfficialId" ORDER BY c.n DESC, o."Id"
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        (MostNamed, var most) = counts[0];
        (MedianNamed, var median) = counts[counts.Count / 2];
        using (var command = db.CreateCommand())
        {
            // The district with the most projects (any location with projects, where no district has one).
            command.CommandText = $"""
                SELECT l."Name", COUNT(*) FROM "Projects" p JOIN "Locations" l ON l."Id" = p."LocationId" GROUP BY l."Id"
                ORDER BY (l."Kind" = {(int)GraphQLArchive.Ingestion.Registry.LocationKind.District}) DESC, COUNT(*) DESC, l."Id" LIMIT 1
                """;
            using var reader = command.ExecuteReader();
            reader.Read();
            Location = reader.GetString(0);
            Console.WriteLine($"// most-named official {MostNamed} ({most:N0} appearances), median {MedianNamed} ({median:N0} of {counts.Count:N0} named officials); location {Location} ({reader.GetInt64(1)} projects)");
        }

        // A small archive (under 100,000 articles) has no page 10,000: its middle page stands in.
        var deepPage = (int)Math.Min(DeepPage, Math.Max(2, Articles / 20));
        var started = DateTime.UtcNow;
        DeepCursor = await CursorBeforeDeepPage(Api, deepPage);
        using (var command = db.CreateCommand())
        {
            command.CommandText = $"""SELECT "EventDate", "Id" FROM "Articles" ORDER BY "EventDate" DESC, "Id" LIMIT 1 OFFSET {(deepPage - 1) * 10 - 1}""";
            using var reader = command.ExecuteReader();
            reader.Read();
            DeepSqlCursor = HandWrittenSql.Cursor(Sql.ReadDate(reader, 0) ?? "", reader.GetInt64(1));
        }
        Console.WriteLine($"// walked to page {deepPage:N0} in {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        var (mostNamed, medianNamed, location, deepSqlCursor) = (MostNamed, MedianNamed, Location, DeepSqlCursor);
        Operations =
        [
            new(FrontPage, FrontPageQuery, null, (s, j) => s.FrontPage(j), "/front-page", true),
            new(OfficialMost, OfficialQuery, new { name = mostNamed }, (s, j) => s.OfficialAppearances(j, mostNamed), "/official?name=" + Uri.EscapeDataString(mostNamed), true),
            new(OfficialMedian, OfficialQuery, new { name = medianNamed }, (s, j) => s.OfficialAppearances(j, medianNamed), "/official?name=" + Uri.EscapeDataString(medianNamed), true),
            new(Projects, "query($name: String) { projects(order: [{ totalInvestment: DESC }], where: { location: { name: { eq: $name } } }) { nodes { id name totalInvestment } } }",
                new { name = location }, (s, j) => s.ProjectsIn(j, location), "/projects?location=" + Uri.EscapeDataString(location), false),
            new(DeepPageName, DeepPageQuery,
                new { after = DeepCursor }, (s, j) => s.ArticlesAfter(j, deepSqlCursor), "/articles?after=" + Uri.EscapeDataString(deepSqlCursor), true),
            new(SomeMost, WithOfficialQuery, new { name = mostNamed }, (s, j) => s.ArticlesWithOfficial(j, mostNamed), "/articles-with?name=" + Uri.EscapeDataString(mostNamed), false),
            new(SomeMedian, WithOfficialQuery, new { name = medianNamed }, (s, j) => s.ArticlesWithOfficial(j, medianNamed), "/articles-with?name=" + Uri.EscapeDataString(medianNamed), false),
            new(OffsetName, $"{{ articlesPage(skip: {OffsetSkip}, take: 10, order: [{{ eventDate: DESC }}]) {{ items {{ id headline eventDate }} }} }}",
                null, (s, j) => s.ArticlesPage(j, OffsetSkip, 10), $"/articles-page?skip={OffsetSkip}&take=10", false),
        ];

        // Both routes must answer the same data, or the comparison means nothing. Print what each statement costs.
        foreach (var operation in Operations)
        {
            Api.Statements.Capture = true;
            var ours = await Api.Post(operation.Query, operation.Variables);
            Api.Statements.Capture = false;
            var statements = Api.Statements.Take();
            var theirs = JsonNode.Parse(RunSql(operation))!["data"]!;
            foreach (var data in new[] { ours, theirs }) ForgetCursors(data);
            if (!JsonNode.DeepEquals(ours, theirs))
                throw new InvalidOperationException($"{operation.Name}: GraphQL and hand-written SQL differ.\n GraphQL: {Cut(ours.ToJsonString())}\n SQL:     {Cut(theirs.ToJsonString())}");
            Console.WriteLine($"// {operation.Name}: same data by GraphQL and by SQL ({ours.ToJsonString().Length:N0} characters); GraphQL sent {statements.Count} statement(s):");
            StatementLog.PrintWithPlans(Sql, statements, "//   ");
        }
        Console.WriteLine($"// EF Core compiled {Api.Compilations.Count} LINQ queries so far (the walk and the checks)");
        Console.WriteLine("// the hand-written statements:");
        StatementLog.PrintWithPlans(Sql, Sql.StatementsRun, "//   ");
    }

    /// <summary>
    /// The cursor before page <paramref name="page"/> (10,000 unless given; 10 a page) of <see cref="DeepPageQuery"/>'s
    /// order: keyset cursors are opaque, so walk to it through GraphQL, 50 a page.
    /// </summary>
    public static async Task<string> CursorBeforeDeepPage(ArchiveApi api, int page = DeepPage)
    {
        string? after = null;
        for (var seen = 0; seen < (page - 1) * 10; seen += 50)
        {
            var first = Math.Min(50, (page - 1) * 10 - seen);
            after = (string)(await api.Post("query($first: Int, $after: String) { articles(first: $first, after: $after, order: [{ eventDate: DESC }]) { pageInfo { endCursor } } }", new { first, after }))
                ["articles"]!["pageInfo"]!["endCursor"]!;
        }
        return after!;
    }

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Utf8JsonWriter? _writer;

    /// <summary>Runs the hand-written side into a reused buffer; the JSON bytes.</summary>
    public ReadOnlySpan<byte> RunSql(Operation operation)
    {
        _buffer.ResetWrittenCount();
        _writer ??= new Utf8JsonWriter(_buffer, JsonOptions);
        _writer.Reset(_buffer);
        operation.Sql(Sql, _writer);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    public static void ForgetCursors(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if (o.ContainsKey("endCursor")) o["endCursor"] = "";
            foreach (var (_, child) in o) ForgetCursors(child);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a) ForgetCursors(child);
        }
    }

    private static string Cut(string s) => s.Length <= 3000 ? s : s[..3000] + " …";
}
