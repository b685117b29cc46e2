using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <c>search [--articles N] [--rounds R] [--like-rounds L]</c>: issue 10's searches in-process, alternating one GraphQL
/// request with the same answer by hand-written SQL over the same index tables, R times each after warm-up; then a
/// LIKE scan of the text, L times (it is slow, and only the reference). Prints p50s and the ratios.
/// </summary>
/// <remarks>
/// Each case reads what a search page shows: 10 hits with headlines, <c>totalCount</c>, and the top 10 officials,
/// locations, projects, journalists and months. The hand-written SQL is what one would write knowing the schema:
/// the MATCH once into a temporary table (analyzed, so that joins start from it), then the page, the count and each facet from it.
/// Before timing, each case's count and facets must be the same both ways (the page is not compared: the hand-written SQL
/// does not rank).
/// </remarks>
internal static class SearchAlternating
{
    /// <summary>A case: <paramref name="Match"/> finds the candidates in the bigram index; <paramref name="Checked"/> when
    /// they are a term's pairs, which the text must then hold in order (as LIKE tests).</summary>
    private sealed record Case(string Name, string Query, string? Variable, string Match, bool Checked, string LikeTerm, bool Facets);

    private const string SearchQuery = """
        query($q: String!) { search(query: $q) { totalCount edges { node { headline } }
          facets { total officials { value { name } count } locations { value { name } count } projects { value { name } count }
                   journalists { value { name } count } months { month count } } } }
        """;

    private const string ContainsQuery = "query($q: String!) { articles(first: 10, where: { body: { contains: $q } }) { totalCount nodes { headline } } }";

    private static readonly Case[] Cases =
    [
        new("蓝宝石 (3) + count + facets", SearchQuery, "蓝宝石", "\"蓝宝\" \"宝石\"", Checked: true, "蓝宝石", true),
        new("督导 (2) + count + facets", SearchQuery, "督导", "\"督导\"", Checked: false, "督导", true),
        new("疫情防控 (4) + count + facets", SearchQuery, "疫情防控", "\"疫情\" \"情防\" \"防控\"", Checked: true, "疫情防控", true),
        new("body contains 导张斌晋", ContainsQuery, "导张斌晋", "{Body} : (\"导张\" \"张斌\" \"斌晋\")", Checked: true, "导张斌晋", false),
    ];

    public static async Task<int> Run(string[] args)
    {
        var articles = HttpLoad.Option(args, "--articles", BenchmarkArchive.DefaultArticles);
        var rounds = HttpLoad.Option(args, "--rounds", 20);
        var likeRounds = HttpLoad.Option(args, "--like-rounds", 3);
        var file = BenchmarkArchive.EnsureFile(articles);
        using var api = new ArchiveApi(file);
        using var sql = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        sql.Open();

        Console.WriteLine();
        Console.WriteLine($"In-process, {articles:N0} articles, one GraphQL request then one hand-written SQL run, {rounds} rounds; LIKE scan {likeRounds} rounds:");
        Console.WriteLine($"  {"search",-32} {"matches",8} {"GraphQL p50",12} {"FTS SQL p50",12} {"ratio",7} {"LIKE p50",10} {"GraphQL/LIKE",13}");
        foreach (var c in Cases)
        {
            var data = await api.Post(c.Query, new { q = c.Variable });
            var found = (int)(c.Facets ? data["search"]!["totalCount"]! : data["articles"]!["totalCount"]!);
            var bySql = HandWritten(sql, c, like: false);
            if (bySql != found) throw new InvalidOperationException($"{c.Name}: GraphQL counts {found}, the hand-written SQL {bySql}.");
            if (c.Facets && FacetsOf(data) is var ourFacets && HandWrittenFacets(sql) is var sqlFacets && ourFacets != sqlFacets)
                throw new InvalidOperationException($"{c.Name}: the facets differ.\nGraphQL:\n{ourFacets}\nhand-written SQL:\n{sqlFacets}");

            List<double> ours = [], fts = [], like = [];
            for (var round = -2; round < rounds; round++)
            {
                var start = Stopwatch.GetTimestamp();
                await api.PostRaw(c.Query, new { q = c.Variable });
                var oursTime = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                HandWritten(sql, c, like: false);
                var ftsTime = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (round < 0) continue;
                ours.Add(oursTime);
                fts.Add(ftsTime);
            }
            for (var round = 0; round < likeRounds; round++)
            {
                var start = Stopwatch.GetTimestamp();
                var byLike = HandWritten(sql, c, like: true);
                like.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (byLike != found) throw new InvalidOperationException($"{c.Name}: GraphQL counts {found}, the LIKE scan {byLike}.");
            }
            var (o, f, l) = (Alternating.Percentile(ours, 50), Alternating.Percentile(fts, 50), Alternating.Percentile(like, 50));
            Console.WriteLine($"  {c.Name,-32} {found,8:N0} {o,9:F1} ms {f,9:F1} ms {o / f,6:F1}x {l,7:F0} ms {o / l,12:F3}x");
        }
        return 0;
    }

