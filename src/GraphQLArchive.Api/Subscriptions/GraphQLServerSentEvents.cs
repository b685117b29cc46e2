using System.Text.Json;
using GraphQL;
using GraphQLArchive.Api.Http;

namespace GraphQLArchive.Api.Subscriptions;

/// <summary>
/// The graphql-sse protocol's distinct connections mode: one request (POST with a JSON body, or GET with query
/// parameters) with <c>Accept: text/event-stream</c> per operation, answered by <c>next</c> events and a
/// <c>complete</c>. A request the server cannot run is a 4xx with a JSON body, before any event.
/// </summary>
internal static class GraphQLServerSentEvents
{
    public const string MediaType = "text/event-stream";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(12);

    public static bool Accepts(HttpRequest request) =>
        request.Headers.Accept.Any(value => value?.Contains(MediaType, StringComparison.OrdinalIgnoreCase) == true);

    public static async Task HandleAsync(HttpContext http)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, serializer, new GraphQLHttpRequestError(StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.HttpMethodNotAllowed, $"Server-Sent Events take GET or POST, not {http.Request.Method}."));
            return;
        }

        var read = await GraphQLHttpRequestReader.ReadAsync(http);
        if (read.Error is { } error)
        {
            await WriteErrorAsync(http, serializer, error);
            return;
        }

        var result = await EndpointExecution.ExecuteAsync(http, read.Request!, http.RequestAborted);
        if (!result.Executed)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(serializer.Serialize(result), http.RequestAborted);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = MediaType + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        // Proxies such as nginx would otherwise hold the events back.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(http.RequestAborted);

        using var writeLock = new SemaphoreSlim(1, 1);
        async Task WriteAsync(string text)
        {
            await writeLock.WaitAsync(http.RequestAborted);
            try
            {
                await http.Response.WriteAsync(text, http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
            finally
            {
                writeLock.Release();
            }
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var keepAlive = KeepAliveAsync(WriteAsync, done.Token);
        try
        {
            Task Next(ExecutionResult next) => WriteAsync($"event: next\ndata: {serializer.Serialize(next)}\n\n");
            if (result.Streams is { Count: > 0 } streams)
                await SubscriptionExecution.StreamAsync(streams.Values.Single(), Next, http.RequestAborted);
            else
                await Next(result);
            if (!http.RequestAborted.IsCancellationRequested) await WriteAsync("event: complete\ndata:\n\n");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested) { }
        finally
        {
            await done.CancelAsync();
            await keepAlive;
        }
    }

    /// <summary>A comment line now and then, so that idle connections are not cut by proxies.</summary>
    private static async Task KeepAliveAsync(Func<string, Task> write, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(KeepAlive);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken)) await write(":\n\n");
        }
        catch (OperationCanceledException) { }
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLHttpRequestError error)
    {
        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(serializer.Serialize(error.ToResult()), http.RequestAborted);
    }
}
