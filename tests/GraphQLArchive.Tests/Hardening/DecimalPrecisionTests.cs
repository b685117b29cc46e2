using System.Text.Json.Nodes;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Ingestion;
using GraphQLArchive.Tests.Postgres;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>
/// Decimal filters compare the exact value the client sent with the exact value stored, on both engines: nothing is rounded
/// to hundredths on the way in or out, and figures far beyond the archive's (1e17, the scalar's largest) are answered, not overflowed.
/// </summary>
public abstract class DecimalPrecisionTests(IGraphQLArchive api, string key)
{
    private const string Fuli = "太原富力天禧城L区项目"; // 总投资52亿元 in the seed registry

    private async Task<List<string>> ProjectsWhere(string where, object? variables = null, string declaration = "")
    {
        var response = await api.PostAsync($"query{declaration} {{ projects(where: {where}, first: 50) {{ nodes {{ name }} }} }}", variables);
        Assert.True(response.Json["errors"] is null, response.Text);
        return [.. response.Json["data"]!["projects"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!)];
    }

    [Theory]
    [InlineData("{ totalInvestment: { eq: 5200000000 } }", true)]
    [InlineData("{ totalInvestment: { eq: 5200000000.000 } }", true)]
    [InlineData("{ totalInvestment: { eq: 5200000000.004 } }", false)]
    [InlineData("{ totalInvestment: { neq: 5200000000.004 } }", true)]
    [InlineData("{ totalInvestment: { in: [5200000000.004, 1] } }", false)]
    [InlineData("{ totalInvestment: { in: [5200000000.0, 1] } }", true)]
    [InlineData("{ totalInvestment: { gt: 5199999999.996 } }", true)]
    [InlineData("{ totalInvestment: { gte: 5200000000.004 } }", false)]
    [InlineData("{ totalInvestment: { lt: 5200000000.004 } }", true)]
    [InlineData("{ totalInvestment: { lte: 5199999999.996 } }", false)]
    [InlineData("{ totalInvestment: { ngt: 5199999999.9999999999 } }", false)]
    [InlineData("{ totalInvestment: { nlt: 5200000000.0000000001 } }", false)]
    public async Task A_filter_compares_every_decimal_place_it_is_given(string where, bool matchesFuli) =>
        Assert.Equal(matchesFuli, (await ProjectsWhere(where)).Contains(Fuli));

    [Theory]
    [InlineData("100000000000000000")] // 1e17: overflowed the hundredths
    [InlineData("79228162514264337593543950335")] // the scalar's largest
    public async Task Figures_far_beyond_the_archives_are_answered_exactly(string huge)
    {
        Assert.Empty(await ProjectsWhere($"{{ totalInvestment: {{ gt: {huge} }} }}"));
        Assert.Empty(await ProjectsWhere($"{{ totalInvestment: {{ eq: {huge} }} }}"));
        Assert.Contains(Fuli, await ProjectsWhere($"{{ totalInvestment: {{ lt: {huge} }} }}"));
        Assert.Contains(Fuli, await ProjectsWhere($"{{ totalInvestment: {{ gt: -{huge} }} }}"));
    }

    [Fact]
    public async Task A_variable_keeps_digits_that_a_double_would_lose()
    {
        // 5200000000.0000000001 is 5200000000 as a double: read as one, it would match.
        const string declaration = "($v: Decimal)";
        var variables = JsonNode.Parse("""{ "v": 5200000000.0000000001 }""");
        Assert.DoesNotContain(Fuli, await ProjectsWhere("{ totalInvestment: { eq: $v } }", variables, declaration));
        Assert.Contains(Fuli, await ProjectsWhere("{ totalInvestment: { lt: $v } }", variables, declaration));
    }

