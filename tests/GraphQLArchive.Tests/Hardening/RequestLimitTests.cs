using System.Text;
using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>Each limit, at its default, refuses the request shape that used to cost far more than it looks.</summary>
public sealed class DefaultLimitTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private static string FragmentBomb(int levels)
    {
        var text = new StringBuilder("query { ...F0 }\n");
        for (var i = 0; i < levels; i++) text.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
        text.Append($"fragment F{levels} on Query {{ __typename }}\n");
        return text.ToString();
    }

    [Theory]
    [InlineData(24)]
    [InlineData(30)]
    [InlineData(60)]
    public async Task Doubling_fragments_are_refused_by_their_expanded_field_count(int levels)
    {
        var response = await api.PostAsync(FragmentBomb(levels));
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_FIELDS_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(2048, (int)response.Json["errors"]![0]!["extensions"]!["allowedFields"]!);
        Assert.Single(response.Json["errors"]!.AsArray());
    }

    [Fact]
    public async Task Twenty_thousand_repeated_typenames_are_refused_by_the_document_size()
    {
        var response = await api.PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 20_000)) + "}");
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_DOCUMENT_SIZE_EXCEEDED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Five_thousand_repeated_typenames_are_refused_by_the_field_count()
    {
        var response = await api.PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 5_000)) + "}");
        Assert.Equal("MAX_FIELDS_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(5000, (int)response.Json["errors"]![0]!["extensions"]!["fields"]!);
    }

    [Fact]
    public async Task Five_hundred_conflicting_aliases_are_refused_before_their_conflicts_are_listed()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? "x: articles { totalCount } " : "x: officials { totalCount } ")) + "}";
        var response = await api.PostAsync(query);
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_FIELD_MERGES_EXCEEDED", response.FirstErrorCode);
        // 124,750 pairs of `x`, and as many again of the `totalCount` fields merged beneath them.
        Assert.Equal(249_500, (long)response.Json["errors"]![0]!["extensions"]!["fieldMerges"]!);
        Assert.True(response.Text.Length < 2_000, response.Text);
    }

    [Fact]
    public async Task A_few_conflicting_aliases_report_at_most_five_errors_and_say_how_many_more()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 12).Select(i => $"x: articles(first: {i + 1}) {{ totalCount }} ")) + "}";
        var response = await api.PostAsync(query);
        var errors = response.Json["errors"]!.AsArray();
        Assert.Equal(6, errors.Count);
        Assert.Equal("MAX_ERRORS_EXCEEDED", (string?)errors[5]!["extensions"]!["code"]);
        Assert.Equal(5, (int)errors[5]!["extensions"]!["allowedErrors"]!);
        HardeningHttp.AssertAllCoded(response);
    }

    [Fact]
    public async Task Introspection_is_inside_the_cost_rule()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 100).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name args {{ name }} }} }} }} ")) + "}";
        var response = await api.PostAsync(query);
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Introspection_may_not_recurse_through_the_same_list()
    {
        var response = await api.PostAsync("{ __type(name: \"Article\") { fields { type { fields { type { fields { name } } } } } } }");
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_INTROSPECTION_LIST_RECURSION_EXCEEDED", response.FirstErrorCode);
        Assert.Equal("fields", (string?)response.Json["errors"]![0]!["extensions"]!["field"]);
    }

    [Fact]
    public async Task Introspection_ofType_chains_have_their_own_limit_and_do_not_count_toward_depth()
    {
        static string Chain(int n) => string.Concat(Enumerable.Repeat("ofType { ", n)) + "name" + string.Concat(Enumerable.Repeat(" }", n));
        var allowed = await api.PostAsync("{ __schema { types { name fields { type { " + Chain(16) + " } } } } }");
        Assert.Null(allowed.Json["errors"]);
        var refused = await api.PostAsync("{ __schema { types { name fields { type { " + Chain(17) + " } } } } }");
        Assert.Equal("MAX_INTROSPECTION_OFTYPE_DEPTH_EXCEEDED", refused.FirstErrorCode);
        Assert.Equal(17, (int)refused.Json["errors"]![0]!["extensions"]!["ofTypeDepth"]!);
    }

    [Fact]
    public async Task Introspection_is_inside_the_depth_rule()
    {
        // 13 levels without ofType: __type › fields › type › … through the arguments' types.
        var response = await api.PostAsync("{ __type(name: \"Query\") { fields { args { type { inputFields { type { enumValues { name } } } } } } } }");
        Assert.Null(response.Json["errors"]); // 7 levels pass
        var deep = await api.PostAsync("{ __schema { queryType { fields { type { interfaces { possibleTypes { enumValues { name } } } } } } } }"
            .Replace("{ __schema", "{ a: articles(first: 1) { nodes { officials { articles { officials { articles { __typename } } } } } } __schema"));
        Assert.Null(deep.Json["errors"]); // each path is under 12
    }

    [Fact]
    public async Task The_standard_introspection_query_of_graphql_js_passes_every_limit()
    {
        var response = await api.PostAsync(IntrospectionQuery);
        Assert.True(response.Json["errors"] is null, response.Text[..Math.Min(600, response.Text.Length)]);
        Assert.NotEmpty(response.Json["data"]!["__schema"]!["types"]!.AsArray());
    }

    [Fact]
    public async Task A_search_made_only_of_control_characters_is_SEARCH_SYNTAX()
    {
        var response = await api.PostAsync("query($q: String!) { search(query: $q) { totalCount } }", new { q = "\u0001\u0002\u001f\u007f" });
        Assert.Equal("SEARCH_SYNTAX", response.FirstErrorCode);
        Assert.Null(response.Json["data"]!["search"]);
    }

    [Fact]
    public async Task A_search_term_longer_than_allowed_is_refused_with_the_figures()
    {
        var response = await api.PostAsync("query($q: String!) { search(query: $q) { totalCount } }", new { q = new string('罗', 501) });
        Assert.Equal("MAX_SEARCH_LENGTH_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(501, (int)response.Json["errors"]![0]!["extensions"]!["length"]!);
        Assert.Equal(500, (int)response.Json["errors"]![0]!["extensions"]!["allowedLength"]!);
    }

    [Fact]
    public async Task An_in_list_longer_than_allowed_is_refused_before_any_SQL()
    {
        _ = api.Server;
        api.Sql.Reset();
        var response = await api.PostAsync("query($ids: [Int]) { articles(where: { characterCount: { in: $ids } }) { totalCount } }",
            new { ids = Enumerable.Range(0, 40_000).ToArray() });
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_INPUT_LIST_LENGTH_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(40_000, (int)response.Json["errors"]![0]!["extensions"]!["length"]!);
        Assert.Empty(api.Sql.Statements);
    }

    /// <summary>graphql-js 16's getIntrospectionQuery with every option on.</summary>
    internal const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        }
        """;
}

/// <summary>Every limit is configurable under Archive:Limits; small figures here make each one easy to reach.</summary>
public sealed class ConfiguredLimitTests(ConfiguredLimitTests.Fixture fixture) : IClassFixture<ConfiguredLimitTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ArchiveApiFactory Api { get; } = new()
        {
            Settings =
            {
                ["Archive:Limits:MaxRequestBytes"] = "2000",
                ["Archive:Limits:MaxDocumentLength"] = "600",
                ["Archive:Limits:MaxTokens"] = "60",
                ["Archive:Limits:MaxFields"] = "8",
                ["Archive:Limits:MaxDepth"] = "3",
                ["Archive:Limits:MaxComplexity"] = "50",
                ["Archive:Limits:MaxErrors"] = "2",
                ["Archive:Limits:MaxSearchLength"] = "4",
                ["Archive:Limits:MaxInputListLength"] = "3",
            },
        };

        public Task InitializeAsync() { _ = Api.Server; return Task.CompletedTask; }
        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    private ArchiveApiFactory Api => fixture.Api;

    [Theory]
    [InlineData("{ articles { totalCount } }", null, null)]
    [InlineData("{ articles(first: 1) { nodes { officials { name } } } }", "MAX_DEPTH_EXCEEDED", "depth")]
    [InlineData("{ articles(first: 20) { nodes { headline eventDate lead body } } }", "MAX_COMPLEXITY_EXCEEDED", "complexity")]
    [InlineData("{ a: __typename b: __typename c: __typename d: __typename e: __typename f: __typename g: __typename h: __typename i: __typename }", "MAX_FIELDS_EXCEEDED", "fields")]
    [InlineData("{ a: nope b: nope c: nope }", "MAX_ERRORS_EXCEEDED", "omittedErrors")]
    [InlineData("{ search(query: \"罗清宇张新伟\") { totalCount } }", "MAX_SEARCH_LENGTH_EXCEEDED", "allowedLength")]
    [InlineData("{ articles(where: { characterCount: { in: [1, 2, 3, 4] } }) { totalCount } }", "MAX_INPUT_LIST_LENGTH_EXCEEDED", "allowedLength")]
    public async Task Each_limit_follows_its_configuration(string query, string? code, string? figure)
    {
        var response = await Api.PostAsync(query);
        if (code is null)
        {
            Assert.Null(response.Json["errors"]);
            return;
        }
        var error = response.Json["errors"]!.AsArray().First(e => (string?)e!["extensions"]!["code"] == code)!;
        Assert.NotNull(error["extensions"]![figure!]);
        HardeningHttp.AssertAllCoded(response);
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_with_its_length()
    {
        var response = await Api.PostAsync("{ __typename " + new string(' ', 600) + "}");
        Assert.Equal("MAX_DOCUMENT_SIZE_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(600, (int)response.Json["errors"]![0]!["extensions"]!["allowedLength"]!);
    }

    [Fact]
    public async Task A_document_over_the_token_limit_is_refused_before_parsing()
    {
        var response = await Api.PostAsync("{ " + string.Concat(Enumerable.Repeat("a ", 61)) + "}");
        Assert.Equal("MAX_TOKENS_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(60, (int)response.Json["errors"]![0]!["extensions"]!["allowedTokens"]!);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_size_limit_is_413_with_a_GraphQL_error(bool announceLength)
    {
        var body = Encoding.UTF8.GetBytes(HardeningHttp.Json("{ __typename }" + new string(' ', 3000)));
        using HttpContent content = announceLength ? new ByteArrayContent(body) : new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (!announceLength) request.Headers.TransferEncodingChunked = true;
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var response = await Http.GraphQLHttpResponse.ReadAsync(await Api.CreateClient().SendAsync(request));
        Assert.Equal(413, (int)response.Status);
        Assert.Equal("REQUEST_TOO_LARGE", response.FirstErrorCode);
        Assert.Contains("2000", response.FirstErrorMessage);
    }
}
