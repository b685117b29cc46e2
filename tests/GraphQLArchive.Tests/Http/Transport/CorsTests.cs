using System.Net;
using GraphQLArchive.Api.Http;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>Preflights as browsers send them for Apollo, urql, W3C tracing and Authorization, from configured origins.</summary>
public sealed class CorsTests
{
    private const string FrontEnd = "https://front-end.example";

    private static HttpRequestMessage Preflight(string origin, string headers, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }


    [Theory]
    [InlineData("content-type")]
    [InlineData("content-type,apollo-require-preflight,apollographql-client-name,apollographql-client-version")]
    [InlineData("content-type,traceparent,tracestate")]
    [InlineData("authorization,content-type,x-api-key")]
    [InlineData("accept,content-type")]
    public async Task A_preflight_with_the_headers_clients_send_is_allowed_and_cached_by_the_browser(string headers)
    {
        await using var host = await TransportHost.StartAsync();

        var response = await host.SendAsync(Preflight(FrontEnd, headers), accept: null);

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        var allowed = response.Header("Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        foreach (var header in headers.Split(','))
            Assert.Contains(header, allowed, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("600", response.Header("Access-Control-Max-Age"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    public async Task The_methods_of_the_endpoint_are_allowed(string method)
    {
        await using var host = await TransportHost.StartAsync();

        var response = await host.SendAsync(Preflight(FrontEnd, "content-type", method), accept: null);

        Assert.Contains(method, response.Header("Access-Control-Allow-Methods")!);
    }

    [Fact]
    public async Task A_header_no_client_sends_is_not_allowed()
    {
        await using var host = await TransportHost.StartAsync();

        var response = await host.SendAsync(Preflight(FrontEnd, "x-something-else"), accept: null);

        // The browser sends the request only when every header it asked for is listed.
        var allowed = response.Header("Access-Control-Allow-Headers")?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        Assert.DoesNotContain("x-something-else", allowed, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Configured_origins_are_allowed_and_others_are_not()
    {
        await using var host = await TransportHost.StartAsync(new GraphQLHttpOptions { Cors = { AllowedOrigins = [FrontEnd + "/", "https://other.example"], MaxAgeSeconds = 3600 } });

        var allowed = await host.SendAsync(Preflight(FrontEnd, "content-type,apollo-require-preflight"), accept: null);
        var refused = await host.SendAsync(Preflight("https://elsewhere.example", "content-type"), accept: null);
        var post = await host.SendAsync(new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Origin", FrontEnd } },
        });

        Assert.Equal(FrontEnd, allowed.Header("Access-Control-Allow-Origin"));
        Assert.Equal("3600", allowed.Header("Access-Control-Max-Age"));
        Assert.Null(refused.Header("Access-Control-Allow-Origin"));
        Assert.Equal(FrontEnd, post.Header("Access-Control-Allow-Origin"));
        Assert.Equal("Origin", post.Header("Vary"));
    }
}
