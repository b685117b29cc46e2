using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace GraphQLArchive.Tests.Archive;

/// <summary>The queries the README and the issue promise, answered over HTTP from the seeded archive.</summary>
public sealed class ExampleQueryTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Articles_in_event_order_carry_journalists_officials_roles_titles_and_photos()
    {
        var response = await api.PostAsync("""
            { articles(order: [{ eventDate: ASC }]) { totalCount nodes { headline eventDate journalists { name }
              appearances { official { name } role titles } photos { caption credit } } } }
            """);

        Assert.Equal(200, (int)response.Status);
        var articles = response.Json["data"]!["articles"]!;
        Assert.Equal(3, (int)articles["totalCount"]!);
        Assert.Equal("梁琛", (string?)articles["nodes"]![2]!["photos"]![0]!["credit"]);
        Assert.DoesNotContain("\\u", response.Text); // Chinese is written as characters
        Snapshot.Match(JToken.Parse(response.Text));
    }

    [Fact]
    public async Task Fourteen_officials()
    {
        var response = await api.PostAsync("{ officials { totalCount } }");
        Assert.Equal(14, (int)response.Json["data"]!["officials"]!["totalCount"]!);
    }

    [Fact]
    public async Task Projects_filtered_by_investment_with_their_location_hierarchy()
    {
        var response = await api.PostAsync("""
            { projects(where: { totalInvestment: { gte: 5000000000 } }) { nodes { name totalInvestment floorArea location { name parent { name } } } } }
            """);

        var project = response.Json["data"]!["projects"]!["nodes"]!.AsArray().Single()!;
        Assert.Equal("太原富力天禧城L区项目", (string?)project["name"]);
        Assert.Equal(5200000000m, (decimal)project["totalInvestment"]!);
        Assert.Equal(890000m, (decimal)project["floorArea"]!);
        Assert.Equal("三给片区", (string?)project["location"]!["name"]);
        Assert.Equal("尖草坪区", (string?)project["location"]!["parent"]!["name"]);
        Assert.Contains(api.Sql.Statements, s => s.Contains("WHERE") && s.Contains("TotalInvestment") && s.Contains(">="));
        Snapshot.Match(JToken.Parse(response.Text));
    }

    [Fact]
    public async Task Articles_filtered_through_list_navigations_and_sorted_through_a_reference()
    {
        var response = await api.PostAsync("""
            { articles(where: { and: [
                  { appearances: { some: { role: { eq: PRESIDED } } } },
                  { officials: { some: { name: { startsWith: "罗" } } } } ] },
                order: [{ edition: { date: DESC } }, { headline: ASC }]) {
                nodes { headline officials { name } } } }
            """);

        var nodes = response.Json["data"]!["articles"]!["nodes"]!.AsArray();
        Assert.Equal("罗清宇主持召开专题会议", (string?)Assert.Single(nodes)!["headline"]);
    }

    [Fact]
    public async Task Projects_with_every_printed_figure_and_milestone()
    {
        var response = await api.PostAsync("""
            { projects(order: [{ name: ASC }]) { nodes { name status sector siteArea expectedAnnualRevenue expectedAnnualTax
                organization { name } facts { label value unit qualifier printed } milestones { date event printed } } } }
            """);
        Snapshot.Match(JToken.Parse(response.Text));
    }

    [Fact]
    public async Task Locations_form_a_hierarchy()
    {
        var response = await api.PostAsync("""
            { locations(where: { kind: { in: [PROVINCE, CITY] } }, order: [{ name: ASC }]) {
                nodes { name kind children { name kind children { name kind } } } } }
            """);
        Snapshot.Match(JToken.Parse(response.Text));
    }

    [Fact]
    public async Task A_node_is_found_by_its_global_id()
    {
        var response = await api.PostAsync("""
            { node(id: "QXJ0aWNsZTox") { id ... on Article { headline page edition { newspaper newspaperInferred date page } } }
              nodes(ids: ["T2ZmaWNpYWw6MQ==", "TG9jYXRpb246MQ=="]) { __typename id ... on Official { name } ... on Location { name } } }
            """);
        Snapshot.Match(JToken.Parse(response.Text));
    }
}
