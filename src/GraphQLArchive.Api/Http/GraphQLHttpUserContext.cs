using GraphQL;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// The user context of every operation served over HTTP: resolvers reach the request (headers such as
/// <c>X-Api-Key</c>, the connection, the user) through it. Request services and the request-aborted token
/// are already on the resolve context as <c>RequestServices</c> and <c>CancellationToken</c>.
/// </summary>
public sealed class GraphQLHttpUserContext : Dictionary<string, object?>
{
    public GraphQLHttpUserContext(HttpContext httpContext)
    {
        HttpContext = httpContext;
    }

    public HttpContext HttpContext { get; }
}

public static class GraphQLHttpResolveFieldContextExtensions
{
    /// <summary>The HTTP request's context, or null when the operation was not started by the HTTP endpoint.</summary>
    public static HttpContext? GetHttpContext(this IResolveFieldContext context) =>
        (context.UserContext as GraphQLHttpUserContext)?.HttpContext;
}
