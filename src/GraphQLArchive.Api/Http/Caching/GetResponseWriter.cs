using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace GraphQLArchive.Api.Http.Caching;

/// <summary>
/// Writes answers to GET and HEAD, which caches may keep: the body is known whole before it is sent, so a
/// cacheable answer gets an <c>ETag</c> (a hash of its media type and bytes) and a conditional GET whose
/// <c>If-None-Match</c> names it gets 304 with no body. HEAD gets the headers of the GET, without the body.
/// </summary>
internal static class GetResponseWriter
{
    /// <summary>An answer that may be cached: with its ETag, <paramref name="cacheControl"/> (when not empty), and 304 on a match.</summary>
    public static Task WriteCacheableAsync(HttpContext http, string contentType, ReadOnlyMemory<byte> body, string? cacheControl)
    {
        var response = http.Response;
        var etag = ETagOf(contentType, body.Span);
        response.Headers.ETag = etag;
        if (!string.IsNullOrWhiteSpace(cacheControl)) response.Headers.CacheControl = cacheControl;
        if (NoneMatchNames(http.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        return WriteAsync(http, contentType, body);
    }

    /// <summary>Any other answer to GET or HEAD: the body with its length (HEAD: the length only).</summary>
    public static async Task WriteAsync(HttpContext http, string contentType, ReadOnlyMemory<byte> body)
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// A batch's answers as one JSON array, each written once, from its own buffer to the response: the brackets and
    /// commas around them, and the length first (HEAD: the length only).
    /// </summary>
    public static async Task WriteArrayAsync(HttpContext http, string contentType, IReadOnlyList<ReadOnlyMemory<byte>> elements)
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = 2 + Math.Max(0, elements.Count - 1) + elements.Sum(element => (long)element.Length);
        if (HttpMethods.IsHead(http.Request.Method)) return;
        var writer = http.Response.BodyWriter;
        writer.Write("["u8);
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0) writer.Write(","u8);
            writer.Write(elements[i].Span);
        }
        writer.Write("]"u8);
        await writer.FlushAsync(http.RequestAborted);
    }

    /// <summary>A strong validator: the same bytes under the same media type are the same representation.</summary>
    internal static string ETagOf(string contentType, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(contentType));
        hash.AppendData([0]);
        hash.AppendData(body);
        return $"\"{Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16))}\"";
    }

    /// <summary>
    /// Whether <c>If-None-Match</c> names <paramref name="etag"/> (weak comparison, as RFC 9110 asks for it) or is <c>*</c>.
    /// A header that does not parse names nothing: the answer is then a full 200, never an error.
    /// </summary>
    private static bool NoneMatchNames(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