    [Fact]
    public async Task A_figure_beyond_the_scalars_range_is_a_coded_error()
    {
        var response = await api.PostAsync("{ projects(where: { totalInvestment: { gt: 1e40 } }) { totalCount } }");
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", response.FirstErrorCode);
        Assert.True(response.Json["data"] is null, response.Text);
        var variable = await api.PostAsync("query($v: Decimal) { projects(where: { totalInvestment: { gt: $v } }) { totalCount } }", JsonNode.Parse("""{ "v": 1e40 }"""));
        Assert.Equal("INVALID_VALUE", variable.FirstErrorCode);
        Assert.True(variable.Json["data"] is null, variable.Text);
    }

    [Fact]
    public async Task A_fact_keeps_the_precision_it_was_printed_with()
    {
        var page = SeedFiles.Page("并州精密仪器产业园项目开工",
            "本报讯(记者 王涛)8月5日,并州精密仪器产业园项目开工。该项目总占地0.125平方公里,总投资3.1415926亿元。市长周立强出席。");
        var ingested = await api.PostAsync("mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }",
            new { input = new { text = page, editionDate = "2021-08-06", newspaper = "太原日报", page = 4 } }, apiKey: key);
        Assert.True(ingested.Json["errors"] is null, ingested.Text);

        var read = await api.PostAsync("""
            { projects(where: { name: { eq: "并州精密仪器产业园项目" } }) { nodes { totalInvestment facts { label value unit } } } }
            """);
        var project = read.Json["data"]!["projects"]!["nodes"]![0]!;
        Assert.Equal("314159260", project["totalInvestment"]!.ToJsonString());
        var area = project["facts"]!.AsArray().Single(f => (string)f!["unit"]! == "km²")!;
        Assert.Equal("0.125", area["value"]!.ToJsonString());

        // And a filter finds it by that figure, not by its rounding.
        Assert.Single(await ProjectsWhere("{ facts: { some: { value: { eq: 0.125 } } } }"));
        Assert.Empty(await ProjectsWhere("{ facts: { some: { value: { eq: 0.12 } } } }"));
    }

    [Fact]
    public async Task Sorting_orders_by_the_exact_figure()
    {
        // Four figures whose text order (95000000 > 900000000 > 12000000000 > 1000000000) is not their numeric order.
        (string Name, string Printed)[] projects = [("汾河光电产业园项目", "10"), ("晋阳新材料产业园项目", "9"), ("龙城智能制造产业园项目", "0.95"), ("太行数据中心产业园项目", "120")];
        for (var i = 0; i < projects.Length; i++)
        {
            var (name, printed) = projects[i];
            var page = SeedFiles.Page($"{name}开工", $"本报讯(记者 王涛)8月5日,{name}开工。该项目总投资{printed}亿元。市长周立强出席。");
            var ingested = await api.PostAsync("mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }",
                new { input = new { text = page, editionDate = "2021-08-07", newspaper = "太原日报", page = 10 + i } }, apiKey: key);
            Assert.True(ingested.Json["errors"] is null, ingested.Text);
        }

        var names = string.Join(", ", projects.Select(p => $"\"{p.Name}\""));
        var response = await api.PostAsync($"{{ projects(order: [{{ totalInvestment: DESC }}], where: {{ name: {{ in: [{names}] }} }}, first: 50) {{ nodes {{ totalInvestment }} }} }}");
        Assert.True(response.Json["errors"] is null, response.Text);
        var figures = response.Json["data"]!["projects"]!["nodes"]!.AsArray().Select(n => n!["totalInvestment"]!.ToJsonString()).ToList();
        Assert.Equal(["12000000000", "1000000000", "900000000", "95000000"], figures);
    }
}

public sealed class SqliteDecimalPrecisionTests(KeyedArchiveApiFactory fixture)
    : DecimalPrecisionTests(fixture.Api, KeyedArchiveApiFactory.Key), IClassFixture<KeyedArchiveApiFactory>;

public sealed class PostgresDecimalPrecisionTests(PostgresAppFixture fixture)
    : DecimalPrecisionTests(fixture.Api, PostgresAppFixture.Key), IClassFixture<PostgresAppFixture>;
