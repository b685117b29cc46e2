using System.Net;
using System.Text;
using GraphQLArchive.Api.Http;
using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>Trusted-only mode on the real API, configured as an operator does: it holds for Server-Sent Events too.</summary>
public sealed class TrustedDocumentArchiveTests : IAsyncLifetime
{
    private const string Officials = "query Officials { officials(first: 1, order: [{ name: ASC }]) { nodes { name } } }";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trusted-archive-{Guid.NewGuid():N}");
    private ArchiveApiFactory _api = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "officials.graphql"), Officials);
        _api = new ArchiveApiFactory
        {
            Settings =
            {
                ["Archive:PersistedOperations:Directory"] = _directory,
                ["Archive:PersistedOperations:OnlyAllowPersistedDocuments"] = "true",
            },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await _api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_configured_trusted_document_runs_by_id_and_any_other_is_refused()
    {
        var trusted = await GraphQLHttpResponse.ReadAsync(await PostAsync("""{"id":"officials"}""", "application/graphql-response+json"));
        var other = await GraphQLHttpResponse.ReadAsync(await PostAsync("""{"query":"{ __schema { types { name } } }"}""", "application/graphql-response+json"));

        Assert.Equal(HttpStatusCode.OK, trusted.Status);
        Assert.NotNull(trusted.Json["data"]!["officials"]!["nodes"]![0]!["name"]);
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Equal(GraphQLHttpErrorCodes.OnlyPersistedOperationsAllowed, other.FirstErrorCode);
    }

    [Fact]
    public async Task Over_server_sent_events_an_untrusted_document_is_refused_and_a_trusted_one_streams()
    {
        using var refused = await PostAsync("""{"query":"{ articles(first: 1) { nodes { headline } } }"}""", "text/event-stream");
        using var streamed = await PostAsync("""{"id":"officials"}""", "text/event-stream");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(GraphQLHttpErrorCodes.OnlyPersistedOperationsAllowed, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        var events = await streamed.Content.ReadAsStringAsync();
        Assert.Contains("event: next", events);
        Assert.Contains("\"officials\"", events);
    }
}
