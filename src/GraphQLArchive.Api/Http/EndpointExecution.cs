using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLArchive.Api.Http.PersistedDocuments;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// How every transport at the endpoint (HTTP POST, GET and batches, graphql-ws, graphql-sse) runs one request: the
/// document found (sent, persisted by hash or id; trusted documents only, when so configured), executed with the HTTP
/// request in reach of resolvers (the X-Api-Key of mutations), and its hash kept for Apollo's persisted queries once it ran.
/// </summary>
internal static class EndpointExecution
{
    /// <summary>The result, or the refusal when no document could be found for the request (then the result is that refusal).</summary>
    public static async Task<(ExecutionResult Result, GraphQLHttpRequestError? Refused)> ExecuteAsync(
        HttpContext http, GraphQLRequest request, CancellationToken cancellationToken, Action<ExecutionOptions>? adjust = null)
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
            CancellationToken = cancellationToken,
        };
        adjust?.Invoke(options);
        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(options);
        resolver.Remember(resolved, result);
        return (result, null);
    }
}
