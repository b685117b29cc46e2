using System.Text.Json.Nodes;
using GraphQLArchive.Api.Search;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Tests.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace GraphQLArchive.Tests.Search;

/// <summary>The issue's examples on the seed page: 1 专题会议 (防汛减灾), 2 走访慰问驻并部队, 3 重点项目开工投产.</summary>
public sealed class SearchTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private const string Edges = "edges { cursor score node { id headline } highlights { field snippet text matches { start length } } }";

    private async Task<JsonNode> SearchAsync(string arguments, string selection = "totalCount " + Edges)
    {
        var response = await api.PostAsync($"{{ search({arguments}) {{ {selection} }} }}");
        Assert.True(response.Json["errors"] is null, response.Text);
        return response.Json["data"]!["search"]!;
    }

    private static List<string> Headlines(JsonNode search) =>
        search["edges"]!.AsArray().Select(e => (string)e!["node"]!["headline"]!).ToList();

    [Fact]
    public async Task A_four_character_term_finds_article_3_first_with_its_headline_highlighted()
    {
        var response = await api.PostAsync($"{{ search(query: \"重点项目\") {{ totalCount {Edges} }} }}");
        var first = response.Json["data"]!["search"]!["edges"]![0]!;
        Assert.Equal("QXJ0aWNsZToz", (string?)first["node"]!["id"]); // Article:3
        var headline = first["highlights"]!.AsArray().First(h => (string?)h!["field"] == "HEADLINE")!;
        Assert.Equal("尖草坪区中北高新区一批<mark>重点项目</mark>开工投产", (string?)headline["snippet"]);
        Assert.Equal("重点项目", ((string)headline["text"]!).Substring((int)headline["matches"]![0]!["start"]!, (int)headline["matches"]![0]!["length"]!));
        Snapshot.Match(JToken.Parse(response.Text));
    }

    [Fact]
    public async Task A_two_character_term_is_one_token_of_the_index()
    {
        var response = await api.PostAsync($"{{ search(query: \"会议\") {{ totalCount {Edges} }} }}");
        var search = response.Json["data"]!["search"]!;
        Assert.Equal(["罗清宇主持召开专题会议"], Headlines(search));
        Assert.Contains("<mark>会议</mark>", (string?)search["edges"]![0]!["highlights"]![0]!["snippet"]);
        Snapshot.Match(JToken.Parse(response.Text));
    }

    [Fact]
    public async Task A_one_character_term_finds_every_article_that_contains_it()
    {
        var search = await SearchAsync("query: \"罗\"", "totalCount edges { score node { headline } highlights { field snippet } }");
        Assert.Equal(3, (int)search["totalCount"]!);
        Assert.All(search["edges"]!.AsArray(), e => Assert.Contains("<mark>罗</mark>", (string?)e!["highlights"]![0]!["snippet"]));
        var scores = search["edges"]!.AsArray().Select(e => (double)e!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Snapshot.Match(JToken.Parse(search.ToJsonString()));
    }

    [Fact]
    public async Task An_excluded_term_removes_article_2()
    {
        var all = Headlines(await SearchAsync("query: \"罗清宇\""));
        var without = Headlines(await SearchAsync("query: \"罗清宇 -部队\""));
        Assert.Contains("罗清宇张新伟走访慰问驻并部队", all);
        Assert.DoesNotContain("罗清宇张新伟走访慰问驻并部队", without);
        Assert.Equal(2, without.Count);
        Assert.Equal(Headlines(await SearchAsync("query: \"罗清宇 -驻并部队\"")), without); // a long exclusion goes into MATCH … NOT
    }

    [Fact]
    public async Task A_phrase_finds_article_1()
    {
        var search = await SearchAsync("query: \"\\\"防汛减灾\\\"\"");
        Assert.Equal(["罗清宇主持召开专题会议"], Headlines(search));
        Snapshot.Match(JToken.Parse(search.ToJsonString()));
    }

    [Fact]
    public async Task OR_mixes_short_and_long_terms()
    {
        Assert.Equal(2, (int)(await SearchAsync("query: \"部队 OR 重点项目\""))["totalCount"]!);
        Assert.Equal(3, (int)(await SearchAsync("query: \"部队 OR 重点项目 OR 防汛减灾\""))["totalCount"]!);
        Assert.Equal(0, (int)(await SearchAsync("query: \"部队 重点项目\""))["totalCount"]!);
    }

    [Fact]
    public async Task Photo_captions_are_searched()
    {
        var search = await SearchAsync("query: \"奠基仪式\"");
        var highlights = search["edges"]![0]!["highlights"]!.AsArray();
        Assert.Contains(highlights, h => (string?)h!["field"] == "CAPTION" && ((string?)h["snippet"])!.Contains("<mark>奠基仪式</mark>"));
    }

    [Fact]
    public async Task Facets_count_the_whole_result_set()
    {
        var response = await api.PostAsync("""
            { search(query: "罗清宇", first: 1) { edges { node { headline } }
                facets { total officials { value { id name } count } locations { value { name } count }
                         projects { value { name } count } journalists { value { name } count } months { month count } } } }
            """);
        var facets = response.Json["data"]!["search"]!["facets"]!;
        Assert.Equal(3, (int)facets["total"]!);
        Assert.Equal(2, (int)facets["officials"]!.AsArray().Single(o => (string?)o!["value"]!["name"] == "张新伟")!["count"]!);
        Assert.Equal("2021-07", (string?)facets["months"]![0]!["month"]);
        Snapshot.Match(JToken.Parse(response.Text));
    }

    [Fact]
    public async Task Facets_follow_the_where_filter()
    {
        var facets = (await SearchAsync("query: \"罗清宇\", where: { officials: { some: { name: { eq: \"张新伟\" } } } }",
            "facets(top: 2) { total officials { value { name } count } }"))["facets"]!;
        Assert.Equal(2, (int)facets["total"]!);
        Assert.Equal(2, facets["officials"]!.AsArray().Count);
    }

    [Fact]
    public async Task Where_takes_the_articles_filter()
    {
        var search = await SearchAsync("query: \"项目\", where: { officials: { some: { name: { eq: \"张新伟\" } } } }");
        Assert.Equal(["尖草坪区中北高新区一批重点项目开工投产"], Headlines(search));
        var none = await SearchAsync("query: \"项目\", where: { headline: { contains: \"部队\" } }");
        Assert.Equal(0, (int)none["totalCount"]!);
    }

    [Fact]
    public async Task Newest_and_oldest_order_by_event_date_then_id()
    {
        var newest = await SearchAsync("query: \"罗清宇\", order: NEWEST", "edges { node { id eventDate } }");
        var oldest = await SearchAsync("query: \"罗清宇\", order: OLDEST", "edges { node { id eventDate } }");
        var n = newest["edges"]!.AsArray().Select(e => ((string)e!["node"]!["eventDate"]!, (string)e["node"]!["id"]!)).ToList();
        var o = oldest["edges"]!.AsArray().Select(e => ((string)e!["node"]!["eventDate"]!, (string)e["node"]!["id"]!)).ToList();
        Assert.Equal("2021-07-30", n[0].Item1);
        Assert.Equal("2021-07-29", o[0].Item1);
        Assert.Equal(Enumerable.Reverse(o), n); // ties on the date break by id, reversed too
    }

    [Theory]
    [InlineData("RELEVANCE")]
    [InlineData("NEWEST")]
    [InlineData("OLDEST")]
    public async Task Cursors_page_forward_and_backward_through_every_hit_once(string order)
    {
        var all = (await SearchAsync($"query: \"罗\", order: {order}", "edges { node { id } }"))["edges"]!.AsArray()
            .Select(e => (string)e!["node"]!["id"]!).ToList();
        Assert.Equal(3, all.Count);

        var forward = new List<string>();
        string? after = null;
        do
        {
            var response = await api.PostAsync($"query($after: String) {{ search(query: \"罗\", order: {order}, first: 1, after: $after) {{ edges {{ node {{ id }} }} pageInfo {{ hasNextPage hasPreviousPage endCursor }} }} }}", new { after });
            var page = response.Json["data"]!["search"]!;
            forward.AddRange(page["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
            Assert.Equal(after is not null, (bool)page["pageInfo"]!["hasPreviousPage"]!);
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        } while (after is not null);
        Assert.Equal(all, forward);

        var last = await api.PostAsync($"{{ search(query: \"罗\", order: {order}, last: 2) {{ edges {{ node {{ id }} }} pageInfo {{ hasPreviousPage startCursor }} }} }}");
        var tail = last.Json["data"]!["search"]!;
        Assert.Equal(all[1..], tail["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
        var before = await api.PostAsync($"query($before: String) {{ search(query: \"罗\", order: {order}, last: 2, before: $before) {{ edges {{ node {{ id }} }} pageInfo {{ hasPreviousPage }} }} }}",
            new { before = (string?)tail["pageInfo"]!["startCursor"] });
        Assert.Equal(all[..1], before.Json["data"]!["search"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
    }

    [Theory]
    [InlineData("\"罗\"", "bm90IGEgY3Vyc29y")]
    [InlineData("\"罗\", order: NEWEST", null)] // a RELEVANCE cursor under another order
    [InlineData("\"罗清宇\"", null)]          // a cursor from another query
    public async Task A_bad_cursor_is_HC0078(string arguments, string? cursor)
    {
        cursor ??= (string)(await SearchAsync("query: \"罗\", first: 1", "pageInfo { endCursor }"))["pageInfo"]!["endCursor"]!;
        var response = await api.PostAsync($"query($c: String) {{ search(query: {arguments}, after: $c) {{ edges {{ cursor }} }} }}", new { c = cursor });
        Assert.Equal("HC0078", (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Page_size_over_fifty_is_HC0051()
    {
        var response = await api.PostAsync("{ search(query: \"罗\", first: 51) { edges { cursor } } }");
        Assert.Equal("HC0051", (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\\\"防汛")]
    [InlineData("-")]
    [InlineData("OR 防汛")]
    [InlineData("防汛 OR")]
    [InlineData("-部队")]
    public async Task Bad_syntax_is_a_SEARCH_SYNTAX_field_error(string query)
    {
        var response = await api.PostAsync($"{{ search(query: \"{query}\") {{ totalCount }} }}");
        Assert.Equal(200, (int)response.Status);
        var error = response.Json["errors"]![0]!;
        Assert.Equal("SEARCH_SYNTAX", (string?)error["extensions"]!["code"]);
        Assert.Equal("search", (string?)error["path"]![0]);
        Assert.Null(response.Json["data"]!["search"]);
        Assert.DoesNotContain("SQL", (string?)error["message"]);
    }

    [Theory]
    // the hits (3: a temporary table made, filled by matching every term once, then indexed and analyzed) + page (1, or 2
    // when a node selects a list) + totalCount (none without a where: the fill counted the hits) + facets (1: every facet
    // and the total, joined to the hits), however many facets and highlights
    [InlineData("totalCount edges { score node { headline journalists { name } } highlights { snippet } } facets { total officials { count } months { count } }", 6)]
    [InlineData("totalCount edges { score node { headline eventDate edition { newspaper } } highlights { snippet } } facets { total officials { count } months { count } }", 5)]
    [InlineData("edges { node { headline } }", 4)]
    [InlineData("facets { total }", 4)]
    [InlineData("totalCount", 3)]
    public async Task Statements_per_search(string selection, int expected)
    {
        _ = api.Server;
        api.Sql.Reset();
        var response = await api.PostAsync($"{{ search(query: \"罗清宇 会议 OR 项目\") {{ {selection} }} }}");
        Assert.True(response.Json["errors"] is null, response.Text);
        Assert.True(expected == api.Sql.Statements.Count, string.Join("\n---\n", api.Sql.Statements));
    }
}

/// <summary>The index follows writes made through EF Core, and <c>search reindex</c> rebuilds it.</summary>
public sealed class SearchIndexMaintenanceTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private async Task<List<string>> HeadlinesAsync(string query) =>
        (await api.PostAsync($"{{ search(query: \"{query}\") {{ nodes {{ headline }} }} }}")).Json["data"]!["search"]!["nodes"]!.AsArray()
            .Select(n => (string)n!["headline"]!).ToList();

    [Fact]
    public async Task Inserts_updates_and_deletes_reach_the_index()
    {
        _ = api.Server;
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var edition = await db.Editions.FirstAsync();
        var article = new Article
        {
            EditionId = edition.Id, Ordinal = 99, Headline = "晋祠博物馆新展开幕", Body = "展览展出青铜器一百余件。",
            Photos = [new Photo { Caption = "图为观众参观鸟尊。" }],
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        Assert.Equal(["晋祠博物馆新展开幕"], await HeadlinesAsync("青铜器"));
        Assert.Equal(["晋祠博物馆新展开幕"], await HeadlinesAsync("鸟尊"));

        article.Headline = "晋祠博物馆青铜展开幕";
        article.Photos[0].Caption = "图为观众参观晋侯鸟尊。";
        await db.SaveChangesAsync();
        Assert.Equal(["晋祠博物馆青铜展开幕"], await HeadlinesAsync("青铜展"));
        Assert.Empty(await HeadlinesAsync("新展开幕"));
        Assert.Equal(["晋祠博物馆青铜展开幕"], await HeadlinesAsync("晋侯鸟尊"));

        db.Articles.Remove(article);
        await db.SaveChangesAsync();
        Assert.Empty(await HeadlinesAsync("青铜"));
        Assert.Equal(3, (await HeadlinesAsync("罗")).Count);
    }

    [Fact]
    public async Task A_long_term_is_found_as_printed_not_as_its_pairs_apart()
    {
        _ = api.Server;
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var edition = await db.Editions.FirstAsync();
        // The first holds every pair of each term (琥珀 珀珠, 会议 纪要) but neither term: the index finds it, the text refuses it.
        Article[] articles =
        [
            new() { EditionId = edition.Id, Ordinal = 97, Headline = "矿区见闻", Body = "工人说起琥珀，又说起珀珠。会议甲纪要已印发。" },
            new() { EditionId = edition.Id, Ordinal = 98, Headline = "Gem Fair开幕", Body = "展会展出琥珀珠。会议_纪要已印发。" },
        ];
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        try
        {
            Assert.Equal(["Gem Fair开幕"], await HeadlinesAsync("琥珀珠"));
            Assert.Equal(["Gem Fair开幕"], await HeadlinesAsync("会议_纪要")); // _ is itself, not LIKE's any character
            Assert.Equal(["Gem Fair开幕"], await HeadlinesAsync("gem fair")); // ASCII case is ignored, as the index ignores it
            Assert.Equal(["矿区见闻"], await HeadlinesAsync("珀珠 -琥珀珠"));
            var contains = await api.PostAsync("{ articles(where: { body: { contains: \"琥珀珠\" } }) { nodes { headline } } }");
            Assert.Equal("Gem Fair开幕", (string?)contains.Json["data"]!["articles"]!["nodes"]!.AsArray().Single()!["headline"]);
        }
        finally
        {
            db.Articles.RemoveRange(articles);
            await db.SaveChangesAsync();
        }
    }

    [SqliteFact]
    public async Task Reindex_rebuilds_an_emptied_index()
    {
        _ = api.Server;
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.ExecuteSqlRawAsync(
                "INSERT INTO ArticleBigrams(ArticleBigrams) VALUES ('delete-all');");
        Assert.Empty(await HeadlinesAsync("防汛减灾"));
        Assert.Empty(await HeadlinesAsync("防汛"));

        var output = new StringWriter();
        Assert.Equal(0, await SearchReindex.RunAsync(api.Services, output));
        Assert.Contains("Indexed 3 articles", output.ToString());
        Assert.Contains("100", output.ToString()); // the progress bar reached the end
        Assert.Equal(["罗清宇主持召开专题会议"], await HeadlinesAsync("防汛减灾"));
        Assert.Equal(["罗清宇主持召开专题会议"], await HeadlinesAsync("防汛"));
    }
}
