using System.Net;
using System.Text.Json;
using GraphQLArchive.Api.Http;
using static GraphQLArchive.Tests.Http.Transport.TransportHost;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>Apollo's automatic persisted queries: the hash alone, the not-found answer that makes the client send the text, then the hash alone again.</summary>
public sealed class AutomaticPersistedQueryTests : IAsyncLifetime
{
    private const string Query = "query Greet($name: String!) { greet(name: $name) }";
    private static readonly object Variables = new { name = "太原" };

    private TransportHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_unknown_hash_alone_is_persisted_query_not_found_as_apollo_recognises_it()
    {
        var response = await _host.PostAsync(new { variables = Variables, extensions = PersistedQuery(Query) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, response.FirstErrorCode);
        Assert.Contains("full 'query'", response.FirstErrorMessage);
        Assert.False(response.Json.ContainsKey("data"));
    }

    [Fact]
    public async Task The_query_with_its_hash_runs_and_then_the_hash_alone_runs_it_over_post_and_get()
    {
        var registered = await _host.PostAsync(new { query = Query, variables = Variables, extensions = PersistedQuery(Query) });
        Assert.Equal("""{"data":{"greet":"Hello, 太原!"}}""", registered.Text);

        var byPost = await _host.PostAsync(new { variables = Variables, extensions = PersistedQuery(Query) });
        var byGet = await _host.GetAsync(new Dictionary<string, string>
        {
            ["variables"] = JsonSerializer.Serialize(Variables),
            ["extensions"] = JsonSerializer.Serialize(PersistedQuery(Query)),
        });

        Assert.Equal(registered.Text, byPost.Text);
        Assert.Equal(HttpStatusCode.OK, byGet.Status);
        Assert.Equal(registered.Text, byGet.Text);
    }

    [Fact]
    public async Task A_query_registered_over_get_is_found_by_its_hash()
    {
        const string query = "{ chinese }";
        var registered = await _host.GetAsync(new Dictionary<string, string> { ["query"] = query, ["extensions"] = JsonSerializer.Serialize(PersistedQuery(query)) });
        var byHash = await _host.GetAsync(new Dictionary<string, string> { ["extensions"] = JsonSerializer.Serialize(PersistedQuery(query)) });

        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.Equal(registered.Text, byHash.Text);
    }

    [Fact]
    public async Task A_hash_that_is_not_the_query_s_is_a_coded_400_and_stores_nothing()
    {
        var other = Sha256("{ hello }");
        var response = await _host.PostAsync(new { query = Query, variables = Variables, extensions = new { persistedQuery = new { version = 1, sha256Hash = other } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryHashMismatch, response.FirstErrorCode);
        Assert.Contains(Sha256(Query), response.FirstErrorMessage);
        var later = await _host.PostAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = other } } });
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, later.FirstErrorCode);
    }

    [Fact]
    public async Task A_hash_in_upper_case_names_the_same_document()
    {
        await _host.PostAsync(new { query = "{ hello }", extensions = PersistedQuery("{ hello }") });

        var response = await _host.PostAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256("{ hello }").ToUpperInvariant() } } });

        Assert.Equal("""{"data":{"hello":"world"}}""", response.Text);
    }

    [Fact]
    public async Task A_document_that_does_not_validate_is_not_stored()
    {
        const string broken = "{ nope }";
        var first = await _host.PostAsync(new { query = broken, extensions = PersistedQuery(broken) });
        var byHash = await _host.PostAsync(new { extensions = PersistedQuery(broken) });

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, byHash.FirstErrorCode);
    }

    [Theory]
    [InlineData("""{"persistedQuery":"abc"}""")]
    [InlineData("""{"persistedQuery":{"version":2,"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}""")]
    [InlineData("""{"persistedQuery":{"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}""")]
    [InlineData("""{"persistedQuery":{"version":"1","sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}""")]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":"abc"}}""")]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":"zz00000000000000000000000000000000000000000000000000000000000000"}}""")]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":12}}""")]
    [InlineData("""{"persistedQuery":{"version":1}}""")]
    [InlineData("""{"persistedQuery":[1]}""")]
    public async Task A_persisted_query_extension_of_the_wrong_shape_is_a_coded_400_that_says_what_to_send(string extensions)
    {
        var response = await _host.PostJsonAsync($$"""{"extensions":{{extensions}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryInvalid, response.FirstErrorCode);
        Assert.Contains("extensions.persistedQuery", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_mutation_runs_by_its_hash_over_post_and_not_over_get()
    {
        const string mutation = "mutation { increment }";
        await _host.PostAsync(new { query = mutation, extensions = PersistedQuery(mutation) });
        var byPost = await _host.PostAsync(new { extensions = PersistedQuery(mutation) });
        var byGet = await _host.GetAsync(new Dictionary<string, string> { ["extensions"] = JsonSerializer.Serialize(PersistedQuery(mutation)) });

        Assert.Equal("""{"data":{"increment":2}}""", byPost.Text);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, byGet.Status);
        Assert.Equal(2, _host.MutationCounter.Count);
    }

    [Fact]
    public async Task The_store_keeps_only_its_configured_number_of_documents_dropping_the_least_recently_used()
    {
        await using var host = await StartAsync(new GraphQLHttpOptions { AutomaticPersistedQueries = { MaxEntries = 2 } });
        string[] queries = ["{ hello }", "{ chinese }", "{ apiKey }"];
        foreach (var query in queries) await host.PostAsync(new { query, extensions = PersistedQuery(query) });

        var oldest = await host.PostAsync(new { extensions = PersistedQuery(queries[0]) });
        var newest = await host.PostAsync(new { extensions = PersistedQuery(queries[2]) });

        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, oldest.FirstErrorCode);
        Assert.Equal(HttpStatusCode.OK, newest.Status);
    }

    [Fact]
    public async Task With_automatic_persisted_queries_off_a_hash_alone_is_not_supported_and_a_query_with_a_hash_just_runs()
    {
        await using var host = await StartAsync(new GraphQLHttpOptions { AutomaticPersistedQueries = { Enabled = false } });

        var hashOnly = await host.PostAsync(new { extensions = PersistedQuery("{ hello }") });
        var withQuery = await host.PostAsync(new { query = "{ hello }", extensions = PersistedQuery("{ hello }") });

        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotSupported, hashOnly.FirstErrorCode);
        Assert.Equal("""{"data":{"hello":"world"}}""", withQuery.Text);
    }
}
