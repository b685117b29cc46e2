using System.Net;
using GraphQLArchive.Api.Http;
using static GraphQLArchive.Tests.Http.Transport.TransportHost;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>What caches see of GET: Cache-Control and an ETag on successful queries only, 304 on a match, Vary: Accept, and HEAD.</summary>
public sealed class GetCachingTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Hello = new() { ["query"] = "{ hello }" };

    private TransportHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();


    private Task<GraphQLHttpResponse> GetIfNoneMatchAsync(string ifNoneMatch, string accept = GraphQLResponseJson) =>
        _host.GetAsync(Hello, accept, headers: request => request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch));

    [Fact]
    public async Task A_successful_query_over_get_has_cache_control_an_etag_and_vary_accept()
    {
        var response = await _host.GetAsync(Hello);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(new GetCachingOptions().CacheControl, response.Header("Cache-Control"));
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.Header("ETag"));
        Assert.Equal("Accept", response.Header("Vary"));
    }

    [Fact]
    public async Task A_conditional_get_naming_the_etag_is_304_without_a_body()
    {
        var etag = (await _host.GetAsync(Hello)).Header("ETag")!;

        foreach (var ifNoneMatch in new[] { etag, "W/" + etag, $"\"other\", {etag}", "*" })
        {
            var response = await GetIfNoneMatchAsync(ifNoneMatch);

            Assert.Equal(HttpStatusCode.NotModified, response.Status);
            Assert.Equal("", response.Text);
            Assert.Equal(etag, response.Header("ETag"));
            Assert.Equal("Accept", response.Header("Vary"));
        }
    }

    [Theory]
    [InlineData("\"something-else\"")]
    [InlineData("not-quoted")]
    [InlineData("\"unterminated")]
    [InlineData("W/")]
    [InlineData(",,,")]
    public async Task A_conditional_get_naming_another_or_a_malformed_etag_gets_the_full_answer(string ifNoneMatch)
    {
        var response = await GetIfNoneMatchAsync(ifNoneMatch);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"hello":"world"}}""", response.Text);
    }

    [Fact]
    public async Task Each_media_type_has_its_own_etag()
    {
        var json = await _host.GetAsync(Hello, accept: "application/json");
        var graphQLResponse = await _host.GetAsync(Hello);
        var crossed = await GetIfNoneMatchAsync(json.Header("ETag")!);

        Assert.NotEqual(json.Header("ETag"), graphQLResponse.Header("ETag"));
        Assert.Equal(HttpStatusCode.OK, crossed.Status);
    }

    [Fact]
    public async Task Errors_mutations_and_posts_carry_neither_cache_control_nor_an_etag()
    {
        var responses = new[]
        {
            await _host.GetAsync(new Dictionary<string, string> { ["query"] = "{ nope }" }),
            await _host.GetAsync(new Dictionary<string, string> { ["query"] = "{ hello boom }" }),
            await _host.GetAsync(new Dictionary<string, string> { ["query"] = "mutation { increment }" }),
            await _host.GetAsync(new Dictionary<string, string>()),
            await _host.PostAsync(new { query = "{ hello }" }),
            await _host.PostAsync(new { query = "mutation { increment }" }),
        };

        foreach (var response in responses)
        {
            Assert.Null(response.Header("Cache-Control"));
            Assert.Null(response.Header("ETag"));
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.MethodNotAllowed, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK],
            responses.Select(r => r.Status));
    }

    [Fact]
    public async Task Head_answers_the_headers_of_the_get_without_the_body()
    {
        var get = await _host.GetAsync(Hello);
        var head = await _host.GetAsync(Hello, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Equal("", head.Text);
        Assert.Equal(get.ContentType, head.ContentType);
        Assert.Equal(get.Header("ETag"), head.Header("ETag"));
        Assert.Equal(get.Text.Length, head.Message.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Head_refuses_a_mutation_as_get_does()
    {
        var head = await _host.GetAsync(new Dictionary<string, string> { ["query"] = "mutation { increment }" }, method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.Status);
        Assert.Equal(0, _host.MutationCounter.Count);
    }

    [Theory]
    [InlineData("public, max-age=60", "public, max-age=60")]
    [InlineData("", null)]
    public async Task Cache_control_comes_from_configuration(string configured, string? expected)
    {
        await using var host = await StartAsync(new GraphQLHttpOptions { Caching = { CacheControl = configured } });

        var response = await host.GetAsync(Hello);

        Assert.Equal(expected, response.Header("Cache-Control"));
        Assert.NotNull(response.Header("ETag"));
    }
}
