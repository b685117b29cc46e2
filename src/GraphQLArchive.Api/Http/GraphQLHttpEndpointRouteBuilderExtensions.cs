using GraphQL;
using GraphQL.Types;

namespace GraphQLArchive.Api.Http;

public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the DI-registered schema over HTTP at <paramref name="pattern"/>, following the GraphQL-over-HTTP
    /// spec: POST with a JSON body, GET with query parameters (queries only), and <c>GET {pattern}?sdl</c> for the
    /// schema, which <c>{pattern}/schema.graphql</c> serves too (as Hot Chocolate does). Uses the CORS policy registered by
    /// <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/> when the app calls <c>UseCors()</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        // Fail at start-up, not on the first request, when GraphQL.NET was not registered.
        var services = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        foreach (var required in new[] { typeof(ISchema), typeof(IDocumentExecuter<ISchema>), typeof(IGraphQLSerializer) })
        {
            if (!services.IsService(required))
            {
                throw new InvalidOperationException(
                    $"MapGraphQLHttp needs {required.Name} from GraphQL.NET. Register it first: " +
                    "services.AddGraphQL(graphql => graphql.AddSchema<YourSchema>().AddUnescapedUnicodeSystemTextJson()).");
            }
        }

        // ... or with a serializer that the answers cannot be written with.
        _ = endpoints.ServiceProvider.GetRequiredService<BoundedResponse.Json>();

        endpoints.MapMethods(pattern.TrimEnd('/') + "/schema.graphql", [HttpMethods.Get, HttpMethods.Head], SchemaDocument.WriteAsync)
            .RequireCors(GraphQLHttpServiceCollectionExtensions.CorsPolicyName)
            .WithDisplayName("GraphQL schema file");
        // Any method maps here so that unsupported ones get a GraphQL error body and an Allow header.
        return endpoints.Map(pattern, GraphQLHttpHandler.HandleAsync)
            .RequireCors(GraphQLHttpServiceCollectionExtensions.CorsPolicyName)
            .WithDisplayName("GraphQL over HTTP");
    }
}
