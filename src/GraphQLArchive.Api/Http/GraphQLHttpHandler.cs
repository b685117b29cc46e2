using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLArchive.Querying.Limits;
using GraphQLArchive.Querying.Paging;
using GraphQLArchive.Api.Http.Batching;
using GraphQLArchive.Api.Http.Caching;
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

        var limits = RequestLimits.Of(http.RequestServices);
        // One deadline for the whole request, its answer's writing included; a batch's operations share it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(limits.ExecutionTimeout);
        if (read.Batch is { } batch)
        {
            await RunBatchAsync(http, mediaType, batch, isGet, limits, deadline);
            return;
        }

        Outcome outcome;
        try
        {
            outcome = await RunAsync(http, read, isGet, deadline.Token);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client has gone; the running statement was interrupted and nobody reads an answer
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            outcome = new Outcome(Timeouts.Result(limits), null);
        }

        BoundedResponse.Serialized answer;
        try
        {
            answer = BoundedResponse.Serialize(http, outcome.Result, limits, deadline.Token);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        using var written = answer;
        var result = written.Refusal is { } refusal ? Refusals.Result(refusal) : outcome.Result;
        http.Response.StatusCode = outcome.RefusedStatus ?? StatusCodeFor(result, mediaType);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }
        if (written.Refusal is not null)
        {
            await WriteResultAsync(http, mediaType, result);
            return;
        }
        var contentType = mediaType + "; charset=utf-8";
        // Only a query over GET that ran without an error may be kept by caches (a GET never runs a mutation).
        if (isGet && http.Response.StatusCode == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 })
            await GetResponseWriter.WriteCacheableAsync(http, contentType, written.Body, options.Caching.CacheControl);
        else
            await GetResponseWriter.WriteAsync(http, contentType, written.Body);
    }

    /// <summary>What running one request gave: its result, and the status when the transport refused it before it ran.</summary>
    private sealed record Outcome(ExecutionResult Result, int? RefusedStatus);

    /// <summary>One request of a batch or on its own: found, executed and remembered as every transport does; a subscription refused.</summary>
    private static async Task<Outcome> RunAsync(HttpContext http, GraphQLHttpRequest read, bool isGet, CancellationToken deadline)
    {
        if (read.Error is { } readError) return Refused(readError);
        var (result, refused) = await EndpointExecution.ExecuteWithinAsync(http, read.Request!, deadline, isGet ? QueriesOnly : null);
        if (refused is not null) return Refused(refused);
        if (result.Streams is not null)
        {
            // A subscription needs a stream; Subscriptions/ serves them at this path over WebSocket and SSE.
            return Refused(new GraphQLHttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.SubscriptionNeedsStream,
                "Subscriptions are served over WebSocket (graphql-ws protocol) or Server-Sent Events (send Accept: text/event-stream), not as a single response."));
        }
        return new Outcome(result, null);
    }

    /// <summary>
    /// GET runs queries only. Rules added through GraphQL.NET's builder are appended to these lists, not replaced; the
    /// rule also runs for cached documents, since a mutation cached by an earlier POST must still be refused.
    /// </summary>
    private static void QueriesOnly(ExecutionOptions options)
    {
        options.ValidationRules = DocumentValidator.CoreRules.Append(MutationOverGetRule.Instance).ToList();
        options.CachedDocumentValidationRules = [MutationOverGetRule.Instance];
    }

    /// <summary>
    /// A batch runs its operations one after another (they share the request's database context) and answers a JSON
    /// array in their order, each element what the operation alone would have answered. One deadline covers the whole
    /// batch, so it keeps the server no longer busy than one request may: each answer is serialized as its operation
    /// ends, under that deadline, and once it has passed the operations not yet run are HC0045 without running. Each
    /// answer may take what the earlier ones, the brackets and the commas left of the size cap; one that would pass it is
    /// replaced by its MAX_RESPONSE_SIZE_EXCEEDED error. That error is counted but not bounded, so an array holding such
    /// errors can be larger than the cap by their size (some 300 bytes each); one without them never is. The array is
    /// sent once every operation has run, with its length.
    /// </summary>
    private static async Task RunBatchAsync(HttpContext http, string mediaType, IReadOnlyList<GraphQLHttpRequest> batch, bool isGet, RequestLimits limits, CancellationTokenSource deadline)
    {
        var answers = new List<BoundedResponse.Serialized>(batch.Count);
        try
        {
            long size = 2; // the brackets
            foreach (var item in batch)
            {
                var result = deadline.IsCancellationRequested ? Timeouts.Result(limits) : await RunBatchItemAsync(http, item, isGet, limits, deadline);
                var answer = BoundedResponse.Serialize(http, result, limits, limits.MaxResponseBytes - size, inBatch: true, deadline.Token);
                if (answer.Refusal is { } refusal)
                {
                    answer.Dispose();
                    answer = BoundedResponse.SerializeUnbounded(http, Refusals.Result(refusal));
                }
                answers.Add(answer);
                size += answer.Body.Length + 1;
            }

            http.Response.StatusCode = StatusCodes.Status200OK;
            await GetResponseWriter.WriteArrayAsync(http, mediaType + "; charset=utf-8", [.. answers.Select(answer => answer.Body)]);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // the client has gone
        }
        finally
        {
            foreach (var answer in answers) answer.Dispose();
        }
    }

    private static async Task<ExecutionResult> RunBatchItemAsync(HttpContext http, GraphQLHttpRequest item, bool isGet, RequestLimits limits, CancellationTokenSource deadline)
    {
        try
        {
            return (await RunAsync(http, item, isGet, deadline.Token)).Result;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return Timeouts.Result(limits);
        }
    }

    private static Outcome Refused(GraphQLHttpRequestError error) => new(error.ToResult(), error.StatusCode);

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
        return WriteResultAsync(http, mediaType, error.ToResult());
    }

    /// <summary>A small answer (an error) with its length; for HEAD only the length.</summary>
    private static async Task WriteResultAsync<T>(HttpContext http, string mediaType, T result)
    {
        using var written = BoundedResponse.SerializeUnbounded(http, result);
        await GetResponseWriter.WriteAsync(http, mediaType + "; charset=utf-8", written.Body);
    }
}
