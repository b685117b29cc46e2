using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLArchive.Querying.Limits;
using GraphQLArchive.Querying.Paging;

namespace GraphQLArchive.Api.Http;

/// <summary>Serves one GraphQL-over-HTTP request: checks method and media types, reads, executes, answers.</summary>
internal static class GraphQLHttpHandler
{
    private const string AllowedMethods = "GET, POST";

    public static async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = AllowedMethods;
            await WriteErrorAsync(http, ResponseMediaType.Negotiate(request) ?? ResponseMediaType.Json,
                new GraphQLHttpRequestError(StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.HttpMethodNotAllowed,
                    $"The HTTP method {request.Method} is not supported. Send queries with GET or POST, and mutations with POST."));
            return;
        }

        if (isGet && request.Query.ContainsKey("sdl"))
        {
            await WriteSdlAsync(http);
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

        var limits = http.RequestServices.GetService<RequestLimits>() ?? new RequestLimits();
        var read = await GraphQLHttpRequestReader.ReadAsync(http);
        if (read.Error is not null)
        {
            await WriteErrorAsync(http, mediaType, read.Error);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await ExecuteAsync(http, read.Request!, isGet);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client has gone; the running statement was interrupted and nobody reads an answer
        }
        if (result.Streams is not null)
        {
            // A subscription needs a stream; Subscriptions/ serves them at this path over WebSocket and SSE.
            await WriteErrorAsync(http, mediaType, new GraphQLHttpRequestError(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.SubscriptionNeedsStream,
                "Subscriptions are served over WebSocket (graphql-ws protocol) or Server-Sent Events (send Accept: text/event-stream), not as a single response."));
            return;
        }
        result = WithTimeoutExplained(result, limits);
        http.Response.StatusCode = StatusCodeFor(result, mediaType);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }
        await WriteResultAsync(http, mediaType, result);
    }

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

    private static Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, bool isGet)
    {
        var options = OptionsFor(http, request, http.RequestAborted);
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
    private static ExecutionResult WithTimeoutExplained(ExecutionResult result, RequestLimits limits)
    {
        if (result.Errors?.Any(e => e is TimeoutError) != true) return result;
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

    private static async Task WriteSdlAsync(HttpContext http)
    {
        var schema = http.RequestServices.GetRequiredService<ISchema>();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/graphql; charset=utf-8";
        await http.Response.WriteAsync(schema.Print(), http.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext http, string mediaType, GraphQLHttpRequestError error)
    {
        http.Response.StatusCode = error.StatusCode;
        // Executed = false keeps "data" out of the body: nothing ran.
        var result = new ExecutionResult(new ExecutionError(error.Message) { Code = error.Code }) { Executed = false };
        return WriteResultAsync(http, mediaType, result);
    }

    private static Task WriteResultAsync(HttpContext http, string mediaType, ExecutionResult result)
    {
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var serializer = http.RequestServices.GetRequiredService<IGraphQLSerializer>();
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
