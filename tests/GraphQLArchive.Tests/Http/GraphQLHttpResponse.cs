using System.Net;
using System.Text.Json.Nodes;

namespace GraphQLArchive.Tests.Http;

/// <summary>What a test needs from a response: status, headers, raw text and the parsed body.</summary>
public sealed record GraphQLHttpResponse(HttpStatusCode Status, string? ContentType, HttpResponseMessage Message, string Text)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    public string? FirstErrorCode => Json["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public string? FirstErrorMessage => Json["errors"]?[0]?["message"]?.GetValue<string>();

    /// <summary>A response or content header's values joined by ", ", or null when it is absent.</summary>
    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    public static async Task<GraphQLHttpResponse> ReadAsync(HttpResponseMessage message) =>
        new(message.StatusCode, message.Content.Headers.ContentType?.ToString(), message, await message.Content.ReadAsStringAsync());

    public override string ToString() => $"{(int)Status} {ContentType}: {Text}";
}
