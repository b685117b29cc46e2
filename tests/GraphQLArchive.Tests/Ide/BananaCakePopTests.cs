using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQLArchive.Api.Ide;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace GraphQLArchive.Tests.Ide;

/// <summary>
/// The IDE middleware in front of a stand-in GraphQL endpoint at /graphql. The IDE files are a
/// small fake folder, so these tests do not depend on npm having run.
/// </summary>
public sealed class BananaCakePopTests : IAsyncLifetime
{
    private const string DummyAnswer = "dummy graphql endpoint";
    private readonly string _ideFolder = Directory.CreateTempSubdirectory("bcp-test-").FullName;
    private readonly string _emptyFolder = Directory.CreateTempSubdirectory("bcp-empty-").FullName;
    private WebApplication _app = null!;
    private WebApplication _appWithoutIde = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_ideFolder, "index.html"), "<!doctype html><title>Banana Cake Pop</title>");
        File.WriteAllText(Path.Combine(_ideFolder, "LICENSE"), "ChilliCream License 1.0");
        Directory.CreateDirectory(Path.Combine(_ideFolder, "static", "js"));
        File.WriteAllText(Path.Combine(_ideFolder, "static", "js", "main.js"), "console.log('bcp');");

        _app = await StartAsync(_ideFolder);
        _appWithoutIde = await StartAsync(_emptyFolder);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _appWithoutIde.DisposeAsync();
        Directory.Delete(_ideFolder, recursive: true);
        Directory.Delete(_emptyFolder, recursive: true);
    }

    private static async Task<WebApplication> StartAsync(string ideFolder)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        app.UseBananaCakePop("/graphql", new BananaCakePopOptions { FilesPath = ideFolder });
        app.MapMethods("/graphql", ["GET", "POST"], (HttpRequest request) =>
            Results.Text($"{DummyAnswer} {request.Method} {request.QueryString}"));
        await app.StartAsync();
        return app;
    }

    private static HttpRequestMessage Get(string url, string accept = "text/html,application/xhtml+xml,*/*;q=0.8")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static HttpClient Client(WebApplication app) => app.GetTestClient();

    [Fact]
    public async Task Browser_opening_the_endpoint_is_redirected_to_the_trailing_slash()
    {
        var response = await Client(_app).SendAsync(Get("/graphql"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Index_html_is_served_at_the_trailing_slash()
    {
        var response = await Client(_app).SendAsync(Get("/graphql/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", await response.Content.ReadAsStringAsync());
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-eval'", csp);
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
    }

    [Fact]
    public async Task Config_disables_telemetry_and_uses_the_browser_url_as_endpoint()
    {
        var response = await Client(_app).SendAsync(Get("/graphql/bcp-config.json", "*/*"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var config = JsonDocument.Parse(text).RootElement;
        Assert.True(config.GetProperty("disableTelemetry").GetBoolean());
        Assert.True(config.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.Equal("GraphQL Archive", config.GetProperty("title").GetString());
        Assert.Contains("articles(order: [{ eventDate: ASC }])", config.GetProperty("graphQLDocument").GetString());
        Assert.False(config.TryGetProperty("gaTrackingId", out _));
        // Chinese stays readable UTF-8 rather than \uXXXX escapes.
        Assert.Contains("报道", text);
    }

    [Theory]
    [InlineData("/graphql/static/js/main.js", "text/javascript", "console.log('bcp');")]
    [InlineData("/graphql/LICENSE", "text/plain", "ChilliCream License 1.0")]
    public async Task Static_files_are_served_below_the_endpoint(string url, string mediaType, string content)
    {
        var response = await Client(_app).SendAsync(Get(url, "*/*"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Index_html_as_precached_by_the_service_worker_has_the_same_policy()
    {
        var response = await Client(_app).SendAsync(Get("/graphql/index.html?__WB_REVISION__=1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self' 'unsafe-eval'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("/graphql?query=%7B__typename%7D", "text/html")]
    [InlineData("/graphql?query=%7B__typename%7D", "application/graphql-response+json")]
    [InlineData("/graphql?sdl", "text/html")]
    [InlineData("/graphql", "application/json")]
    public async Task Graphql_gets_reach_the_endpoint(string url, string accept)
    {
        var response = await Client(_app).SendAsync(Get(url, accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"{DummyAnswer} GET", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Graphql_post_reaches_the_endpoint()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await Client(_app).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{DummyAnswer} POST ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_ide_files_a_help_page_is_served_instead()
    {
        var response = await Client(_appWithoutIde).SendAsync(Get("/graphql/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("npm", html);
        Assert.Contains("POST /graphql", html);
    }

    [Fact]
    public async Task Without_ide_files_the_redirect_and_the_endpoint_still_work()
    {
        var client = Client(_appWithoutIde);

        var redirect = await client.SendAsync(Get("/graphql"));
        var query = await client.SendAsync(Get("/graphql?query=%7B__typename%7D"));
        var asset = await client.SendAsync(Get("/graphql/static/js/main.js", "*/*"));

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith(DummyAnswer, await query.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }

    [Fact]
    public void Build_output_holds_the_ide_and_its_licence_when_npm_was_available()
    {
        // Ide.targets copies the npm package next to the Api, which flows into this test's output.
        // Without npm the build only warns (BCP001), so there is nothing to check then.
        if (!Directory.Exists(BananaCakePopOptions.DefaultFilesPath))
        {
            return;
        }

        Assert.True(File.Exists(Path.Combine(BananaCakePopOptions.DefaultFilesPath, "index.html")));
        Assert.True(File.Exists(Path.Combine(BananaCakePopOptions.DefaultFilesPath, "LICENSE")));
        Assert.False(File.Exists(Path.Combine(BananaCakePopOptions.DefaultFilesPath, "package.json")));
    }
}
