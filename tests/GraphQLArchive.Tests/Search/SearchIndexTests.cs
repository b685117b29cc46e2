using System.Diagnostics;
using System.Text.RegularExpressions;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Generation;
using GraphQLArchive.Model.Storage.Sqlite;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Generation;
using GraphQLArchive.Tests.QueryingTests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Search;

/// <summary>On a generated archive: every term length is found through an index, and facets join the hits in the database.</summary>
public sealed class SearchIndexTests(GeneratedArchiveFixture archive) : IClassFixture<GeneratedArchiveFixture>
{
    // 1, 2, 3 and 4 characters; every one occurs in the generated text.
    [SqliteTheory]
    [InlineData("市")]
    [InlineData("会议")]
    [InlineData("新能源")]
    [InlineData("重点项目")]
    public async Task Every_term_length_finds_what_a_scan_finds_and_reads_only_the_index(string term)
    {
        var statements = await QueryPlanTests.RunAsync(archive.Api, "query($q: String!) { search(query: $q) { totalCount facets { total } edges { node { headline } } } }", new { q = term });
        var response = await archive.Api.PostAsync("query($q: String!) { search(query: $q) { totalCount } }", new { q = term });
        var found = (int)response.Json["data"]!["search"]!["totalCount"]!;

        using var connection = new SqliteConnection($"Data Source={archive.Api.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using (var scan = connection.CreateCommand())
        {
            scan.CommandText = """
                SELECT count(*) FROM Articles a WHERE instr(a.Headline, $t) OR instr(ifnull(a.Subheadline, ''), $t) OR instr(ifnull(a.Kicker, ''), $t)
                  OR instr(a.Body, $t) OR EXISTS (SELECT 1 FROM Photo p WHERE p.ArticleId = a.Id AND instr(p.Caption, $t))
                """;
            scan.Parameters.AddWithValue("$t", term);
            var expected = Convert.ToInt32(scan.ExecuteScalar());
            Assert.True(expected > 0, $"{term} should occur in the generated archive");
            Assert.Equal(expected, found);
        }

        // The hits' statement: FTS5 lookups, and for 3+ characters each candidate's text read by its key (the pairs
        // found, checked against the term); no scan of a table, and each column tested once.
        var hits = statements.Single(s => s.Sql.StartsWith("INSERT INTO temp.", StringComparison.Ordinal));
        const string columns = "(\"Id\", \"Score\") ";
        var select = hits.Sql[(hits.Sql.IndexOf(columns, StringComparison.Ordinal) + columns.Length)..];
        var plan = QueryPlan.Explain(connection, hits with { Sql = select });
        var lines = string.Join("\n", plan.Lines);
        Assert.DoesNotContain(plan.Lines, l => Regex.IsMatch(l, @"^SCAN (?!ArticleBigrams VIRTUAL TABLE|\(subquery-\d+\)$|g\d+$)"));
        var reads = plan.Lines.Where(l => l.StartsWith("SEARCH ", StringComparison.Ordinal)).ToList();
        Assert.True(reads.All(l => l is "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)" or "SEARCH t USING INDEX IX_Photo_ArticleId (ArticleId=?)"), lines);
        Assert.True(term.Length >= 3 == reads.Count > 0, lines);
        var lookups = plan.Lines.Where(l => l.Contains("VIRTUAL TABLE", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lookups);
        Assert.All(lookups, l => Assert.Contains(":M", l)); // every FTS5 read is a MATCH, none a full scan of the index
    }

    [SqliteTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_relevance_page_walks_the_hits_by_rank_and_reads_only_its_own_articles(bool secondPage)
    {
        // Page 2 as well: the cursor's keys are the hits' own, so the walk starts at the cursor in the rank index.
        const string first = "query($q: String!) { search(query: $q, first: 5) { pageInfo { endCursor } } }";
        var cursor = (string?)(await archive.Api.PostAsync(first, new { q = "会议" })).Json["data"]!["search"]!["pageInfo"]!["endCursor"];
        var statements = await QueryPlanTests.RunAsync(archive.Api,
            "query($q: String!, $after: String) { search(query: $q, first: 5, after: $after) { edges { node { headline } highlights { snippet } } } }",
            new { q = "会议", after = secondPage ? cursor : null });

        var plan = ExplainPage(archive.Api.DatabaseFile, statements);
        var lines = string.Join("\n", plan.Lines);
        Assert.True(plan.Lines[0].Contains("USING COVERING INDEX SearchHits_1_Rank", StringComparison.Ordinal), lines);
        Assert.DoesNotContain(plan.Lines, l => l.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ search(query: \"会议\") { totalCount facets { total } } }")]
    [InlineData("{ search(query: \"会议\", order: NEWEST) { nodes { headline } } }")]
    public async Task Hits_that_no_relevance_page_reads_get_no_rank_index(string query)
    {
        var statements = await QueryPlanTests.RunAsync(archive.Api, query, new { });
        Assert.Single(statements, s => s.Sql.Contains("CREATE TEMP TABLE", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Sql.Contains("_Rank", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Facets_over_most_of_the_archive_count_every_hit_and_send_no_ids()
    {
        var statements = await QueryPlanTests.RunAsync(archive.Api, "{ search(query: \"市\") { totalCount facets(top: 3) { total officials { count } months { count } } } }", new { });
        var response = await archive.Api.PostAsync("{ search(query: \"市\") { totalCount facets(top: 3) { total officials { count } } } }");
        var search = response.Json["data"]!["search"]!;
        Assert.True((int)search["totalCount"]! > 700, search.ToJsonString());
        Assert.Equal((int)search["totalCount"]!, (int)search["facets"]!["total"]!);
        Assert.Equal(3, search["facets"]!["officials"]!.AsArray().Count);
        // Before, the facets sent every matching id back as a parameter; now no statement has more than the terms' few.
        Assert.All(statements, s => Assert.True(s.Parameters.Count <= 10, $"{s.Parameters.Count} parameters: {s.Sql}"));
    }

    [Fact]
    public async Task Each_month_bucket_counts_the_hits_whose_event_date_falls_in_that_month()
    {
        // Checked through the API's own date filter, so it holds on either engine, whatever SQL each writes for a month.
        var response = await archive.Api.PostAsync("{ search(query: \"会议\") { facets(top: 5) { months { month count } } } }");
        var months = response.Json["data"]!["search"]!["facets"]!["months"]!.AsArray();
        Assert.True(months.Count >= 2, response.Text); // the generated month, and the seed page's
        foreach (var bucket in months)
        {
            var first = DateOnly.ParseExact((string)bucket!["month"]! + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var count = await archive.Api.PostAsync("query($from: LocalDate, $to: LocalDate) { search(query: \"会议\", where: { eventDate: { gte: $from, lt: $to } }) { totalCount } }",
                new { from = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = first.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            Assert.True(count.Json["errors"] is null, count.Text);
            Assert.Equal((int)bucket["count"]!, (int)count.Json["data"]!["search"]!["totalCount"]!);
        }
    }

    /// <summary>
    /// The plan of a search's page statement. The hits' table is the request's own: it is made again on a connection of
    /// the test's, by the request's own statements (make, fill, index and analyze), then the page is explained there.
    /// </summary>
    internal static QueryPlan ExplainPage(string databaseFile, IReadOnlyList<RecordedStatement> statements)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var fill = statements.Where(s => !s.Sql.StartsWith("SELECT", StringComparison.Ordinal) && s.Sql.Contains("temp.\"SearchHits_1\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, fill.Count);
        foreach (var statement in fill)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var (name, value) in statement.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        var page = statements.Single(s => s.Sql.Contains("ORDER BY", StringComparison.Ordinal) && s.Sql.Contains("SearchHits_1", StringComparison.Ordinal));
        return QueryPlan.Explain(connection, page);
    }
}

/// <summary>Relevance cursors rest on scores that depend on the article alone, so an ingest between two pages moves nothing.</summary>
public sealed class SearchCursorStabilityTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private async Task<(List<string> Ids, string? End)> PageAsync(string query, int first, string? after)
    {
        var response = await api.PostAsync("query($q: String!, $first: Int, $after: String) { search(query: $q, first: $first, after: $after) { edges { node { id } } pageInfo { endCursor } } }",
            new { q = query, first, after });
        Assert.True(response.Json["errors"] is null, response.Text);
        var search = response.Json["data"]!["search"]!;
        return (search["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!).ToList(), (string?)search["pageInfo"]!["endCursor"]);
    }

    [Theory]
    [InlineData("罗清宇")] // its pairs, checked against the text
    [InlineData("罗")]     // a prefix of the pairs
    public async Task An_ingest_between_two_pages_neither_repeats_nor_skips_a_hit(string query)
    {
        _ = api.Server;
        var (all, _) = await PageAsync(query, 50, null);
        Assert.True(all.Count >= 2, $"{query} should find at least two seed articles");
        var (first, cursor) = await PageAsync(query, 1, null);

        // Thirty more reports that name the term in their body: under bm25 they changed every score.
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var edition = await db.Editions.FirstAsync();
            for (var i = 0; i < 30; i++)
                db.Articles.Add(new Article { EditionId = edition.Id, Ordinal = 100 * query.Length + i, Headline = $"简讯{i}", Body = $"本报讯 {query}{i}。" });
            await db.SaveChangesAsync();
        }

        var (rest, _) = await PageAsync(query, 50, cursor);
        Assert.Equal(all.Skip(1), rest.Take(all.Count - 1));
        Assert.DoesNotContain(first[0], rest);
    }
}

/// <summary>The database opens, and its triggers run, in Debian's sqlite3 3.40.</summary>
public sealed class SqliteCompatibilityTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    /// <summary>Syntax newer than SQLite 3.40: ORDER BY inside an aggregate, and functions and options of 3.43–3.44.</summary>
    private static readonly Regex Newer = new(@"group_concat\([^)]*\bORDER\s+BY|\bstring_agg\s*\(|\bconcat(_ws)?\s*\(|\bcontentless_delete\b|\btimediff\s*\(|\boctet_length\s*\(|\bunistr\s*\(",
        RegexOptions.IgnoreCase);

    [SqliteFact]
    public void The_schema_uses_no_syntax_newer_than_3_40()
    {
        _ = api.Server;
        using var connection = new SqliteConnection($"Data Source={api.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL";
        using var reader = command.ExecuteReader();
        var objects = 0;
        while (reader.Read())
        {
            objects++;
            Assert.False(Newer.IsMatch(reader.GetString(1)), $"{reader.GetString(0)} needs a SQLite newer than 3.40: {reader.GetString(1)}");
        }
        Assert.True(objects > 20);
    }

    [SqliteFact]
    public void Debian_sqlite3_reads_the_file_and_runs_its_triggers()
    {
        const string cli = "/usr/bin/sqlite3";
        if (!File.Exists(cli)) return; // the static check above still holds
        _ = api.Server;
        var copy = Path.Combine(Path.GetTempPath(), $"archive-cli-{Guid.NewGuid():N}.db");
        try
        {
            using (var source = new SqliteConnection($"Data Source={api.DatabaseFile};Pooling=False"))
            {
                source.Open();
                using var backup = source.CreateCommand();
                backup.CommandText = $"VACUUM INTO '{copy}'";
                backup.ExecuteNonQuery();
            }
            var output = Run(cli, copy, """
                SELECT count(*) FROM Articles;
                UPDATE Articles SET Headline = Headline || '（更正）' WHERE Id = 1;
                INSERT INTO Photo (ArticleId, Caption, Credit) VALUES (1, '图为防汛演练现场。', '记者');
                SELECT count(*) FROM ArticleBigrams WHERE ArticleBigrams MATCH '"更正"';
                SELECT count(*) FROM ArticleBigrams WHERE ArticleBigrams MATCH '"演练"';
                PRAGMA integrity_check;
                """);
            Assert.Equal("3\n1\n1\nok", output.Trim());
        }
        finally
        {
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(file);
        }
    }

    private static string Run(string cli, string file, string sql)
    {
        using var process = Process.Start(new ProcessStartInfo(cli, [file]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.StandardInput.Write(sql);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0 && error.Length == 0, $"sqlite3 failed ({process.ExitCode}): {error}");
        return output;
    }
}

/// <summary>The bigram text computed in .NET for bulk loads is the one the triggers compute in SQL, or FTS5 would delete the wrong tokens.</summary>
public sealed class SearchBigramsTests
{
    [Theory]
    [InlineData("督导工作", "督导 导工 工作 作")]
    [InlineData("罗", "罗")]
    [InlineData("", "")]
    [InlineData("GDP增长6.5%", "GD DP P增 增长 长6 6. .5 5% %")]
    [InlineData("𠀀字", "𠀀字 字")] // a character outside the BMP is one character, as SQLite counts it
    public void DotNet_and_SQL_agree(string text, string expected)
    {
        Assert.Equal(expected, SearchBigrams.Of(text));
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SearchBigrams.Sql("$text")}";
        command.Parameters.AddWithValue("$text", text);
        Assert.Equal(expected, command.ExecuteScalar() as string);
    }

    [Fact]
    public void Null_has_no_pairs() => Assert.Null(SearchBigrams.Of(null));
}

/// <summary>Generated editions span what the archive's size needs at about 60 reports a day, and end in the past.</summary>
public sealed class GeneratedDateRangeTests
{
    [Fact]
    public void A_million_articles_start_in_the_1970s_or_later_and_end_by_2025()
    {
        var first = ArchiveGenerator.FirstEditionFor(1_000_000);
        Assert.InRange(first.Year, 1975, 1985);
        Assert.True(ArchiveGenerator.FirstEditionFor(100) > new DateOnly(2025, 12, 1));
    }

    [Fact]
    public void A_generated_archive_prints_about_sixty_reports_a_day_and_none_after_2025()
    {
        using var generated = GeneratedDatabase.Create(600, seed: 3);
        Assert.Equal(0, generated.Scalar("SELECT COUNT(*) FROM Articles WHERE EventDate > '2025-12-31'"));
        var days = generated.Scalar("SELECT COUNT(DISTINCT Date) FROM Editions");
        Assert.InRange(600.0 / days, 45, 75);
    }
}

/// <summary><c>contains</c> on an article's indexed text reads the search index, and finds what a scan finds.</summary>
public sealed class ContainsFilterIndexTests(GeneratedArchiveFixture archive) : IClassFixture<GeneratedArchiveFixture>
{
    [SqliteTheory]
    [InlineData("body", "Body", "市")]
    [InlineData("body", "Body", "会议")]
    [InlineData("body", "Body", "重点项目")]
    [InlineData("headline", "Headline", "项目")]
    public async Task Contains_on_indexed_text_is_answered_through_the_index(string field, string column, string term)
    {
        var query = $$"""query($t: String!) { articles(first: 5, where: { {{field}}: { contains: $t } }) { totalCount nodes { headline } } }""";
        var statements = await QueryPlanTests.RunAsync(archive.Api, query, new { t = term });
        var response = await archive.Api.PostAsync(query, new { t = term });
        var found = (int)response.Json["data"]!["articles"]!["totalCount"]!;

        using var connection = new SqliteConnection($"Data Source={archive.Api.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using (var scan = connection.CreateCommand())
        {
            scan.CommandText = $"SELECT count(*) FROM Articles WHERE instr({column}, $t) > 0";
            scan.Parameters.AddWithValue("$t", term);
            var expected = Convert.ToInt32(scan.ExecuteScalar());
            Assert.True(expected > 0, $"{term} should occur in the generated {field}s");
            Assert.Equal(expected, found);
        }
        var count = statements.Single(s => s.Sql.Contains("COUNT(*)", StringComparison.Ordinal));
        Assert.Contains("MATCH", count.Sql);
        var plan = QueryPlan.Explain(connection, count);
        Assert.DoesNotContain(plan.Lines, l => l.StartsWith("SCAN a", StringComparison.Ordinal) && !l.Contains("VIRTUAL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_term_the_index_cannot_answer_is_still_found_by_the_scan()
    {
        var response = await archive.Api.PostAsync("""{ articles(where: { body: { contains: "," } }) { totalCount } }""");
        Assert.True(response.Json["errors"] is null, response.Text);
        Assert.True((int)response.Json["data"]!["articles"]!["totalCount"]! > 0, response.Text);
    }
}
