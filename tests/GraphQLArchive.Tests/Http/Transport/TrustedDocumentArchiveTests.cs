using System.Net;
using System.Text;
using GraphQLArchive.Api.Http;
using System.Text.Json.Nodes;
using GraphQLArchive.Api.Http.PersistedDocuments;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Subscriptions;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>Trusted-only mode on the real API, configured as an operator does: it holds for Server-Sent Events too.</summary>
public sealed class TrustedDocumentArchiveTests : IAsyncLifetime
{
    private const string Officials = "query Officials { officials(first: 1, order: [{ name: ASC }]) { nodes { name } } }";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trusted-archive-{Guid.NewGuid():N}");
    private ArchiveApiFactory _api = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "officials.graphql"), Officials);
        // The same document under its hash, as a client's build tool names it.
        File.WriteAllText(Path.Combine(_directory, PersistedDocumentResolver.Sha256(Officials) + ".graphql"), Officials);
        _api = new ArchiveApiFactory
        {
            Settings =
            {
                ["Archive:PersistedOperations:Directory"] = _directory,
                ["Archive:PersistedOperations:OnlyAllowPersistedDocuments"] = "true",
            },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await _api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_configured_trusted_document_runs_by_id_and_any_other_is_refused()
    {
        var trusted = await GraphQLHttpResponse.ReadAsync(await PostAsync("""{"id":"officials"}""", "application/graphql-response+json"));
        var other = await GraphQLHttpResponse.ReadAsync(await PostAsync("""{"query":"{ __schema { types { name } } }"}""", "application/graphql-response+json"));

        Assert.Equal(HttpStatusCode.OK, trusted.Status);
        Assert.NotNull(trusted.Json["data"]!["officials"]!["nodes"]![0]!["name"]);
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Equal(GraphQLHttpErrorCodes.OnlyPersistedOperationsAllowed, other.FirstErrorCode);
    }

    [Fact]
    public async Task Over_server_sent_events_an_untrusted_document_is_refused_and_a_trusted_one_streams()
    {
        using var refused = await PostAsync("""{"query":"{ articles(first: 1) { nodes { headline } } }"}""", "text/event-stream");
        using var streamed = await PostAsync("""{"id":"officials"}""", "text/event-stream");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(GraphQLHttpErrorCodes.OnlyPersistedOperationsAllowed, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        var events = await streamed.Content.ReadAsStringAsync();
        Assert.Contains("event: next", events);
        Assert.Contains("\"officials\"", events);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("documentId")]
    [InlineData("hash")]
    [InlineData("text")]
    public async Task Over_graphql_ws_a_trusted_document_runs_by_id_hash_or_text_and_an_untrusted_one_is_refused(string how)
    {
        var payload = how switch
        {
            "id" => new JsonObject { ["id"] = "officials" },
            "documentId" => new JsonObject { ["documentId"] = "officials" },
            "hash" => new JsonObject
            {
                ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = PersistedDocumentResolver.Sha256(Officials) } },
            },
            _ => new JsonObject { ["query"] = Officials },
        };
        using var socket = await GraphQLWebSocket.ConnectAsync(_api.Server);
        await GraphQLWebSocket.SendAsync(socket, """{"type":"connection_init"}""");
        await GraphQLWebSocket.ReceiveAsync(socket);
        await GraphQLWebSocket.SendAsync(socket, new JsonObject { ["id"] = "t", ["type"] = "subscribe", ["payload"] = payload }.ToJsonString());
        var trusted = (await GraphQLWebSocket.ReceiveAsync(socket))!;
        Assert.True(trusted["type"]!.GetValue<string>() == "next", trusted.ToJsonString());
        Assert.NotNull(trusted["payload"]!["data"]!["officials"]!["nodes"]![0]!["name"]);
        Assert.Equal("complete", (await GraphQLWebSocket.ReceiveAsync(socket))!["type"]!.GetValue<string>());

        await GraphQLWebSocket.SendAsync(socket, """{"id":"u","type":"subscribe","payload":{"query":"{ articles(first: 1) { nodes { headline } } }"}}""");
        var untrusted = (await GraphQLWebSocket.ReceiveAsync(socket))!;
        Assert.Equal("error", untrusted["type"]!.GetValue<string>());
        Assert.Equal(GraphQLHttpErrorCodes.OnlyPersistedOperationsAllowed, untrusted["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
