using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Ingestion;
using Microsoft.AspNetCore.TestHost;

namespace GraphQLArchive.Tests.Subscriptions;

/// <summary>The graphql-ws protocol (graphql-transport-ws), spoken by hand over a test server's WebSocket.</summary>
internal static class GraphQLWebSocket
{
    public static async Task<WebSocket> ConnectAsync(TestServer server)
    {
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        return await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), CancellationToken.None);
    }

    /// <summary>Connects, initialises, and subscribes with id <paramref name="id"/>.</summary>
    public static async Task<WebSocket> SubscribeAsync(TestServer server, string query, string id = "1")
    {
        var socket = await ConnectAsync(server);
        await SendAsync(socket, """{"type":"connection_init"}""");
        var ack = await ReceiveAsync(socket);
        if (ack?["type"]?.GetValue<string>() != "connection_ack") throw new InvalidOperationException($"No connection_ack but {ack}");
        await SendAsync(socket, new JsonObject { ["id"] = id, ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = query } }.ToJsonString());
        return socket;
    }

    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public static async Task<JsonNode?> ReceiveAsync(WebSocket socket) =>
        await ReceiveTextAsync(socket) is { } text ? JsonNode.Parse(text) : null;

    /// <summary>The next message as the server wrote it, or null when the server closed the socket.</summary>
    public static async Task<string?> ReceiveTextAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    /// <summary>
    /// Nothing confirms that a subscription is in place, so a page stored at once may come first: stores new pages
    /// through <paramref name="api"/> (at most 5, 2 s apart) until a message arrives.
    /// </summary>
    public static async Task<(List<string> Headlines, JsonNode Message)> IngestUntilReceivedAsync(IGraphQLArchive api, string key, Func<Task<JsonNode?>> receive, int page)
    {
        var headlines = new List<string>();
        var message = receive();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var headline = $"李明主持召开安全生产会议{Guid.NewGuid():N}";
            headlines.Add(headline);
            var text = SeedFiles.Page(headline, $"本报讯(记者 王涛)8月2日,省委常委、市委书记李明主持召开会议。{headline}");
            var stored = await api.PostAsync("mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }",
                new { input = new { text, editionDate = "2021-08-03", newspaper = "太原日报", page } }, apiKey: key);
            Assert.True(stored.Json["data"]!["ingestPage"]!["created"]!.GetValue<bool>(), stored.Text);
            if (await Task.WhenAny(message, Task.Delay(TimeSpan.FromSeconds(2))) == message) return (headlines, (await message)!);
        }
        throw new Xunit.Sdk.XunitException("No event arrived after 5 stored pages.");
    }
}
