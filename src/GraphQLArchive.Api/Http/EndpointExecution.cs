using GraphQL;
using GraphQL.DI;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLArchive.Api.Http.PersistedDocuments;
using GraphQLArchive.Querying.Limits;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// How every transport at the endpoint (HTTP POST, GET and batches, graphql-ws, graphql-sse) runs one request: the
/// document found (sent, persisted by hash or id; trusted documents only, when so configured), executed with the HTTP
/// request in reach of resolvers (the X-Api-Key of mutations), and its hash kept for Apollo's persisted queries once it ran.
/// The execution timeout is one timer of ours per request, answered with <see cref="Timeouts"/> on every transport:
/// GraphQL.NET's own timeout is off for these executions (<see cref="OwnDeadline"/>).
/// </summary>
internal static class EndpointExecution
{
    /// <summary>
    /// For the streaming transports, which have no deadline of their own: the execution timeout counts from here to the
    /// result (a subscription's stream outlives it). A timeout is the result <see cref="Timeouts.Result"/>. The upgrade
    /// request's X-Api-Key reaches mutations as over HTTP, and the document is found as there (persisted by hash or id;
    /// trusted documents only, when so configured). A refusal is in the result: these transports send no status.
    /// </summary>
    public static async Task<ExecutionResult> ExecuteAsync(
        HttpContext http, GraphQLRequest request, CancellationToken cancellationToken)
    {
        var limits = RequestLimits.Of(http.RequestServices);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.ExecutionTimeout);
        try
        {
            return (await ExecuteWithinAsync(http, request, deadline.Token)).Result;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Timeouts.Result(limits);
        }
    }

    /// <summary>
    /// Under the caller's <paramref name="deadline"/> alone (the HTTP handler's, which also covers a whole batch and the
    /// answer's writing): when it passes, this throws <see cref="OperationCanceledException"/>. The result, or the
    /// refusal when no document could be found for the request (then the result is that refusal).
    /// </summary>
    public static async Task<(ExecutionResult Result, GraphQLHttpRequestError? Refused)> ExecuteWithinAsync(
        HttpContext http, GraphQLRequest request, CancellationToken deadline, Action<ExecutionOptions>? adjust = null)
    {
        var resolver = PersistedDocumentResolver.For(http);
        var (resolved, error) = resolver.Resolve(request);
        if (error is not null) return (error.ToResult(), error);
        var options = new ExecutionOptions
        {
            Query = resolved!.Request.Query,
            OperationName = resolved.Request.OperationName,
            Variables = resolved.Request.Variables,
            Extensions = resolved.Request.Extensions,
            UserContext = new GraphQLHttpUserContext(http),
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = deadline,
        };
        adjust?.Invoke(options);
        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(options);
        resolver.Remember(resolved, result);
        return (result, null);
    }

    /// <summary>
    /// Switches GraphQL.NET's execution timeout off for the executions above (their user context is
    /// <see cref="GraphQLHttpUserContext"/>), which bring their deadline in the token. Set from the same figure, it was
    /// a second timer racing ours, and its answer was GraphQL.NET's own message without the code.
    /// </summary>
    internal sealed class OwnDeadline : IConfigureExecution
    {
        public static readonly OwnDeadline Instance = new();

        // After GraphQL.NET's option configurations (100), which set the timeout; before the document cache (200).
        public float SortOrder => 150;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            if (options.UserContext is GraphQLHttpUserContext) options.Timeout = Timeout.InfiniteTimeSpan;
            return next(options);
        }
    }
}
