using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Ingestion;

namespace GraphQLArchive.Tests.Subscriptions;

/// <summary>The graphql-ws and graphql-sse transports, spoken by hand (tests/clients speaks them with the npm clients).</summary>
public sealed class SubscriptionTransportTests(KeyedArchiveApiFactory fixture) : IClassFixture<KeyedArchiveApiFactory>
{
    private const string PageIngested = "subscription { pageIngested { edition { page } articles { headline } } }";

    private ArchiveApiFactory Api => fixture.Api;

    [Fact]
    public async Task Over_graphql_ws_an_ingested_page_arrives_as_next()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", (await ReceiveAsync(socket))!["type"]!.GetValue<string>());
        await SendAsync(socket, new JsonObject { ["id"] = "1", ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = PageIngested } }.ToJsonString());

        var (headlines, next) = await IngestUntilAsync(() => ReceiveAsync(socket), page: 7);

        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal("1", next["id"]!.GetValue<string>());
        Assert.Equal(7, next["payload"]!["data"]!["pageIngested"]!["edition"]!["page"]!.GetValue<int>());
        Assert.Contains(next["payload"]!["data"]!["pageIngested"]!["articles"]![0]!["headline"]!.GetValue<string>(), headlines);

        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (await ReceiveAsync(socket))!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_graphql_ws_a_query_is_one_next_then_complete()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"type":"connection_init"}""");
        await ReceiveAsync(socket);
        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"{ articles(first: 1) { totalCount } }"}}""");

        var next = (await ReceiveAsync(socket))!;
        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.True(next["payload"]!["data"]!["articles"]!["totalCount"]!.GetValue<int>() >= 3);
        Assert.Equal("complete", (await ReceiveAsync(socket))!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false, """{"id":"1","type":"subscribe","payload":{"query":"{ __typename }"}}""", 4401)]
    [InlineData(true, """{"type":"connection_init"}""", 4429)]
    [InlineData(true, """{"type":"no-such-message"}""", 4400)]
    [InlineData(true, "not json", 4400)]
    public async Task Over_graphql_ws_a_protocol_violation_closes_with_its_code(bool initialised, string message, int closeCode)
    {
        using var socket = await ConnectAsync();
        if (initialised)
        {
            await SendAsync(socket, """{"type":"connection_init"}""");
            await ReceiveAsync(socket);
        }
        await SendAsync(socket, message);

        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(closeCode, (int)socket.CloseStatus!);
    }

    [Fact]
    public async Task Over_graphql_ws_two_subscriptions_with_one_id_close_with_4409()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"type":"connection_init"}""");
        await ReceiveAsync(socket);
        var subscribe = new JsonObject { ["id"] = "same", ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = PageIngested } }.ToJsonString();
        await SendAsync(socket, subscribe);
        await SendAsync(socket, subscribe);

        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(4409, (int)socket.CloseStatus!);
    }

    /// <summary>
    /// Error frames are written by the endpoint's serializer, as the other frames and the HTTP answers are: Chinese in
    /// the id and in the message arrives as written, not as \u escapes, whether the request was refused before it ran
    /// (variables that are no object) or failed validation (a literal of the wrong type, quoted in the message).
    /// </summary>
    [Theory]
    [InlineData("""{ articles(first: "五十") { totalCount } }""", null, "五十")]
    [InlineData("{ __typename }", 5, "VARIABLES_INVALID")]
    public async Task Over_graphql_ws_an_error_frame_keeps_Chinese_as_written(string query, int? variables, string expected)
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"type":"connection_init"}""");
        await ReceiveAsync(socket);
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null) payload["variables"] = variables;
        await SendAsync(socket, new JsonObject { ["id"] = "订阅一", ["type"] = "subscribe", ["payload"] = payload }.ToJsonString());

        var frame = (await GraphQLWebSocket.ReceiveTextAsync(socket))!;

        Assert.DoesNotContain("\\u", frame);
        Assert.Contains("\"id\":\"订阅一\"", frame);
        Assert.Contains(expected, frame);
        var message = JsonNode.Parse(frame)!;
        Assert.Equal("error", (string?)message["type"]);
        Assert.NotNull(message["payload"]![0]!["extensions"]!["code"]);
    }

    /// <summary>A lone surrogate escape in a subscribe payload is refused with a coded error frame, as over HTTP, and the connection goes on.</summary>
    [Fact]
    public async Task Over_graphql_ws_a_lone_surrogate_in_the_payload_is_a_coded_error_and_the_connection_stays_open()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"type":"connection_init"}""");
        await ReceiveAsync(socket);
        await SendAsync(socket, """{"id":"s","type":"subscribe","payload":{"query":"{ __typename }","operationName":"\ud800"}}""");

        var frame = (await ReceiveAsync(socket))!;
        Assert.Equal("error", (string?)frame["type"]);
        Assert.Equal(GraphQLArchive.Api.Http.GraphQLHttpErrorCodes.JsonInvalid, (string?)frame["payload"]![0]!["extensions"]!["code"]);
        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (string?)(await ReceiveAsync(socket))!["type"]);
    }

    [Fact]
    public async Task Over_server_sent_events_a_query_streams_next_then_complete_and_a_bad_one_is_a_400()
    {
        var client = Api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("{ articles(first: 1) { totalCount } }") };
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("event: next\ndata: {\"data\":{\"articles\":{\"totalCount\":", body);
        Assert.EndsWith("event: complete\ndata:\n\n", body);

        using var bad = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("{ nope }") };
        bad.Headers.Accept.ParseAdd("text/event-stream");
        var refused = await client.SendAsync(bad);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("FIELDS_ON_CORRECT_TYPE", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "AUTH_NOT_AUTHENTICATED")]
    public async Task Over_graphql_ws_a_mutation_takes_the_api_key_from_the_init_payload(bool withKey, string? code)
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, withKey ? $$$"""{"type":"connection_init","payload":{"X-Api-Key":"{{{KeyedArchiveApiFactory.Key}}}"}}""" : """{"type":"connection_init"}""");
        await ReceiveAsync(socket);
        var text = SeedFiles.Page($"李明主持召开安全生产会议{Guid.NewGuid():N}", "本报讯(记者 王涛)8月2日,省委常委、市委书记李明主持召开会议。");
        await SendAsync(socket, new JsonObject
        {
            ["id"] = "m", ["type"] = "subscribe",
            ["payload"] = new JsonObject
            {
                ["query"] = "mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }",
                ["variables"] = new JsonObject { ["input"] = new JsonObject { ["text"] = text, ["editionDate"] = "2021-08-03", ["page"] = 9 } },
            },
        }.ToJsonString());

        var next = (await ReceiveAsync(socket))!;
        Assert.Equal(code, next["payload"]!["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        if (withKey) Assert.True(next["payload"]!["data"]!["ingestPage"]!["created"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_subscription_as_a_plain_post_is_a_400_that_names_the_streaming_transports()
    {
        var response = await Api.PostAsync(PageIngested);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("SUBSCRIPTION_NEEDS_STREAM", response.FirstErrorCode);
        Assert.Contains("text/event-stream", response.FirstErrorMessage);
    }

    private Task<WebSocket> ConnectAsync() => GraphQLWebSocket.ConnectAsync(Api.Server);

    private Task<(List<string> Headlines, JsonNode Message)> IngestUntilAsync(Func<Task<JsonNode?>> receive, int page) =>
        GraphQLWebSocket.IngestUntilReceivedAsync(Api, KeyedArchiveApiFactory.Key, receive, page);

    private static StringContent Json(string query) =>
        new(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json");

    private static Task SendAsync(WebSocket socket, string text) => GraphQLWebSocket.SendAsync(socket, text);

    private static Task<JsonNode?> ReceiveAsync(WebSocket socket) => GraphQLWebSocket.ReceiveAsync(socket);
}
