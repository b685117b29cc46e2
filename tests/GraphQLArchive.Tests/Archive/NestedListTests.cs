using GraphQLArchive.Tests.Http;

namespace GraphQLArchive.Tests.Archive;

/// <summary>List fields with their own where / order / first, and computed fields, inside one statement per root field.</summary>
public sealed class NestedListTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Nested_list_arguments_apply_per_parent_in_the_root_statement()
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
        var statement = Assert.Single(api.Sql.Statements);
        Assert.Contains("ROW_NUMBER() OVER(PARTITION BY", statement);
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
        Assert.Contains(api.Sql.Statements, s => s.Contains("ORDER BY (") && s.Contains("COUNT(*)"));
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
