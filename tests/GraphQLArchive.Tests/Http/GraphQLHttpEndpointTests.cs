using GraphQL;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GraphQLArchive.Api.Http;

namespace GraphQLArchive.Tests.Http;

public sealed class GraphQLHttpEndpointTests : IAsyncLifetime
{
    private const string GraphQLResponseJson = "application/graphql-response+json; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";
    private const string AcceptGraphQLResponse = "application/graphql-response+json";
    private const string AcceptJson = "application/json";

    private TestGraphQLHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await TestGraphQLHost.StartInMemoryAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    // ---- start-up ----

    /// <summary>The answers are written with the endpoint's serializer's options, found once: another serializer fails at start-up, not on a request.</summary>
    [Fact]
    public async Task Another_serializer_fails_at_start_up_and_names_the_one_to_register()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGraphQLHost.StartInMemoryAsync(graphql => graphql.AddSystemTextJson()));

        Assert.Contains("AddUnescapedUnicodeSystemTextJson()", failure.Message);
        Assert.Contains("GraphQLSerializer", failure.Message);
    }

    // ---- POST, media types ----

    [Fact]
    public async Task Post_answers_graphql_response_json_when_the_client_accepts_it()
    {
        var response = await PostAsync("""{"query":"{ hello }"}""", accept: AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("""{"data":{"hello":"world"}}""", response.Text);
    }

    [Fact]
    public async Task Post_answers_application_json_when_the_client_accepts_only_that()
    {
        var response = await PostAsync("""{"query":"{ hello }"}""", accept: AcceptJson);

        AssertResponse(response, HttpStatusCode.OK, Json);
        Assert.Equal("""{"data":{"hello":"world"}}""", response.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("application/json, text/plain, */*")]
    public async Task Post_answers_application_json_for_a_missing_or_wildcard_accept(string? accept)
    {
        var response = await PostAsync("""{"query":"{ hello }"}""", accept: accept);

        AssertResponse(response, HttpStatusCode.OK, Json);
    }

    [Theory]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("text/html, application/graphql-response+json;q=0.9", GraphQLResponseJson)]
    public async Task Post_picks_the_preferred_accepted_media_type(string accept, string expected)
    {
        var response = await PostAsync("""{"query":"{ hello }"}""", accept: accept);

        AssertResponse(response, HttpStatusCode.OK, expected);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task Post_is_406_when_the_accept_header_names_neither_json_media_type(string accept)
    {
        var response = await PostAsync("""{"query":"{ hello }"}""", accept: accept);

        AssertResponse(response, HttpStatusCode.NotAcceptable, Json);
        AssertNotExecuted(response, GraphQLHttpErrorCodes.MediaTypeNotAcceptable);
    }

    [Fact]
    public async Task Chinese_text_is_written_as_utf8_characters_not_escapes()
    {
        var response = await PostAsync("""{"query":"{ chinese }"}""", accept: AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("""{"data":{"chinese":"市委书记调研重大项目建设"}}""", response.Text);
        Assert.DoesNotContain("\\u", response.Text);
    }

    // ---- POST, arguments, variables, operation names ----

    [Fact]
    public async Task Post_passes_variables_to_field_arguments()
    {
        var response = await PostAsync(
            """{"query":"query Greet($name: String!, $times: Int) { greet(name: $name, times: $times) }","variables":{"name":"李强","times":2}}""",
            accept: AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("Hello, 李强! Hello, 李强!", response.Json["data"]!["greet"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_runs_the_operation_named_by_operationName()
    {
        var response = await PostAsync(
            """{"query":"query A { hello } query B { chinese }","operationName":"B","variables":null,"extensions":{"some":"value"}}""",
            accept: AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("""{"data":{"chinese":"市委书记调研重大项目建设"}}""", response.Text);
    }

    [Fact]
    public async Task Post_runs_mutations()
    {
        var response = await PostAsync("""{"query":"mutation { increment }"}""", accept: AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("""{"data":{"increment":1}}""", response.Text);
    }

    [Fact]
    public async Task A_field_error_still_executes_with_status_200_and_null_for_the_field()
    {
        var response = await PostAsync("""{"query":"{ hello boom }"}""", accept: AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("world", response.Json["data"]!["hello"]!.GetValue<string>());
        Assert.Null(response.Json["data"]!["boom"]);
        Assert.Equal("boom", response.Json["errors"]![0]!["path"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolvers_reach_the_http_request_through_the_user_context()
    {
        using var request = Post("""{"query":"{ apiKey }"}""", accept: AcceptGraphQLResponse);
        request.Headers.Add("X-Api-Key", "secret-key");

        var response = await SendAsync(request);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("""{"data":{"apiKey":"secret-key"}}""", response.Text);
    }

    // ---- POST, documents that do not execute ----

    [Theory]
    [InlineData(AcceptGraphQLResponse, HttpStatusCode.BadRequest, GraphQLResponseJson)]
    [InlineData(AcceptJson, HttpStatusCode.OK, Json)]
    public async Task A_syntax_error_is_400_under_graphql_response_json_and_200_under_json(string accept, HttpStatusCode status, string contentType)
    {
        var response = await PostAsync("""{"query":"{ hello"}""", accept: accept);

        AssertResponse(response, status, contentType);
        AssertNotExecuted(response, "SYNTAX_ERROR");
    }

    [Theory]
    [InlineData(AcceptGraphQLResponse, HttpStatusCode.BadRequest, GraphQLResponseJson)]
    [InlineData(AcceptJson, HttpStatusCode.OK, Json)]
    public async Task An_unknown_field_is_400_under_graphql_response_json_and_200_under_json(string accept, HttpStatusCode status, string contentType)
    {
        var response = await PostAsync("""{"query":"{ doesNotExist }"}""", accept: accept);

        AssertResponse(response, status, contentType);
        AssertNotExecuted(response, "FIELDS_ON_CORRECT_TYPE");
        Assert.Contains("doesNotExist", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData(AcceptGraphQLResponse, HttpStatusCode.BadRequest, GraphQLResponseJson)]
    [InlineData(AcceptJson, HttpStatusCode.OK, Json)]
    public async Task A_variable_coercion_error_does_not_execute(string accept, HttpStatusCode status, string contentType)
    {
        var response = await PostAsync(
            """{"query":"query ($name: String!) { greet(name: $name) }","variables":{"name":null}}""", accept: accept);

        AssertResponse(response, status, contentType);
        AssertNotExecuted(response, expectedCode: null);
    }

    // ---- POST, malformed requests: 400 under both media types ----

    [Theory]
    [InlineData("""{ "not a JSON""", GraphQLHttpErrorCodes.JsonInvalid)]
    [InlineData("", GraphQLHttpErrorCodes.JsonInvalid)]
    [InlineData("""[{"query":"{ hello }"}]""", GraphQLHttpErrorCodes.BatchingDisabled)]
    [InlineData("\"{ hello }\"", GraphQLHttpErrorCodes.RequestNotObject)]
    [InlineData("""{"qeury":"{ hello }"}""", GraphQLHttpErrorCodes.QueryMissing)]
    [InlineData("""{"query":null}""", GraphQLHttpErrorCodes.QueryMissing)]
    [InlineData("""{"query":"  "}""", GraphQLHttpErrorCodes.QueryMissing)]
    [InlineData("""{"query":0}""", GraphQLHttpErrorCodes.QueryNotString)]
    [InlineData("""{"query":{"obj":"ect"}}""", GraphQLHttpErrorCodes.QueryNotString)]
    [InlineData("""{"query":"{ hello }","operationName":false}""", GraphQLHttpErrorCodes.OperationNameNotString)]
    [InlineData("""{"query":"{ hello }","variables":"string"}""", GraphQLHttpErrorCodes.VariablesInvalid)]
    [InlineData("""{"query":"{ hello }","variables":["array"]}""", GraphQLHttpErrorCodes.VariablesInvalid)]
    [InlineData("""{"query":"{ hello }","extensions":0}""", GraphQLHttpErrorCodes.ExtensionsInvalid)]
    public async Task A_malformed_request_is_400_with_a_code_under_both_media_types(string body, string code)
    {
        foreach (var (accept, contentType) in new[] { (AcceptGraphQLResponse, GraphQLResponseJson), (AcceptJson, Json) })
        {
            var response = await PostAsync(body, accept: accept);

            AssertResponse(response, HttpStatusCode.BadRequest, contentType);
            AssertNotExecuted(response, code);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_post_that_is_not_utf8_json_is_415(string? contentType)
    {
        var response = await PostAsync("""{"query":"{ hello }"}""", accept: AcceptGraphQLResponse, contentType: contentType);

        AssertResponse(response, HttpStatusCode.UnsupportedMediaType, GraphQLResponseJson);
        AssertNotExecuted(response, GraphQLHttpErrorCodes.ContentTypeUnsupported);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    public async Task A_post_declaring_utf8_is_accepted(string contentType)
    {
        var response = await PostAsync("""{"query":"{ hello }"}""", accept: AcceptGraphQLResponse, contentType: contentType);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
    }

    // ---- GET ----

    [Fact]
    public async Task Get_runs_a_query_with_json_variables_and_operation_name()
    {
        var query = Uri.EscapeDataString("query A { hello } query B($name: String!) { greet(name: $name) }");
        var variables = Uri.EscapeDataString("""{"name":"王"}""");
        var response = await GetAsync($"?query={query}&operationName=B&variables={variables}&extensions=%7B%7D", AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("""{"data":{"greet":"Hello, 王!"}}""", response.Text);
    }

    [Theory]
    [InlineData(AcceptGraphQLResponse, GraphQLResponseJson)]
    [InlineData(AcceptJson, Json)]
    public async Task Get_refuses_a_mutation_with_405_and_allow_post(string accept, string contentType)
    {
        var response = await GetAsync("?query=" + Uri.EscapeDataString("mutation { increment }"), accept);

        AssertResponse(response, HttpStatusCode.MethodNotAllowed, contentType);
        Assert.Equal(["POST"], response.Message.Content.Headers.Allow);
        AssertNotExecuted(response, GraphQLHttpErrorCodes.HttpMethodNotAllowed);
        Assert.Contains("POST", response.FirstErrorMessage);
        Assert.Equal(0, _host.MutationCounter.Count);
    }

    [Fact]
    public async Task Get_may_select_the_query_of_a_document_that_also_holds_a_mutation()
    {
        var response = await GetAsync(
            "?operationName=Q&query=" + Uri.EscapeDataString("query Q { hello } mutation M { increment }"), AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal(0, _host.MutationCounter.Count);
    }

    [Theory]
    [InlineData("", GraphQLHttpErrorCodes.QueryMissing)]
    [InlineData("?operationName=A", GraphQLHttpErrorCodes.QueryMissing)]
    [InlineData("?query=%7Bhello%7D&variables=%7Bnot-json", GraphQLHttpErrorCodes.VariablesInvalid)]
    [InlineData("?query=%7Bhello%7D&variables=%5B1%5D", GraphQLHttpErrorCodes.VariablesInvalid)]
    [InlineData("?query=%7Bhello%7D&extensions=%22text%22", GraphQLHttpErrorCodes.ExtensionsInvalid)]
    public async Task Get_with_bad_parameters_is_400(string queryString, string code)
    {
        var response = await GetAsync(queryString, AcceptGraphQLResponse);

        AssertResponse(response, HttpStatusCode.BadRequest, GraphQLResponseJson);
        AssertNotExecuted(response, code);
    }

    [Fact]
    public async Task Get_sdl_returns_the_printed_schema()
    {
        var response = await GetAsync("?sdl", accept: null);

        AssertResponse(response, HttpStatusCode.OK, "application/graphql; charset=utf-8");
        Assert.Contains("type Query {", response.Text);
        Assert.Contains("hello: String", response.Text);
        Assert.Contains("greet(name: String!, times: Int): String", response.Text);
        Assert.Contains("type Mutation {", response.Text);
    }

    // ---- other methods, CORS ----

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow_get_head_post(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "")
        {
            Content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json"),
        };

        var response = await SendAsync(request);

        AssertResponse(response, HttpStatusCode.MethodNotAllowed, Json);
        Assert.Equal(["GET", "HEAD", "POST"], response.Message.Content.Headers.Allow);
        AssertNotExecuted(response, GraphQLHttpErrorCodes.HttpMethodNotAllowed);
    }

    [Fact]
    public async Task A_cors_preflight_from_any_origin_is_allowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "");
        request.Headers.Add("Origin", "https://front-end.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");

        var response = await SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal("*", response.Message.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Message.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("X-Api-Key", response.Message.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cross_origin_post_gets_the_allow_origin_header()
    {
        using var request = Post("""{"query":"{ hello }"}""", accept: AcceptGraphQLResponse);
        request.Headers.Add("Origin", "https://front-end.example");

        var response = await SendAsync(request);

        AssertResponse(response, HttpStatusCode.OK, GraphQLResponseJson);
        Assert.Equal("*", response.Message.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    // ---- helpers ----

    private static HttpRequestMessage Post(string body, string? accept, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = content };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return request;
    }

    private async Task<GraphQLHttpResponse> PostAsync(string body, string? accept, string? contentType = "application/json")
    {
        using var request = Post(body, accept, contentType);
        return await SendAsync(request);
    }

    private async Task<GraphQLHttpResponse> GetAsync(string queryString, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.GraphQLUrl + queryString);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await SendAsync(request);
    }

    private async Task<GraphQLHttpResponse> SendAsync(HttpRequestMessage request) =>
        await GraphQLHttpResponse.ReadAsync(await _client.SendAsync(request));

    private static void AssertResponse(GraphQLHttpResponse response, HttpStatusCode status, string contentType)
    {
        Assert.True(response.Status == status && response.ContentType == contentType,
            $"Expected {(int)status} {contentType}, got {response}");
    }

    /// <summary>A request that did not execute has errors, each with a code, and no "data" key at all.</summary>
    private static void AssertNotExecuted(GraphQLHttpResponse response, string? expectedCode)
    {
        var body = response.Json;
        Assert.False(body.ContainsKey("data"), $"Expected no data key: {response}");
        Assert.NotEmpty(body["errors"]!.AsArray());
        Assert.False(string.IsNullOrWhiteSpace(response.FirstErrorMessage), response.ToString());
        if (expectedCode is null)
        {
            Assert.NotNull(response.FirstErrorCode);
        }
        else
        {
            Assert.Equal(expectedCode, response.FirstErrorCode);
        }
    }
}
