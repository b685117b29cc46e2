using GraphQL;
using GraphQL.DI;
using GraphQLArchive.Api.Http.PersistedDocuments;

namespace GraphQLArchive.Api.Http;

public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>The CORS policy that <see cref="GraphQLHttpEndpointRouteBuilderExtensions.MapGraphQLHttp"/> requires.</summary>
    public const string CorsPolicyName = "GraphQLHttp";

    /// <summary>
    /// The request headers browser clients send beside Content-Type and Accept: the archive's API key, Apollo Client's
    /// (its CSRF-prevention header and client awareness), W3C trace context, and Authorization.
    /// </summary>
    internal static readonly string[] AllowedHeaders =
    [
        "Content-Type", "Accept", "X-Api-Key", "Authorization",
        "apollo-require-preflight", "apollographql-client-name", "apollographql-client-version",
        "traceparent", "tracestate",
    ];

    /// <summary>
    /// The transport's options (see <see cref="GraphQLHttpOptions"/>), the persisted-document store, the endpoint's own
    /// execution deadline in place of GraphQL.NET's timeout, and the CORS policy.
    /// A directory of trusted documents that does not exist fails here, at start-up. Needs <c>app.UseCors()</c> in the pipeline.
    /// </summary>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, GraphQLHttpOptions? options = null, string? contentRoot = null)
    {
        options ??= new GraphQLHttpOptions();
        services.AddSingleton(options);
        services.AddSingleton(_ => PersistedDocumentResolver.Create(options, contentRoot ?? AppContext.BaseDirectory));
        services.AddSingleton<IConfigureExecution>(EndpointExecution.OwnDeadline.Instance);
        services.AddSingleton<BoundedResponse.Json>();
        return services.AddGraphQLHttpCors(options.Cors);
    }

    /// <summary>
    /// Lets browser front ends call the endpoint from the configured origins (any, by default): GET, HEAD and POST with
    /// the headers GraphQL clients send, and the preflight's answer cached for <see cref="GraphQLCorsOptions.MaxAgeSeconds"/>.
    /// No credentials (cookies) are allowed, so any origin is safe; mutations need the API key header.
    /// </summary>
    public static IServiceCollection AddGraphQLHttpCors(this IServiceCollection services, GraphQLCorsOptions? cors = null)
    {
        cors ??= new GraphQLCorsOptions();
        var origins = cors.AllowedOrigins.Where(origin => !string.IsNullOrWhiteSpace(origin)).Select(origin => origin.Trim().TrimEnd('/')).ToArray();
        return services.AddCors(options => options.AddPolicy(CorsPolicyName, policy =>
        {
            if (origins.Length == 0 || origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins);
            policy.WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post)
                .WithHeaders(AllowedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromSeconds(Math.Max(0, cors.MaxAgeSeconds)));
        }));
    }

    /// <summary>The endpoint's serializer, <see cref="ArchiveJsonSerializer"/>: GraphQL.NET's System.Text.Json one, writing Chinese unescaped.</summary>
    public static IGraphQLBuilder AddUnescapedUnicodeSystemTextJson(this IGraphQLBuilder builder) =>
        builder.AddSerializer<ArchiveJsonSerializer>();
}
