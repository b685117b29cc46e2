using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Http;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>Raw requests for the hardening tests: bytes as an attacker would send them.</summary>
internal static class HardeningHttp
{
    public static async Task<GraphQLHttpResponse> PostBytesAsync(this ArchiveApiFactory api, byte[] body, string accept = "application/graphql-response+json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        return await GraphQLHttpResponse.ReadAsync(await api.CreateClient().SendAsync(request));
    }

    public static Task<GraphQLHttpResponse> PostJsonTextAsync(this ArchiveApiFactory api, string json) =>
        api.PostBytesAsync(Encoding.UTF8.GetBytes(json));

    public static string Json(string query) => JsonSerializer.Serialize(new { query });

    /// <summary>Every error in the body has a code.</summary>
    public static void AssertAllCoded(GraphQLHttpResponse response)
    {
        foreach (var error in response.Json["errors"]?.AsArray() ?? [])
            Assert.False(string.IsNullOrEmpty((string?)error!["extensions"]?["code"]), response.ToString());
    }
}
