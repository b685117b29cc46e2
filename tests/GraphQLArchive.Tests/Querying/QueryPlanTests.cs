using System.Text.Json.Nodes;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Generation;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GraphQLArchive.Tests.QueryingTests;

/// <summary>
/// The plan of every statement that a realistic operation sends, read with <c>EXPLAIN QUERY PLAN</c> on a generated
/// archive: no statement may scan a table, build an automatic index over one, or materialize a subquery over one.
/// Plans are the same at any size here (the archive has no statistics), so a plan that holds on 800 articles
/// holds on a million.
/// </summary>
public sealed class QueryPlanTests(GeneratedArchiveFixture archive) : IClassFixture<GeneratedArchiveFixture>
{
    public static TheoryData<string, string> Operations => new()
    {
        { "front page", """
            { articles(first: 20, order: [{ eventDate: DESC }]) { nodes { headline eventDate edition { newspaper date page }
                journalists { name } appearances { role titles official { name } } } } }
            """ },
        { "an official's latest appearances", """
            query($official: String!) { officials(where: { name: { eq: $official } }) { nodes { name
                appearances(first: 20, order: [{ eventDate: DESC }]) { role titles article { headline eventDate } } } } }
            """ },
        { "projects by investment in a district", """
            query($district: String!) { projects(order: [{ totalInvestment: DESC }], where: { location: { name: { eq: $district } } }) {
                nodes { name totalInvestment location { name } } } }
            """ },
        { "projects above a figure to the thousandth", """
            { projects(first: 20, order: [{ totalInvestment: DESC }], where: { totalInvestment: { gt: 1999999999.999 } }) { nodes { name totalInvestment } } }
            """ },
        { "a deep page by cursor", """
            query($after: String) { articles(first: 10, after: $after, order: [{ eventDate: DESC }]) { nodes { headline eventDate officials { name } } } }
            """ },
        { "articles of an official, counted", """
            query($official: String!) { articles(where: { appearances: { some: { official: { name: { eq: $official } } } } }) {
                totalCount nodes { headline } } }
            """ },
        { "an official's page", """
            query($official: String!) { officials(where: { name: { eq: $official } }) { nodes { name currentTitles articleCount
                positions { title firstSeen lastSeen organization { name } } articles(first: 5, order: [{ eventDate: DESC }]) { headline } } } }
            """ },
        { "a location's page", """
            query($district: String!) { locations(where: { name: { eq: $district } }) { nodes { name parent { name } children { name kind }
                articles(first: 10, order: [{ eventDate: DESC }]) { headline } projects { name status } } } }
            """ },
    };

    [SqliteTheory]
    [MemberData(nameof(Operations))]
    public async Task No_statement_of_a_realistic_operation_scans_or_materializes_a_table(string operation, string query)
    {
        var statements = await RunAsync(archive.Api, query, await VariablesAsync(archive.Api));

        using var connection = new SqliteConnection($"Data Source={archive.Api.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        // The premise that makes 800 articles stand for a million: without statistics the planner's choices do not depend on the data.
        using (var statistics = connection.CreateCommand())
        {
            statistics.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'";
            Assert.Equal(0L, (long)statistics.ExecuteScalar()!);
        }
        foreach (var statement in statements)
        {
            var plan = QueryPlan.Explain(connection, statement);
            var offending = plan.Offending(statement.Sql).ToList();
            Assert.True(offending.Count == 0, $"{operation}: {string.Join(", ", offending)}\n{statement.Sql}\n{plan}");
        }
    }

    /// <summary>The statements <paramref name="query"/> sent, with their parameters.</summary>
    internal static async Task<IReadOnlyList<RecordedStatement>> RunAsync(IGraphQLArchive api, string query, object variables)
    {
        api.Sql.Reset();
        var response = await api.PostAsync(query, variables);
        Assert.True(response.Json["errors"] is null, response.Text);
        var statements = api.Sql.Recorded;
        Assert.NotEmpty(statements);
        return statements;
    }

    /// <summary>An official and a district to ask about, and a cursor 300 articles deep.</summary>
    internal static async Task<object> VariablesAsync(IGraphQLArchive api)
    {
        var data = (await api.PostAsync("""
            { officials(first: 1, order: [{ articleCount: DESC }]) { nodes { name } }
              locations(first: 1, where: { kind: { eq: DISTRICT } }, order: [{ name: ASC }]) { nodes { name } } }
            """)).Json["data"]!;
        string? after = null;
        for (var walked = 0; walked < 300; walked += 50)
            after = (string)(await api.PostAsync("query($after: String) { articles(first: 50, after: $after, order: [{ eventDate: DESC }]) { pageInfo { endCursor } } }", new { after }))
                .Json["data"]!["articles"]!["pageInfo"]!["endCursor"]!;
        return new { official = (string)data["officials"]!["nodes"]![0]!["name"]!, district = (string)data["locations"]!["nodes"]![0]!["name"]!, after };
    }
}

/// <summary>An <c>EXPLAIN QUERY PLAN</c> of a recorded statement, and the rules a statement's plan must keep.</summary>
internal sealed record QueryPlan(IReadOnlyList<string> Lines)
{
    public static QueryPlan Explain(SqliteConnection connection, RecordedStatement statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(reader.GetString(3));
        return new QueryPlan(lines);
    }

