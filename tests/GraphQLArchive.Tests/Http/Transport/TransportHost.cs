using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQLArchive.Api.Http;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary><see cref="TestSchema"/> behind the endpoint with the given transport options, and the raw requests the transport tests send.</summary>
internal sealed class TransportHost : IAsyncDisposable
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    private readonly TestGraphQLHost _host;
    private readonly HttpClient _client;

    private TransportHost(TestGraphQLHost host)
    {
        _host = host;
        _client = host.CreateClient();
    }

    public static async Task<TransportHost> StartAsync(GraphQLHttpOptions? options = null, Action<GraphQL.DI.IGraphQLBuilder>? configureGraphQL = null) =>
        new(await TestGraphQLHost.StartInMemoryAsync(configureGraphQL, options ?? new GraphQLHttpOptions()));

    public MutationCounter MutationCounter => _host.MutationCounter;

    public Task<GraphQLHttpResponse> PostJsonAsync(string json, string accept = GraphQLResponseJson, string path = "") =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, _host.GraphQLUrl + path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/json") } },
        }, accept);

    public Task<GraphQLHttpResponse> PostAsync(object body, string accept = GraphQLResponseJson) => PostJsonAsync(JsonSerializer.Serialize(body), accept);

    /// <summary>A GET (or another method without a body) with the query string built from <paramref name="parameters"/>.</summary>
    public Task<GraphQLHttpResponse> GetAsync(IReadOnlyDictionary<string, string> parameters, string accept = GraphQLResponseJson,
        HttpMethod? method = null, Action<HttpRequestMessage>? headers = null, string path = "")
    {
        var query = string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, _host.GraphQLUrl + path + (query.Length > 0 ? "?" + query : ""));
        headers?.Invoke(request);
        return SendAsync(request, accept);
    }

    public Task<GraphQLHttpResponse> SendAsync(HttpRequestMessage request, string? accept = GraphQLResponseJson)
    {
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return SendCoreAsync(request);
    }

    private async Task<GraphQLHttpResponse> SendCoreAsync(HttpRequestMessage request)
    {
        using (request) return await GraphQLHttpResponse.ReadAsync(await _client.SendAsync(request));
    }

    /// <summary>The extensions of an automatic persisted query for <paramref name="query"/>.</summary>
    public static object PersistedQuery(string query) => new { persistedQuery = new { version = 1, sha256Hash = Sha256(query) } };

    public static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }
}
