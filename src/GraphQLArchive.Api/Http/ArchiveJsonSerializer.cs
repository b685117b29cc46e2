using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer, writing non-ASCII text (Chinese) as UTF-8 characters instead of \uXXXX
/// escapes (safe: responses are JSON, never embedded in HTML), with its options open to <see cref="BoundedResponse"/>,
/// which writes answers through them in bounded steps.
/// </summary>
internal sealed class ArchiveJsonSerializer(IErrorInfoProvider errorInfoProvider, Action<JsonSerializerOptions>? configure = null)
    : GraphQLSerializer(options =>
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        configure?.Invoke(options);
    }, errorInfoProvider)
{
    public JsonSerializerOptions Options => SerializerOptions;
}
