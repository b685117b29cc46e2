using GraphQLArchive.Tests.Http;
using System.Text;

namespace GraphQLArchive.Tests.Archive;

/// <summary>Every kind of bad input gets the GraphQL-over-HTTP status and a GraphQL error with a stable code.</summary>
public sealed class BadInputTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Malformed_json_is_400_with_JSON_INVALID()
    {
        var response = await PostRawAsync("{\"query\": \"{ officials { totalCount } }\"", "application/json");
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("JSON_INVALID", Code(response));
    }

    [Fact]
    public async Task A_syntax_error_is_400_with_SYNTAX_ERROR_and_no_data()
    {
        var response = await api.PostAsync("{ officials { totalCount ");
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("SYNTAX_ERROR", Code(response));
        Assert.Null(response.Json["data"]);
    }

    [Fact]
    public async Task An_unknown_field_is_400_and_names_the_field()
    {
        var response = await api.PostAsync("{ officials { nodes { nickname } } }");
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", Code(response));
        Assert.Contains("nickname", (string?)response.Json["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task A_non_json_content_type_is_415()
    {
        var response = await PostRawAsync("{ officials { totalCount } }", "text/plain");
        Assert.Equal(415, (int)response.Status);
        Assert.Equal("CONTENT_TYPE_UNSUPPORTED", Code(response));
    }

    [Fact]
    public async Task More_than_fifty_items_per_page_is_a_field_error_HC0051()
    {
        var response = await api.PostAsync("{ articles(first: 51) { nodes { headline } } }");
        Assert.Equal(200, (int)response.Status);
        var error = response.Json["errors"]![0]!;
        Assert.Equal("HC0051", (string?)error["extensions"]!["code"]);
        Assert.Equal(51, (int)error["extensions"]!["requestedItems"]!);
        Assert.Equal(50, (int)error["extensions"]!["maxAllowedItems"]!);
        Assert.Equal("articles", (string?)error["path"]![0]);
        Assert.Null(response.Json["data"]!["articles"]);
    }

    [Fact]
    public async Task A_negative_page_size_is_HC0079()
    {
        var response = await api.PostAsync("{ articles(last: -1) { nodes { headline } } }");
        Assert.Equal("HC0079", Code(response));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("WyIzQTE5OTE3MCIsMV1b7/2nMgs=")] // a real cursor with its last byte changed
    public async Task An_invalid_cursor_is_HC0078(string cursor)
    {
        var response = await api.PostAsync("query($c: String) { articles(after: $c) { nodes { headline } } }", new { c = cursor });
        Assert.Equal(200, (int)response.Status);
        Assert.Equal("HC0078", Code(response));
        Assert.Equal(cursor, (string?)response.Json["errors"]![0]!["extensions"]!["cursor"]);
    }

    [Fact]
    public async Task A_cursor_made_under_another_order_is_HC0078()
    {
        var first = await api.PostAsync("{ articles(first: 1, order: [{ headline: ASC }]) { pageInfo { endCursor } } }");
        var cursor = (string)first.Json["data"]!["articles"]!["pageInfo"]!["endCursor"]!;
        var response = await api.PostAsync("query($c: String) { articles(after: $c, order: [{ eventDate: ASC }]) { nodes { headline } } }", new { c = cursor });
        Assert.Equal("HC0078", Code(response));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("QXJ0aWNsZTp4")] // Article:x
    [InlineData("V2lkZ2V0OjE=")] // Widget:1
    public async Task An_invalid_node_id_is_INVALID_ID(string id)
    {
        var response = await api.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
        Assert.Equal(200, (int)response.Status);
        Assert.Equal("INVALID_ID", Code(response));
        Assert.Null(response.Json["data"]!["node"]);
    }

    [Fact]
    public async Task More_than_fifty_ids_in_nodes_is_TOO_MANY_IDS()
    {
        var ids = Enumerable.Range(1, 51).Select(i => GraphQLArchive.Querying.Nodes.GlobalId.Encode("Article", i)).ToArray();
        var response = await api.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
        Assert.Equal("TOO_MANY_IDS", Code(response));
        Assert.Equal(51, (int)response.Json["errors"]![0]!["extensions"]!["requestedIds"]!);
    }

    [Fact]
    public async Task An_id_of_another_type_is_refused_by_a_typed_lookup()
    {
        var response = await api.PostAsync("{ officialById(id: \"QXJ0aWNsZTox\") { name } }");
        Assert.Equal("INVALID_ID", Code(response));
    }

    [Fact]
    public async Task Null_for_an_operation_other_than_eq_is_HC0026()
    {
        var response = await api.PostAsync("{ articles(where: { headline: { contains: null } }) { nodes { headline } } }");
        Assert.Equal("HC0026", Code(response));
        Assert.Equal("StringOperationFilterInput", (string?)response.Json["errors"]![0]!["extensions"]!["filterType"]);
    }

    private static string? Code(GraphQLHttpResponse response) => (string?)response.Json["errors"]![0]!["extensions"]!["code"];

    private async Task<GraphQLHttpResponse> PostRawAsync(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await GraphQLHttpResponse.ReadAsync(await api.CreateClient().SendAsync(request));
    }
}
