using System.Text.Json.Nodes;

namespace GraphQLArchive.Tests.Archive;

/// <summary>
/// What schema tooling asks of introspection beyond GraphQL.NET's defaults (graphql-js's own full query runs in
/// tests/clients), and Hot Chocolate's extras on paging errors.
/// </summary>
public sealed class IntrospectionTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Directives_report_whether_they_repeat_and_take_includeDeprecated_on_their_arguments()
    {
        var response = await api.PostAsync("{ __schema { directives { name isRepeatable args(includeDeprecated: true) { name isDeprecated deprecationReason } } } }");

        Assert.Null(response.Json["errors"]);
        var names = Directives(response).Select(d => d["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf", "cost", "listSize"], names);
        Assert.All(Directives(response), d => Assert.False(d["isRepeatable"]!.GetValue<bool>()));
        var url = Directives(response).Single(d => d["name"]!.GetValue<string>() == "specifiedBy")["args"]!.AsArray().Single()!;
        Assert.Equal("url", url["name"]!.GetValue<string>());
        Assert.False(url["isDeprecated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Scalars_name_their_specification_and_every_scalar_has_a_description()
    {
        var response = await api.PostAsync("{ __schema { types { name kind description specifiedByURL } } }");

        Assert.Null(response.Json["errors"]);
        var scalars = response.Json["data"]!["__schema"]!["types"]!.AsArray().Where(t => t!["kind"]!.GetValue<string>() == "SCALAR").ToList();
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc3339#section-5.6", scalars.Single(t => t!["name"]!.GetValue<string>() == "LocalDate")!["specifiedByURL"]!.GetValue<string>());
        Assert.Null(scalars.Single(t => t!["name"]!.GetValue<string>() == "String")!["specifiedByURL"]);
        Assert.All(scalars, s => Assert.False(string.IsNullOrWhiteSpace(s!["description"]?.GetValue<string>()), $"{s!["name"]} has no description"));
        Assert.Contains("JSON number", scalars.Single(t => t!["name"]!.GetValue<string>() == "Decimal")!["description"]!.GetValue<string>());
        Assert.Contains("YYYY-MM-DD", scalars.Single(t => t!["name"]!.GetValue<string>() == "LocalDate")!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Arguments_and_input_fields_take_includeDeprecated_and_say_whether_they_are_deprecated()
    {
        var response = await api.PostAsync("""
            { __type(name: "Query") { fields { name args(includeDeprecated: true) { name isDeprecated deprecationReason } } }
              filter: __type(name: "ArticleFilterInput") { isOneOf inputFields(includeDeprecated: true) { name isDeprecated } } }
            """);

        Assert.Null(response.Json["errors"]);
        var articles = response.Json["data"]!["__type"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "articles")!;
        Assert.Equal(["first", "after", "last", "before", "where", "order"], articles["args"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.False(response.Json["data"]!["filter"]!["isOneOf"]!.GetValue<bool>());
        Assert.Contains(response.Json["data"]!["filter"]!["inputFields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "headline" && !f["isDeprecated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{ articles(first: 51) { nodes { headline } } }", "HC0051", "Query.articles")]
    [InlineData("{ officials(last: -1) { nodes { name } } }", "HC0079", "Query.officials")]
    [InlineData("{ articlesPage(take: 60) { items { headline } } }", "HC0051", "Query.articlesPage")]
    [InlineData("{ search(query: \"罗清宇\") { facets(top: 51) { total } } }", "HC0051", "ArticleSearchConnection.facets")]
    [InlineData("{ officials(first: 2) { nodes { appearances(first: 51) { role } } } }", "HC0051", "Official.appearances")]
    [InlineData("{ articles(first: 2) { nodes { officials(first: -1) { name } } } }", "HC0079", "Article.officials")]
    public async Task Paging_errors_carry_the_field_coordinate(string query, string code, string coordinate)
    {
        var response = await api.PostAsync(query);

        var error = response.Json["errors"]![0]!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(coordinate, error["extensions"]!["fieldCoordinate"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sdl_prints_list_sizes_from_the_page_sizes_the_server_enforces()
    {
        var sdl = await api.CreateClient().GetStringAsync("/graphql?sdl");

        Assert.Contains("order: [ArticleSortInput!]): ArticlesConnection @listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], slicingArgumentDefaultValue: 10, sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false)", sdl);
        Assert.Contains("ArticlesPageCollectionSegment @listSize(assumedSize: 50, slicingArguments: [\"take\"], slicingArgumentDefaultValue: 10, sizedFields: [\"items\"], requireOneSlicingArgument: false)", sdl);
        Assert.Contains("directive @listSize(", sdl);
        Assert.Contains("directive @cost(", sdl);
        Assert.Contains("scalar LocalDate @specifiedBy(url: \"https://www.rfc-editor.org/rfc/rfc3339#section-5.6\")", sdl);
    }

    [Theory]
    [InlineData("articlesPage(take: 50) { items", 125_000)]
    [InlineData("articles(first: 50) { nodes", 125_000)]
    [InlineData("articles(last: 50) { edges { node", 125_000)]
    public async Task The_cost_rule_counts_each_page_by_the_slicing_argument_that_listSize_names(string list, int atLeast)
    {
        // 50 × 50 × 50 rows: over the 100,000 allowed whichever argument sizes the outer page.
        var close = list.Contains("edges") ? "} }" : "}";
        var response = await api.PostAsync($"{{ {list} {{ appearances(first: 50) {{ official {{ positions(first: 50) {{ title }} }} }} {close} }} }}");

        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", response.FirstErrorCode);
        Assert.True(response.Json["errors"]![0]!["extensions"]!["complexity"]!.GetValue<double>() >= atLeast, response.Text);
    }

    [Fact]
    public async Task A_small_page_of_the_same_shape_is_allowed()
    {
        var response = await api.PostAsync("{ articlesPage(take: 2) { items { appearances(first: 50) { official { positions(first: 50) { title } } } } } }");

        Assert.Null(response.Json["errors"]);
    }

    private static IEnumerable<JsonNode> Directives(Http.GraphQLHttpResponse response) =>
        response.Json["data"]!["__schema"]!["directives"]!.AsArray().Select(d => d!);
}
