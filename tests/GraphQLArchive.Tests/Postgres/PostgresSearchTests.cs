using System.Text.Json.Nodes;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Storage.Postgres;
using GraphQLArchive.Tests.Archive;
using Npgsql;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// Search on PostgreSQL (pg_trgm) answers as search on SQLite (FTS5) does, on the same rows: the same hits in date
/// order, the same totals and the same facets, for Chinese terms of 1, 2 and 3+ characters and every operator.
/// Relevance scores differ by design (bm25 there, weighted term counts here), so order by relevance is not compared.
/// </summary>
public sealed class PostgresSearchTests(PostgresSeedArchive seed, PostgresGeneratedArchive generated)
    : IClassFixture<PostgresSeedArchive>, IClassFixture<PostgresGeneratedArchive>
{
    private const string Search = """
        query($q: String!, $after: String) { search(query: $q, order: NEWEST, first: 50, after: $after) {
          totalCount
          edges { node { id headline } highlights { field text matches { start length } } }
          pageInfo { hasNextPage endCursor }
          facets(top: 5) { total officials { value { id } count } locations { value { id } count } projects { value { id } count }
                           journalists { value { id } count } months { month count } }
        } }
        """;

    // 1, 2 and 3+ characters, an OR, an exclusion, a phrase, a term in photo captions only, ASCII case, LIKE's wildcards.
    public static readonly TheoryData<string> Queries = new()
    {
        "罗", "市", "督导", "会议", "防汛", "罗清宇", "重点项目", "专题会议 防汛 -部队", "防汛 OR 防疫", "罗清宇 -部队", "\"防汛减灾\"",
        "摄", "部队 OR 项", "工作 -会", "GDP", "gdp", "50%", "a_b", "蓝宝石", "疫情防控",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Seed_archive_answers_as_on_sqlite(string query) => await AssertSameAsync(seed, query);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Generated_archive_answers_as_on_sqlite(string query) => await AssertSameAsync(generated, query);

    [Fact]
    public async Task The_comparison_is_not_empty_for_any_term_length()
    {
        foreach (var query in new[] { "罗", "会议", "重点项目" })
        {
            var response = await generated.Api.PostAsync(Search, new { q = query });
            Assert.True(response.Json["data"]!["search"]!["totalCount"]!.GetValue<int>() > 0, $"{query}: {response.Text}");
        }
    }

    [Fact]
    public async Task Relevance_ranks_on_postgresql_too()
    {
        var response = await seed.Api.PostAsync("""{ search(query: "罗清宇") { edges { score node { headline } } } }""");
        var edges = response.Json["data"]!["search"]!["edges"]!.AsArray();
        var scores = edges.Select(e => e!["score"]!.GetValue<double>()).ToList();
        Assert.True(scores.Count > 1 && scores.All(s => s > 0), response.Text);
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Contains("罗清宇", edges[0]!["node"]!["headline"]!.GetValue<string>()); // a headline hit weighs most
    }

    [Fact]
    public async Task Pg_trgm_reads_chinese_characters_as_letters()
    {
        await using var connection = await OpenAsync(generated.Api);
        await using var command = new NpgsqlCommand("SELECT cardinality(show_trgm('罗清宇主持会议')), cardinality(show_trgm('督导'))", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt32(0) >= 5, "pg_trgm finds no trigrams in Chinese: the database's LC_CTYPE must be a UTF-8 locale");
        Assert.True(reader.GetInt32(1) > 0);
    }

    [Theory]
    [InlineData("罗清宇")]
    [InlineData("重点项目")]
    public async Task A_term_of_three_or_more_characters_is_found_through_the_trigram_index(string term)
    {
        // The planner may scan a table this small; forbidding the scan shows what the index alone narrows the rows to.
        var plan = await PlanAsync(generated.Api, term);
        var indexScans = IndexScans(plan).Where(s => s.Index.EndsWith("_trgm", StringComparison.Ordinal)).ToList();
        Assert.Contains(indexScans, s => s.Index == "IX_Articles_Body_trgm");
        var articles = await ScalarAsync(generated.Api, "SELECT count(*) FROM \"Articles\"");
        var body = indexScans.First(s => s.Index == "IX_Articles_Body_trgm");
        Assert.True(body.Rows < articles / 4, $"the trigram index returned {body.Rows} of {articles} articles for {term}: it does not narrow Chinese terms");
    }

    [Theory]
    [InlineData("aBc\u0001d")]
    [InlineData("AbcD\nef\u0001")]
    [InlineData("督导\n组\u0001\u0001罗")]
    [InlineData("\U00020000b\U00020001")]
    [InlineData("罗清宇主持会议，研究防汛工作。")]
    [InlineData("x")]
    [InlineData("")]
    public async Task The_short_term_indexes_keys_are_every_character_and_every_pair(string text)
    {
        // As ILIKE under collation C compares: ASCII letters folded, characters as code points.
        var characters = text.ToLowerInvariant().EnumerateRunes().Select(r => r.ToString()).ToList();
        Assert.Equal(text.Length, string.Concat(characters).Length); // the samples hold no letter that folds beyond ASCII
        var pairs = characters.Zip(characters.Skip(1), (a, b) => a + b).ToHashSet();
        await using var connection = await OpenAsync(generated.Api);
        await using var command = new NpgsqlCommand(
            $"SELECT {PostgresArticleSearch.CharactersFunction}(@t), {PostgresArticleSearch.PairsFunction}(@t)", connection);
        command.Parameters.AddWithValue("t", text);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(characters.ToHashSet(), reader.GetFieldValue<string[]>(0).ToHashSet());
        var keys = reader.GetFieldValue<string[]>(1).ToHashSet();
        Assert.Subset(keys, pairs);
        Assert.All(keys.Except(pairs), k => Assert.Single(k.EnumerateRunes())); // an odd text's last character, never looked up
    }

    [Theory]
    [InlineData("会议")]
    [InlineData("督导")]
    [InlineData("罗")]
    public async Task A_term_of_one_or_two_characters_is_found_through_the_short_term_index(string term)
    {
        var plan = await PlanAsync(generated.Api, term);
        var index = term.Length == 1 ? "IX_Articles_Characters" : "IX_Articles_CharacterPairs";
        var scan = Assert.Single(IndexScans(plan), s => s.Index == index);
        var articles = await ScalarAsync(generated.Api, "SELECT count(*) FROM \"Articles\"");
        // Characters and pairs are exact keys: the index returns the articles that hold the term (or a pair across two fields).
        var holding = await ScalarAsync(generated.Api,
            $"SELECT count(*) FROM \"Articles\" WHERE \"Headline\" || \"Body\" || coalesce(\"Subheadline\", '') || coalesce(\"Kicker\", '') LIKE '%{term}%'");
        Assert.True(scan.Rows > 0 && scan.Rows < articles, $"the short-term index returned {scan.Rows} of {articles} articles for {term}");
        Assert.InRange(scan.Rows, holding, holding + holding / 10 + 1);
    }

    private static async Task AssertSameAsync(PostgresArchiveCopyFixture archive, string query)
    {
        string? after = null;
        for (var page = 0; page < 3; page++) // a few pages, cursors included
        {
            var sqlite = await archive.Sqlite.PostAsync(Search, new { q = query, after });
            var postgres = await archive.Api.PostAsync(Search, new { q = query, after });
            Assert.True(sqlite.Json["errors"] is null, sqlite.Text);
            Assert.Equal(sqlite.Json["data"]!.ToJsonString(), postgres.Json["data"]!.ToJsonString());
            var pageInfo = sqlite.Json["data"]!["search"]!["pageInfo"]!;
            if (!pageInfo["hasNextPage"]!.GetValue<bool>()) break;
            after = pageInfo["endCursor"]!.GetValue<string>();
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(PostgresArchiveApi api)
    {
        var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ScalarAsync(PostgresArchiveApi api, string sql)
    {
        await using var connection = await OpenAsync(api);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<JsonNode> PlanAsync(PostgresArchiveApi api, string term)
    {
        var (sql, parameters) = PostgresArticleSearch.Hits(SearchQuery.Parse(term)); // the SELECT as search runs it, scores included
        await using var connection = await OpenAsync(api);
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, connection);
        command.Parameters.AddRange(parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray());
        return JsonNode.Parse((string)(await command.ExecuteScalarAsync())!)!;
    }

    private static IEnumerable<(string Index, long Rows)> IndexScans(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.SelectMany(IndexScans)) yield return item;
                break;
            case JsonObject o:
                if (o["Node Type"]?.GetValue<string>() == "Bitmap Index Scan")
                    yield return (o["Index Name"]!.GetValue<string>(), o["Actual Rows"]!.GetValue<long>());
                foreach (var child in o.Where(p => p.Value is JsonArray or JsonObject).SelectMany(p => IndexScans(p.Value))) yield return child;
                break;
        }
    }
}
