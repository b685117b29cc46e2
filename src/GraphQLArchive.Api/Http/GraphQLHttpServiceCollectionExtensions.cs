using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;

namespace GraphQLArchive.Api.Http;

public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>The CORS policy that <see cref="GraphQLHttpEndpointRouteBuilderExtensions.MapGraphQLHttp"/> requires.</summary>
    public const string CorsPolicyName = "GraphQLHttp";

    /// <summary>
    /// Lets browser front ends on any origin call the endpoint: GET and POST with the headers a GraphQL client
    /// sends, plus X-Api-Key for mutations. No credentials (cookies) are allowed, so any origin is safe here.
    /// Needs <c>app.UseCors()</c> in the pipeline.
    /// </summary>
    public static IServiceCollection AddGraphQLHttpCors(this IServiceCollection services) =>
        services.AddCors(cors => cors.AddPolicy(CorsPolicyName, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept", "X-Api-Key")));

    /// <summary>
    /// GraphQL.NET's System.Text.Json serializer, writing non-ASCII text (Chinese) as UTF-8 characters instead
    /// of \uXXXX escapes. The relaxed encoder is safe because responses are JSON, never embedded in HTML.
    /// </summary>
    public static IGraphQLBuilder AddUnescapedUnicodeSystemTextJson(this IGraphQLBuilder builder) =>
        builder.AddSystemTextJson(options => options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}
