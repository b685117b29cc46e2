using System.Net.WebSockets;

namespace GraphQLArchive.Api.Subscriptions;

public static class SubscriptionEndpoints
{
    /// <summary>How long a WebSocket may stay open before its <c>connection_init</c>.</summary>
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Serves streaming requests at the GraphQL endpoint's own path, ahead of the request/response transport:
    /// WebSocket upgrades (graphql-ws) and requests that accept <c>text/event-stream</c> (graphql-sse). Every other
    /// request goes on to the endpoint. Needs <c>UseWebSockets()</c> before it.
    /// </summary>
    public static IApplicationBuilder UseGraphQLSubscriptions(this IApplicationBuilder app, string path = "/graphql") =>
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
            {
                await next(http);
                return;
            }
            if (http.WebSockets.IsWebSocketRequest)
            {
                if (!http.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWebSocketConnection.SubProtocol))
                {
                    // graphql-ws closes with 4406 when the client does not speak its subprotocol.
                    using var refused = await http.WebSockets.AcceptWebSocketAsync();
                    await refused.CloseOutputAsync((WebSocketCloseStatus)4406, "Subprotocol not acceptable", CancellationToken.None);
                    return;
                }
                using var socket = await http.WebSockets.AcceptWebSocketAsync(GraphQLWebSocketConnection.SubProtocol);
                await new GraphQLWebSocketConnection(http, socket, InitTimeout).RunAsync();
                return;
            }
            if (GraphQLServerSentEvents.Accepts(http.Request) && !HttpMethods.IsOptions(http.Request.Method))
            {
                await GraphQLServerSentEvents.HandleAsync(http);
                return;
            }
            await next(http);
        });
}