    /// <summary>
    /// What the plan reads beyond what the statement returns:
    /// a scan of a table (a scan of an index is allowed when the index gives the statement's order and a LIMIT stops it),
    /// an automatic index (the table is read whole to build it), or a materialized subquery.
    /// A COUNT without a filter counts the table: that is what it returns.
    /// </summary>
    public IEnumerable<string> Offending(string sql)
    {
        // Subqueries that stream their rows into the outer query (co-routines) are scanned as they come.
        var streamed = Lines.Where(l => l.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(l => l["CO-ROUTINE ".Length..].Trim()).ToHashSet();
        var limited = sql.Contains("LIMIT", StringComparison.Ordinal);
        var sortsAfterwards = Lines.Any(l => l.StartsWith("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        foreach (var line in Lines)
        {
            if (line.Contains("AUTOMATIC", StringComparison.Ordinal)) yield return line;
            else if (line.StartsWith("MATERIALIZE", StringComparison.Ordinal)) yield return line;
            else if (line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains("VIRTUAL TABLE", StringComparison.Ordinal) // the key list
                     && !streamed.Contains(line.Split(' ')[1]) && !line.StartsWith("SCAN (", StringComparison.Ordinal) && !line.StartsWith("SCAN CONSTANT", StringComparison.Ordinal))
            {
                var usesIndex = line.Contains(" USING ", StringComparison.Ordinal);
                if (!(usesIndex && limited && !sortsAfterwards)) yield return line;
            }
        }
    }

    public override string ToString() => string.Join("\n", Lines);
}

/// <summary>
/// The same operations on PostgreSQL, read with <c>EXPLAIN</c> while sequential scans are priced out
/// (<c>enable_seqscan = off</c>): on tables this small the planner rightly prefers them, so a sequential scan
/// that remains means no index can serve the statement.
/// </summary>
public sealed class PostgresQueryPlanTests(Postgres.PostgresGeneratedArchive archive) : IClassFixture<Postgres.PostgresGeneratedArchive>
{
    [Theory]
    [MemberData(nameof(QueryPlanTests.Operations), MemberType = typeof(QueryPlanTests))]
    public async Task No_statement_of_a_realistic_operation_needs_a_sequential_scan(string operation, string query) =>
        await AssertNoSequentialScanAsync(operation, query, await QueryPlanTests.VariablesAsync(archive.Api));

    [Theory]
    [InlineData("body", "重点项目", "IX_Articles_Body_trgm")]
    [InlineData("body", "会议", "IX_Articles_CharacterPairs")]
    [InlineData("headline", "市", "IX_Articles_Characters")]
    public async Task Contains_on_searched_text_reads_its_text_index(string field, string term, string index)
    {
        var operation = $"{field} contains {term}";
        var query = $"query($term: String!) {{ articles(first: 10, where: {{ {field}: {{ contains: $term }} }}) {{ totalCount nodes {{ headline }} }} }}";
        var plans = await AssertNoSequentialScanAsync(operation, query, new { term });
        // The count's plan must seek the index that serves the term's length: a trigram index for 3+ characters. For
        // fewer, the trigram index holds no key, and EF Core's LIKE would read all of it. (The page may rightly walk the
        // primary key in order instead, when the planner expects its first rows to match early.)
        Assert.Equal(2, plans.Count);
        var count = Assert.Single(plans, plan => !plan.StartsWith("Limit", StringComparison.Ordinal));
        Assert.True(count.Contains($"Bitmap Index Scan on \"{index}\"", StringComparison.Ordinal), $"{operation}:\n{count}");
    }

    /// <summary>Runs the operation and checks each statement's plan; returns the plans.</summary>
    private async Task<List<string>> AssertNoSequentialScanAsync(string operation, string query, object variables)
    {
        var statements = await QueryPlanTests.RunAsync(archive.Api, query, variables);
        await using var connection = new NpgsqlConnection(archive.Api.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        var plans = new List<string>();
        foreach (var statement in statements)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + statement.Sql, connection);
            foreach (var (name, value) in statement.Parameters) explain.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
            var scans = plan.Where(l => l.Contains("Seq Scan", StringComparison.Ordinal)).ToList();
            Assert.True(scans.Count == 0, $"{operation}: {string.Join(", ", scans)}\n{statement.Sql}\n{string.Join("\n", plan)}");
            plans.Add(string.Join("\n", plan));
        }
        return plans;
    }
}

/// <summary>
/// A list filter on PostgreSQL when the matching items sit at the far end of the parents' key, as an official's
/// appearances sit in the years of their term: PostgreSQL must not walk the parents' primary key from the first to find
/// them. Read with <c>EXPLAIN ANALYZE</c> on its own copy of a generated archive, whose appearances it rewrites.
/// </summary>
public sealed class PostgresMembershipPlanTests(Postgres.PostgresGeneratedArchive archive) : IClassFixture<Postgres.PostgresGeneratedArchive>
{
    private const int Matches = 12;

    [Fact]
    public async Task A_list_filter_reads_its_matches_not_the_parents_before_them()
    {
        await using var connection = new NpgsqlConnection(archive.Api.ConnectionString);
        await connection.OpenAsync();
        // Every official named in every article but one official, named only in the last ones: the planner's estimate of an
        // official's matches is their average, so it expects that one's early too (as at a million articles: 9,878 expected
        // of each, while the median official's first article is number 862,260).
        var name = (string)(await ScalarAsync(connection, """SELECT "Name" FROM "Officials" ORDER BY "Id" LIMIT 1"""))!;
        await ScalarAsync(connection, """DELETE FROM "Appearances" """);
        await ScalarAsync(connection, """
            INSERT INTO "Appearances" ("ArticleId", "OfficialId", "Role", "Titles")
            SELECT a."Id", o."Id", 0, '{}' FROM "Articles" a CROSS JOIN "Officials" o WHERE o."Name" <> @name
            """, ("name", name));
        await ScalarAsync(connection, $$"""
            INSERT INTO "Appearances" ("ArticleId", "OfficialId", "Role", "Titles")
            SELECT a."Id", (SELECT "Id" FROM "Officials" WHERE "Name" = @name), 0, '{}' FROM "Articles" a ORDER BY a."Id" DESC LIMIT {{Matches}}
            """, ("name", name));
        var appearances = Convert.ToInt64(await ScalarAsync(connection, """SELECT count(*) FROM "Appearances" """));
        await ScalarAsync(connection, "VACUUM ANALYZE"); // the moved appearances' old index entries would be read as rows

        var statements = await QueryPlanTests.RunAsync(archive.Api, """
            query($official: String!) { articles(first: 10, where: { appearances: { some: { official: { name: { eq: $official } } } } }) {
                totalCount nodes { id } } }
            """, new { official = name });
        var response = await archive.Api.PostAsync("""
            query($official: String!) { articles(first: 10, where: { appearances: { some: { official: { name: { eq: $official } } } } }) { totalCount } }
            """, new { official = name });
        Assert.Equal(Matches, (int)response.Json["data"]!["articles"]!["totalCount"]!);

        // Sequential scans priced out, as in PostgresQueryPlanTests: on tables this small the planner rightly prefers them.
        await ScalarAsync(connection, "SET enable_seqscan = off");
        foreach (var statement in statements)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + statement.Sql, connection);
            foreach (var (parameter, value) in statement.Parameters) explain.Parameters.AddWithValue(parameter.TrimStart('@'), value ?? DBNull.Value);
            var plan = JsonNode.Parse((string)(await explain.ExecuteScalarAsync())!)![0]!["Plan"]!;
            var read = RowsRead(plan);
            // The matches and their articles, never the appearances before them. (On 803 articles PostgreSQL may rightly
            // walk the articles' primary key to merge with the official's appearances in article order; at a million it
            // seeks each article.)
            Assert.True(read * 10 < appearances, $"{statement.Sql}\nreads {read} rows, of {appearances} appearances:\n{plan}");
        }
    }

    /// <summary>The rows that the plan's scans read: those they returned and those their filters removed, on every loop.</summary>
    private static long RowsRead(JsonNode node)
    {
        long read = 0;
        if (((string)node["Node Type"]!).Contains("Scan", StringComparison.Ordinal))
            read = ((long)node["Actual Rows"]! + ((long?)node["Rows Removed by Filter"] ?? 0) + ((long?)node["Rows Removed by Index Recheck"] ?? 0))
                   * (long)node["Actual Loops"]!;
        foreach (var child in node["Plans"]?.AsArray() ?? [])
            read += RowsRead(child!);
        return read;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameter, value) in parameters) command.Parameters.AddWithValue(parameter, value);
        return await command.ExecuteScalarAsync();
    }
}
