using GraphQLArchive.Tests.Http;

namespace GraphQLArchive.Tests.Archive;

/// <summary>List fields with their own where / order / first, loaded for all parents in one statement per list, and computed fields.</summary>
public sealed class NestedListTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Nested_list_arguments_apply_per_parent_in_one_statement_for_all_parents()
    {
        _ = api.Server;
        api.Sql.Reset();
        var response = await api.PostAsync("""
            { officials(order: [{ name: ASC }], where: { name: { in: ["罗清宇", "刘鹤"] } }) { nodes { name
                appearances(first: 2, order: [{ article: { eventDate: DESC } }], where: { role: { neq: MENTIONED } }) { role article { eventDate } } } } }
            """);

        var officials = response.Json["data"]!["officials"]!["nodes"]!.AsArray();
        Assert.Equal(["刘鹤", "罗清宇"], officials.Select(o => (string)o!["name"]!));
        foreach (var official in officials)
        {
            var dates = official!["appearances"]!.AsArray().Select(a => (string)a!["article"]!["eventDate"]!).ToList();
            Assert.Equal(["2021-07-30", "2021-07-29"], dates);
        }
        Assert.Equal(2, api.Sql.Statements.Count);
        AssertEachParentsFirstItemsSeekTheirParents(api.Sql.Statements[1]);
    }

    [Fact]
    public async Task Nested_list_arguments_through_a_join_table_read_only_the_parents_rows()
    {
        _ = api.Server;
        api.Sql.Reset();
        var response = await api.PostAsync("""
            { locations(where: { name: { in: ["尖草坪区", "太原市"] } }, order: [{ name: ASC }]) { nodes { name articles(first: 1, order: [{ headline: ASC }]) { headline } } } }
            """);

        Assert.True(response.Json["errors"] is null, response.Text);
        var locations = response.Json["data"]!["locations"]!["nodes"]!.AsArray();
        Assert.Equal(2, locations.Count);
        Assert.All(locations, l => Assert.Single(l!["articles"]!.AsArray()));
        Assert.Equal(2, api.Sql.Statements.Count);
        AssertEachParentsFirstItemsSeekTheirParents(api.Sql.Statements[1]);
    }

    /// <summary>
    /// Each parent's first items are read from its own rows with a LIMIT, never by numbering the whole child table in a
    /// window: on SQLite through a correlated key list, on PostgreSQL through a LATERAL join.
    /// </summary>
    private static void AssertEachParentsFirstItemsSeekTheirParents(string statement)
    {
        Assert.False(statement.Contains("ROW_NUMBER"), statement);
        Assert.Contains("LIMIT", statement);
        if (TestEngine.IsPostgres) Assert.Contains("JOIN LATERAL", statement);
    }

    [Fact]
    public async Task A_nested_filter_selects_children_without_dropping_parents()
    {
        var response = await api.PostAsync("""
            { locations(order: [{ name: ASC }], where: { kind: { eq: DISTRICT } }) { nodes { name articles(where: { headline: { contains: "项目" } }) { headline } } } }
            """);
        var location = response.Json["data"]!["locations"]!["nodes"]![0]!;
        Assert.Equal("尖草坪区", (string?)location["name"]);
        Assert.Equal("尖草坪区中北高新区一批重点项目开工投产", (string?)location["articles"]![0]!["headline"]);
    }

    [Fact]
    public async Task The_same_list_with_different_arguments_on_one_object_is_refused()
    {
        var response = await api.PostAsync("{ officials { nodes { a: appearances(first: 1) { role } b: appearances(first: 2) { role } } } }");
        Assert.Equal("LIST_ARGUMENTS_CONFLICT", (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Article_count_is_computed_in_sql_and_can_be_filtered_and_sorted()
    {
        var response = await api.PostAsync("""
            { officials(where: { articleCount: { gte: 2 } }, order: [{ articleCount: DESC }, { name: ASC }]) { nodes { name articleCount } } }
            """);
        var nodes = response.Json["data"]!["officials"]!["nodes"]!.AsArray();
        Assert.Equal(["刘鹤:3", "罗清宇:3", "张新伟:2", "张齐山:2"], nodes.Select(n => $"{n!["name"]}:{n["articleCount"]}"));
        Assert.Contains(api.Sql.Statements, s => s.Contains("ORDER BY (") && s.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class RequestLimitTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task A_query_deeper_than_allowed_is_refused_before_it_runs()
    {
        var response = await api.PostAsync("""
            { articles(first: 1) { nodes { officials { articles { officials { articles { officials { articles { officials { articles { officials { articles { officials { name } } } } } } } } } } } } } }
            """);
        Assert.Equal(400, (int)response.Status);
        var error = response.Json["errors"]![0]!;
        Assert.Equal("MAX_DEPTH_EXCEEDED", (string?)error["extensions"]!["code"]);
        Assert.Equal(14, (int)error["extensions"]!["depth"]!);
        Assert.Equal(12, (int)error["extensions"]!["allowedDepth"]!);
    }

    [Fact]
    public async Task A_query_costlier_than_allowed_is_refused_with_its_cost()
    {
        var response = await api.PostAsync("""
            { articles(first: 50) { nodes { officials { articles { officials { articles { officials { articles { headline } } } } } } } } }
            """);
        Assert.Equal(400, (int)response.Status);
        var extensions = response.Json["errors"]![0]!["extensions"]!;
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", (string?)extensions["code"]);
        Assert.True((double)extensions["complexity"]! > (double)extensions["allowedComplexity"]!);
    }

    [Fact]
    public async Task Page_sizes_set_the_cost_so_a_smaller_page_passes()
    {
        var response = await api.PostAsync("""
            { articles(first: 2) { nodes { officials { articles { officials { articles { headline } } } } } } }
            """);
        Assert.Null(response.Json["errors"]);
    }

    [Fact]
    public async Task Introspection_ofType_chains_do_not_count_toward_the_depth_limit()
    {
        var response = await api.PostAsync("{ __schema { types { name fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }");
        Assert.Null(response.Json["errors"]);
    }
}

/// <summary>What front ends ask every day, which the single-statement projection could not translate.</summary>
public sealed class FeedQueryTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Theory]
    [InlineData("eventDate: DESC")]
    [InlineData("headline: ASC")]
    [InlineData("kicker: DESC")]
    [InlineData("edition: { date: DESC }")]
    public async Task The_second_page_of_a_feed_that_shows_officials_answers_in_both_directions(string order)
    {
        var first = await api.PostAsync($"{{ articles(first: 1, order: [{{ {order} }}]) {{ nodes {{ headline officials {{ name }} }} pageInfo {{ endCursor }} }} }}");
        var cursor = (string)first.Json["data"]!["articles"]!["pageInfo"]!["endCursor"]!;

        var after = await api.PostAsync($"query($c: String) {{ articles(first: 1, after: $c, order: [{{ {order} }}]) {{ nodes {{ headline officials {{ name }} }} pageInfo {{ startCursor }} }} }}", new { c = cursor });
        Assert.True(after.Json["errors"] is null, after.Text);
        Assert.NotEmpty(after.Json["data"]!["articles"]!["nodes"]![0]!["officials"]!.AsArray());

        var back = await api.PostAsync($"query($c: String) {{ articles(last: 1, before: $c, order: [{{ {order} }}]) {{ nodes {{ headline officials {{ name }} }} }} }}",
            new { c = (string)after.Json["data"]!["articles"]!["pageInfo"]!["startCursor"]! });
        Assert.True(back.Json["errors"] is null, back.Text);
        Assert.Equal((string?)first.Json["data"]!["articles"]!["nodes"]![0]!["headline"], (string?)back.Json["data"]!["articles"]!["nodes"]![0]!["headline"]);
    }

    [Fact]
    public async Task A_nested_list_with_first_whose_items_select_an_object_answers()
    {
        var response = await api.PostAsync("{ officials(first: 2) { nodes { name appearances(first: 1) { article { headline } } } } }");
        Assert.True(response.Json["errors"] is null, response.Text);
        Assert.All(response.Json["data"]!["officials"]!["nodes"]!.AsArray(), o => Assert.Single(o!["appearances"]!.AsArray()));
    }

    [Fact]
    public async Task A_nested_first_over_fifty_is_HC0051_and_below_zero_HC0079()
    {
        Assert.Equal("HC0051", (await api.PostAsync("{ officials { nodes { appearances(first: 51) { role } } } }")).FirstErrorCode);
        Assert.Equal("HC0079", (await api.PostAsync("{ officials { nodes { appearances(first: -1) { role } } } }")).FirstErrorCode);
    }
}

/// <summary>Every list has a page, and the cost of a request bounds the rows it can return.</summary>
public sealed class ListPageTests(GraphQLArchive.Tests.Generation.GeneratedArchiveFixture archive) : IClassFixture<GraphQLArchive.Tests.Generation.GeneratedArchiveFixture>
{
    [Fact]
    public async Task A_nested_list_returns_ten_items_by_default_and_what_first_asks_up_to_fifty()
    {
        // The most-named official appears in hundreds of the generated reports.
        var response = await archive.Api.PostAsync("""
            { officials(first: 1, order: [{ articleCount: DESC }]) { nodes { articleCount byDefault: appearances { role } asked: articles(first: 50) { headline } } } }
            """);
        Assert.True(response.Json["errors"] is null, response.Text);
        var official = response.Json["data"]!["officials"]!["nodes"]![0]!;
        Assert.True((int)official["articleCount"]! > 50);
        Assert.Equal(10, official["byDefault"]!.AsArray().Count);
        Assert.Equal(50, official["asked"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_cost_rule_counts_every_nested_list_by_its_page_so_the_cost_bounds_the_rows()
    {
        // 50 officials × 50 articles × 50 appearances could return 125,000 appearances: refused, with a cost of at least that.
        var refused = await archive.Api.PostAsync("{ officials(first: 50) { nodes { articles(first: 50) { appearances(first: 50) { role } } } } }");
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", refused.FirstErrorCode);
        Assert.True((double)refused.Json["errors"]![0]!["extensions"]!["complexity"]! >= 125_000);

        // Without first, each nested list counts as its default page of 10: at most 50 × 10 × 10 rows, and that many at most come back.
        var allowed = await archive.Api.PostAsync("{ officials(first: 50) { nodes { articles { appearances { role } } } } }");
        Assert.True(allowed.Json["errors"] is null, allowed.Text);
        var officials = allowed.Json["data"]!["officials"]!["nodes"]!.AsArray();
        var articles = officials.SelectMany(o => o!["articles"]!.AsArray()).ToList();
        Assert.True(articles.Count <= 50 * 10);
        Assert.True(articles.Sum(a => a!["appearances"]!.AsArray().Count) <= 50 * 10 * 10);
        Assert.Contains(articles, a => a!["appearances"]!.AsArray().Count > 1);
    }
}
