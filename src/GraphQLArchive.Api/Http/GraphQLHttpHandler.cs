using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLArchive.Querying.Limits;
using GraphQLArchive.Querying.Paging;
using GraphQLArchive.Api.Http.Batching;
using GraphQLArchive.Api.Http.Caching;
using GraphQLArchive.Api.Http.PersistedDocuments;
using Microsoft.Net.Http.Headers;

namespace GraphQLArchive.Api.Http;

/// <summary>Serves one GraphQL-over-HTTP request: checks method and media types, reads, executes, answers.</summary>
internal static class GraphQLHttpHandler
{
    private const string AllowedMethods = "GET, HEAD, POST";

    private static readonly GraphQLHttpOptions Defaults = new();

    public static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        // HEAD is a GET without the body: same checks, same headers.
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = AllowedMethods;
            await WriteErrorAsync(http, ResponseMediaType.Negotiate(request) ?? ResponseMediaType.Json,
                new GraphQLHttpRequestError(StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.HttpMethodNotAllowed,
                    $"The HTTP method {request.Method} is not supported. Send queries with GET or POST, and mutations with POST."));
            return;
        }
        if (isGet)
        {
            // The answer to a GET depends on its Accept header: caches must key on it.
            http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        }

        if (isGet && request.Query.ContainsKey("sdl"))
        {
            await SchemaDocument.WriteAsync(http);
            return;
        }

        var mediaType = ResponseMediaType.Negotiate(request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, ResponseMediaType.Json,
                new GraphQLHttpRequestError(StatusCodes.Status406NotAcceptable, GraphQLHttpErrorCodes.MediaTypeNotAcceptable,
                    $"The Accept header '{request.Headers.Accept}' allows no media type this endpoint produces. Accept '{ResponseMediaType.GraphQLResponseJson}' or '{ResponseMediaType.Json}'."));
            return;
        }

        var options = http.RequestServices.GetService<GraphQLHttpOptions>() ?? Defaults;
        var read = await GraphQLHttpRequestReader.ReadAsync(http, options.Batching);
        if (read.Request is { } single && request.Query.TryGetValue(BatchOperations.Parameter, out var operations))
        {
            read = BatchOperations.Expand(single, operations.ToString(), options.Batching);
        }
        if (read.Error is not null)
        {
            await WriteErrorAsync(http, mediaType, read.Error);
            return;
        }
        if (read.Batch is { } batch)
        {
            await RunBatchAsync(http, mediaType, batch, isGet);
            return;
        }

        Outcome outcome;
        try
        {
            outcome = await RunAsync(http, read, isGet, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client has gone; the running statement was interrupted and nobody reads an answer
        }
        var result = outcome.Result;
        http.Response.StatusCode = outcome.RefusedStatus ?? StatusCodeFor(result, mediaType);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }
        // Only a query over GET that ran without an error may be kept by caches (a GET never runs a mutation).
        if (isGet && http.Response.StatusCode == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 })
            await GetResponseWriter.WriteCacheableAsync(http, mediaType + "; charset=utf-8", await SerializeAsync(http, result), options.Caching.CacheControl);
        else
            await WriteResultAsync(http, mediaType, result);
    }

    /// <summary>What running one request gave: its result, and the status when the transport refused it before it ran.</summary>
    private sealed record Outcome(ExecutionResult Result, int? RefusedStatus);

    /// <summary>One request of a batch or on its own: its document found, executed, and its hash remembered when it ran.</summary>
    private static async Task<Outcome> RunAsync(HttpContext http, GraphQLHttpRequest read, bool isGet, CancellationToken cancellationToken)
    {
        if (read.Error is { } readError) return Refused(readError);
        var resolver = PersistedDocumentResolver.For(http);
        var (resolved, error) = resolver.Resolve(read.Request!);
        if (error is not null) return Refused(error);

        var result = await ExecuteAsync(http, resolved!.Request, isGet, cancellationToken);
        if (result.Streams is not null)
        {
            // A subscription needs a stream; Subscriptions/ serves them at this path over WebSocket and SSE.
            return Refused(new GraphQLHttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.SubscriptionNeedsStream,
                "Subscriptions are served over WebSocket (graphql-ws protocol) or Server-Sent Events (send Accept: text/event-stream), not as a single response."));
        }
        resolver.Remember(resolved, result);
        return new Outcome(WithTimeoutExplained(result, Limits(http)), null);
    }

    /// <summary>
    /// A batch runs its operations one after another (they share the request's database context) and answers a JSON
    /// array in their order, each element what the operation alone would have answered. The execution timeout bounds the
    /// whole batch, not each operation, so a batch keeps the server no longer busy than one request may.
    /// </summary>
    private static async Task RunBatchAsync(HttpContext http, string mediaType, IReadOnlyList<GraphQLHttpRequest> batch, bool isGet)
    {
        var limits = Limits(http);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(limits.ExecutionTimeout);
        var results = new List<ExecutionResult>(batch.Count);
        foreach (var item in batch)
        {
            if (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
            {
                results.Add(TimeoutResult(limits));
                continue;
            }
            try
            {
                results.Add((await RunAsync(http, item, isGet, timeout.Token)).Result);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                results.Add(TimeoutResult(limits));
            }
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        await WriteResultAsync(http, mediaType, results);
    }

    private static Outcome Refused(GraphQLHttpRequestError error) =>
        new(new ExecutionResult(new ExecutionError(error.Message) { Code = error.Code }) { Executed = false }, error.StatusCode);

    private static RequestLimits Limits(HttpContext http) => http.RequestServices.GetService<RequestLimits>() ?? new RequestLimits();

    /// <summary>How every transport at the endpoint runs a request: resolvers reach the HTTP request through the user context.</summary>
    internal static ExecutionOptions OptionsFor(HttpContext http, GraphQLRequest request, CancellationToken cancellationToken) => new()
    {
        Query = request.Query,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        UserContext = new GraphQLHttpUserContext(http),
        User = http.User,
        RequestServices = http.RequestServices,
        CancellationToken = cancellationToken,
    };

    private static Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, bool isGet, CancellationToken cancellationToken)
    {
        var options = OptionsFor(http, request, cancellationToken);
        if (isGet)
        {
            // Rules added through GraphQL.NET's builder are appended to these lists, not replaced.
            // The rule also runs for cached documents: a mutation cached by an earlier POST must still be refused.
            options.ValidationRules = DocumentValidator.CoreRules.Append(MutationOverGetRule.Instance).ToList();
            options.CachedDocumentValidationRules = [MutationOverGetRule.Instance];
        }
        return http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(options);
    }

    /// <summary>GraphQL.NET's timeout error, with Hot Chocolate's code and the figure.</summary>
    private static ExecutionResult WithTimeoutExplained(ExecutionResult result, RequestLimits limits) =>
        result.Errors?.Any(e => e is TimeoutError) == true ? TimeoutResult(limits) : result;

    private static ExecutionResult TimeoutResult(RequestLimits limits)
    {
        var seconds = limits.ExecutionTimeout.TotalSeconds;
        return new ExecutionResult(new ExecutionError(
            $"The request exceeded the execution timeout of {seconds:0.###} s and was stopped. Ask for smaller pages, fewer nested lists or a narrower search.")
        {
            Code = RequestLimitCodes.Timeout,
            Data = { ["timeoutSeconds"] = seconds },
        }) { Executed = false };
    }

    /// <summary>
    /// Executed requests are 200 even with field errors. A request that did not execute is the client's
    /// mistake (parse, validation, variable coercion): 400 under graphql-response+json, but 200 under
    /// application/json, where legacy clients expect 200 for every well-formed request.
    /// </summary>
    private static int StatusCodeFor(ExecutionResult result, string mediaType)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }
        var errors = result.Errors ?? [];
        if (errors.Any(error => error is MutationOverGetError))
        {
            return StatusCodes.Status405MethodNotAllowed;
        }
        if (errors.Any(error => error is InternalServerError))
        {
            // Not the client's fault: an exception escaped before execution started (it is logged with the trace id).
            return StatusCodes.Status500InternalServerError;
        }
        return mediaType == ResponseMediaType.GraphQLResponseJson
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }

    private static Task WriteErrorAsync(HttpContext http, string mediaType, GraphQLHttpRequestError error)
    {
        http.Response.StatusCode = error.StatusCode;
        // Executed = false keeps "data" out of the body: nothing ran.
        var result = new ExecutionResult(new ExecutionError(error.Message) { Code = error.Code }) { Executed = false };
        return WriteResultAsync(http, mediaType, result);
    }

    /// <summary>The body streamed as it is serialized; for HEAD only its length.</summary>
    private static async Task WriteResultAsync<T>(HttpContext http, string mediaType, T result)
    {
        var contentType = mediaType + "; charset=utf-8";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            await GetResponseWriter.WriteAsync(http, contentType, await SerializeAsync(http, result));
            return;
        }
        http.Response.ContentType = contentType;
        await http.RequestServices.GetRequiredService<IGraphQLSerializer>().WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task<ReadOnlyMemory<byte>> SerializeAsync<T>(HttpContext http, T result)
    {
        using var buffer = new MemoryStream();
        await http.RequestServices.GetRequiredService<IGraphQLSerializer>().WriteAsync(buffer, result, http.RequestAborted);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