    /// <summary>The page, the count and (for searches) the five facets; returns the count.</summary>
    private static int HandWritten(SqliteConnection connection, Case c, bool like)
    {
        var holds = c.Facets
            ? "a.Headline LIKE $like OR a.Subheadline LIKE $like OR a.Kicker LIKE $like OR a.Body LIKE $like OR EXISTS (SELECT 1 FROM Photo p WHERE p.ArticleId = a.Id AND p.Caption LIKE $like)"
            : "a.Body LIKE $like";
        const string candidates = "SELECT rowid FROM ArticleBigrams WHERE ArticleBigrams MATCH $match";
        var filter = like ? $"SELECT a.Id AS id FROM Articles a WHERE {holds}"
            : c.Checked ? $"SELECT a.Id AS id FROM Articles a WHERE a.Id IN ({candidates}) AND ({holds})"
            : candidates;
        Execute(connection, "DROP TABLE IF EXISTS temp.hand_hits; CREATE TEMP TABLE hand_hits (id INTEGER PRIMARY KEY); " +
                            $"INSERT INTO temp.hand_hits {filter}; ANALYZE temp.hand_hits;", c);
        var count = Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM temp.hand_hits"));
        Read(connection, "SELECT a.Headline FROM temp.hand_hits h JOIN Articles a ON a.Id = h.id ORDER BY h.id DESC LIMIT 10");
        if (!c.Facets) return count;
        Read(connection, FacetsSql);
        return count;
    }

    // The top 10 of each facet, ties to the lower key, as the API orders them.
    private const string FacetsSql = """
        SELECT * FROM (SELECT 'officials', o.Name, count(*) AS n FROM temp.hand_hits h JOIN Appearances ap ON ap.ArticleId = h.id JOIN Officials o ON o.Id = ap.OfficialId GROUP BY ap.OfficialId ORDER BY n DESC, ap.OfficialId LIMIT 10)
        UNION ALL SELECT * FROM (SELECT 'locations', l.Name, count(*) AS n FROM temp.hand_hits h JOIN ArticleLocation al ON al.ArticlesId = h.id JOIN Locations l ON l.Id = al.LocationsId GROUP BY al.LocationsId ORDER BY n DESC, al.LocationsId LIMIT 10)
        UNION ALL SELECT * FROM (SELECT 'projects', p.Name, count(*) AS n FROM temp.hand_hits h JOIN ArticleProject ap ON ap.ArticlesId = h.id JOIN Projects p ON p.Id = ap.ProjectsId GROUP BY ap.ProjectsId ORDER BY n DESC, ap.ProjectsId LIMIT 10)
        UNION ALL SELECT * FROM (SELECT 'journalists', j.Name, count(*) AS n FROM temp.hand_hits h JOIN ArticleJournalist aj ON aj.ArticlesId = h.id JOIN Journalists j ON j.Id = aj.JournalistsId GROUP BY aj.JournalistsId ORDER BY n DESC, aj.JournalistsId LIMIT 10)
        UNION ALL SELECT * FROM (SELECT 'months', substr(a.EventDate, 1, 7), count(*) AS n FROM temp.hand_hits h JOIN Articles a ON a.Id = h.id WHERE a.EventDate IS NOT NULL GROUP BY substr(a.EventDate, 1, 7) ORDER BY n DESC, substr(a.EventDate, 1, 7) LIMIT 10)
        """;

    /// <summary>The facets of the hits that the last <see cref="HandWritten"/> run kept, one bucket a line.</summary>
    private static string HandWrittenFacets(SqliteConnection connection)
    {
        using var command = Command(connection, FacetsSql);
        using var reader = command.ExecuteReader();
        var lines = new System.Text.StringBuilder();
        while (reader.Read()) lines.Append(reader.GetString(0)).Append(' ').Append(reader.GetString(1)).Append(' ').Append(reader.GetInt64(2)).Append('\n');
        return lines.ToString();
    }

    /// <summary>The facets of a GraphQL answer, in the same lines.</summary>
    private static string FacetsOf(System.Text.Json.Nodes.JsonNode data)
    {
        var facets = data["search"]!["facets"]!;
        var lines = new System.Text.StringBuilder();
        foreach (var kind in new[] { "officials", "locations", "projects", "journalists" })
            foreach (var bucket in facets[kind]!.AsArray())
                lines.Append(kind).Append(' ').Append((string)bucket!["value"]!["name"]!).Append(' ').Append((int)bucket["count"]!).Append('\n');
        foreach (var bucket in facets["months"]!.AsArray())
            lines.Append("months ").Append((string)bucket!["month"]!).Append(' ').Append((int)bucket["count"]!).Append('\n');
        return lines.ToString();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, Case? c = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (c is null) return command;
        if (sql.Contains("$match", StringComparison.Ordinal)) command.Parameters.AddWithValue("$match", c.Match);
        if (sql.Contains("$like", StringComparison.Ordinal)) command.Parameters.AddWithValue("$like", "%" + c.LikeTerm + "%");
        if (sql.Contains("$term", StringComparison.Ordinal)) command.Parameters.AddWithValue("$term", c.LikeTerm);
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, Case c)
    {
        using var command = Command(connection, sql, c);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return command.ExecuteScalar();
    }

    private static void Read(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read()) _ = reader.GetValue(0);
    }
}
