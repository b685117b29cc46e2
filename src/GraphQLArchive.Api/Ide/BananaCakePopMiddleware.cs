using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace GraphQLArchive.Api.Ide;

/// <summary>
/// The IDE's own routes: the browser redirect, index.html, bcp-config.json and the fallback page.
/// Static assets are left to the StaticFileMiddleware that follows it.
/// </summary>
internal sealed class BananaCakePopMiddleware(
    RequestDelegate next, PathString path, BananaCakePopOptions options, IFileProvider files)
{
    // index.html loads bundles by relative path and needs eval and inline styles; telemetry is
    // disabled in the config, and connect-src keeps every request on this server anyway.
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    private readonly PathString _indexPath = path.Add("/");
    private readonly PathString _configPath = path.Add("/bcp-config.json");
    private readonly byte[] _config = SerializeConfig(options);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        if (request.Path.Equals(path) && IsBrowserOpeningTheIde(request))
        {
            // index.html uses relative URLs, so the IDE only works below the trailing slash.
            context.Response.Redirect(request.PathBase.Add(_indexPath));
            return Task.CompletedTask;
        }

        if (request.Path.Equals(_indexPath))
        {
            return ServeIndexAsync(context);
        }

        if (request.Path.Equals(_configPath))
        {
            var response = context.Response;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            return response.Body.WriteAsync(_config).AsTask();
        }

        return next(context);
    }

    /// <summary>A GET of the endpoint itself, from a browser, that is not a GraphQL request.</summary>
    private static bool IsBrowserOpeningTheIde(HttpRequest request) =>
        !request.Query.ContainsKey("query")
        && !request.Query.ContainsKey("sdl")
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private async Task ServeIndexAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        AddPageHeaders(response);

        var index = files.GetFileInfo("index.html");
        if (index.Exists && !index.IsDirectory)
        {
            response.ContentLength = index.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await response.SendFileAsync(index, context.RequestAborted);
            }

            return;
        }

        // npm was missing at build time: explain, and keep the API usable. Never a 500.
        var body = System.Text.Encoding.UTF8.GetBytes(FallbackPage(context.Request.PathBase.Add(path)));
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    internal static void AddPageHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
    }

    private static string FallbackPage(PathString endpoint)
    {
        var url = WebUtility.HtmlEncode(endpoint.ToUriComponent());
        return $$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>GraphQL Archive: IDE not installed</title></head>
            <body style="font-family: sans-serif; max-width: 44em; margin: 2em auto; line-height: 1.5">
            <h1>The Banana Cake Pop IDE is not installed</h1>
            <p>This build was made without npm, so the IDE's files were not downloaded.
            To get the IDE, install <a href="https://nodejs.org/">Node.js</a> (it includes npm) and rebuild:</p>
            <pre>dotnet build src/GraphQLArchive.Api</pre>
            <p>The GraphQL API works all the same: send <code>POST {{url}}</code> with a JSON body, for example</p>
            <pre>curl -X POST -H 'Content-Type: application/json' \
              -d '{"query":"{ __typename }"}' http://HOST{{url}}</pre>
            <p>or read the schema at <a href="{{url}}?sdl">{{url}}?sdl</a>.</p>
            </body>
            </html>
            """;
    }

    private static byte[] SerializeConfig(BananaCakePopOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, object>
            {
                // The endpoint is the page's URL without its trailing slash, whatever the host or PathBase.
                ["useBrowserUrlAsEndpoint"] = true,
                ["title"] = options.Title,
                ["graphQLDocument"] = options.Document,
                // Otherwise the IDE calls an outside telemetry host. No gaTrackingId either.
                ["disableTelemetry"] = true,
            },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
