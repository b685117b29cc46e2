using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Http.Caching;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// The schema as SDL, served at <c>{endpoint}/schema.graphql</c> (as Hot Chocolate serves it, with an ETag) and at
/// <c>{endpoint}?sdl</c>: the same text that <c>schema export</c> writes to schema/schema.graphql, printed once per schema.
/// </summary>
internal static class SchemaDocument
{
    public const string ContentType = "application/graphql; charset=utf-8";

    private static readonly ConditionalWeakTable<ISchema, byte[]> Printed = [];

    /// <summary>The SDL with LF line ends and one final newline, so that every platform prints the same file.</summary>
    public static string Sdl(ISchema schema)
    {
        schema.Initialize();
        return schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    public static Task WriteAsync(HttpContext http)
    {
        var schema = http.RequestServices.GetRequiredService<ISchema>();
        var bytes = Printed.GetValue(schema, static s => Encoding.UTF8.GetBytes(Sdl(s)));
        var cacheControl = (http.RequestServices.GetService<GraphQLHttpOptions>() ?? new()).Caching.CacheControl;
        http.Response.StatusCode = StatusCodes.Status200OK;
        return GetResponseWriter.WriteCacheableAsync(http, ContentType, bytes, cacheControl);
    }
}
