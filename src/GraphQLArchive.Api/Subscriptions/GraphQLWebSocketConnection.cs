using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLArchive.Api.Http;

namespace GraphQLArchive.Api.Subscriptions;

/// <summary>
/// One WebSocket connection speaking the graphql-ws protocol (subprotocol <c>graphql-transport-ws</c>):
/// <c>connection_init</c> → <c>connection_ack</c>, then any number of <c>subscribe</c>s, each answered by
/// <c>next</c>… and <c>complete</c> (or <c>error</c>), with <c>ping</c>/<c>pong</c> both ways.
/// </summary>
internal sealed class GraphQLWebSocketConnection(HttpContext http, WebSocket socket, TimeSpan initTimeout)
{
    public const string SubProtocol = "graphql-transport-ws";

    private const int MaxMessageBytes = 1 << 20;

    private readonly IGraphQLTextSerializer _serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private bool _acknowledged;

    public async Task RunAsync()
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        _ = Task.Delay(initTimeout, closing.Token).ContinueWith(async t =>
        {
            if (!t.IsCanceled && !_acknowledged) await CloseAsync(4408, "Connection initialisation timeout");
        }, TaskScheduler.Default);
        try
        {
            while (socket.State == WebSocketState.Open && await ReceiveAsync(closing.Token) is { } text)
            {
                if (!await HandleAsync(text, closing.Token)) break;
            }
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested) { }
        catch (WebSocketException) { } // the client went away
        finally
        {
            await closing.CancelAsync();
            foreach (var operation in _operations.Values) await operation.CancelAsync();
            // The socket is disposed once this returns: let every operation see its cancellation first.
            await Task.WhenAll(_running.Keys);
        }
    }

    /// <summary>Handles one message; false when the connection was closed for a protocol violation.</summary>
    private async Task<bool> HandleAsync(string text, CancellationToken cancellationToken)
    {
        JsonElement message;
        try
        {
            message = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return await CloseAsync(4400, "Invalid message received");
        }
        var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "connection_init":
                if (_acknowledged) return await CloseAsync(4429, "Too many initialisation requests");
                _acknowledged = true;
                AcceptApiKey(message);
                await SendAsync(null, "connection_ack");
                return true;
            case "ping":
                await SendAsync(null, "pong");
                return true;
            case "pong":
                return true;
            case "complete":
                if (Id(message) is { } completed && _operations.TryRemove(completed, out var operation)) await operation.CancelAsync();
                return true;
            case "subscribe":
                if (!_acknowledged) return await CloseAsync(4401, "Unauthorized");
                if (Id(message) is not { } id || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
                    return await CloseAsync(4400, "Invalid message received");
                // Read as the HTTP endpoint reads a body, so a trusted document's id or a persisted query's hash works here too.
                var read = GraphQLHttpRequestReader.FromPayload(http, payload);
                if (read.Error is { Code: GraphQLHttpErrorCodes.QueryMissing }) return await CloseAsync(4400, "Invalid message received");
                if (read.Error is { } refused)
                {
                    await SendErrorAsync(id, refused.ToResult());
                    return true;
                }
                var request = read.Request!;
                var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (!_operations.TryAdd(id, stop)) return await CloseAsync(4409, $"Subscriber for {id} already exists");
                var running = RunOperationAsync(id, request, stop);
                if (_running.TryAdd(running, true)) _ = running.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
                return true;
            default:
                return await CloseAsync(4400, "Invalid message received");
        }
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource stop)
    {
        try
        {
            var result = await EndpointExecution.ExecuteAsync(http, request, stop.Token);
            if (!result.Executed)
            {
                await SendErrorAsync(id, result);
                return;
            }
            if (result.Streams is { Count: > 0 } streams)
                await SubscriptionExecution.StreamAsync(streams.Values.Single(), next => SendNextAsync(id, next), stop.Token);
            else
                await SendNextAsync(id, result);
            if (!stop.IsCancellationRequested)
                await SendAsync(id, "complete");
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, stop));
            stop.Dispose();
        }
    }

    /// <summary>
    /// Browsers cannot set headers on a WebSocket, so graphql-ws clients send credentials as the init payload
    /// (<c>connectionParams</c>): an <c>X-Api-Key</c> there counts as the header for this connection's mutations.
    /// </summary>
    private void AcceptApiKey(JsonElement message)
    {
        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object) return;
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Name.Equals(Ingestion.ApiKey.Header, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String
                && string.IsNullOrEmpty(http.Request.Headers[Ingestion.ApiKey.Header]))
                http.Request.Headers[Ingestion.ApiKey.Header] = property.Value.GetString();
        }
    }

    private Task SendNextAsync(string id, ExecutionResult result) => SendAsync(id, "next", result);

    /// <summary>A request that did not run (refused, or parse and validation errors): graphql-ws's error message carries the errors alone.</summary>
    private Task SendErrorAsync(string id, ExecutionResult result) => SendAsync(id, "error", (object?)result.Errors ?? Array.Empty<ExecutionError>());

    /// <summary>Every frame, written by the endpoint's serializer as the answers over HTTP are (Chinese unescaped).</summary>
    private Task SendAsync(string? id, string type, object? payload = null) =>
        SendTextAsync(_serializer.Serialize(new OperationMessage { Id = id, Type = type, Payload = payload }));

    private static string? Id(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

    private async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, received.Count);
                if (message.Length > MaxMessageBytes)
                {
                    await CloseAsync(4400, "Message too large");
                    return null;
                }
                if (received.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendTextAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<bool> CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (WebSocketException) { }
        finally
        {
            _sendLock.Release();
        }
        return false;
    }
}
