using GraphQLArchive.Api.Ide;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the Banana Cake Pop GraphQL IDE next to the GraphQL endpoint.</summary>
public static class BananaCakePopExtensions
{
    /// <summary>
    /// Serves the IDE at <paramref name="path"/> + "/" and redirects browsers that open
    /// <paramref name="path"/> there. Call before the endpoints are mapped; requests meant for
    /// the GraphQL endpoint at <paramref name="path"/> (POST, GET with ?query= or ?sdl) pass through.
    /// </summary>
    public static IApplicationBuilder UseBananaCakePop(this IApplicationBuilder app, string path = "/graphql") =>
        app.UseBananaCakePop(path, new BananaCakePopOptions());

    internal static IApplicationBuilder UseBananaCakePop(
        this IApplicationBuilder app, PathString path, BananaCakePopOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!path.HasValue || path.Value.EndsWith('/'))
        {
            throw new ArgumentException("The path must start with '/' and not end with one, e.g. \"/graphql\".", nameof(path));
        }

        // A missing folder (npm absent at build) must not throw here: the fallback page covers it.
        IFileProvider files = Directory.Exists(options.FilesPath)
            ? new PhysicalFileProvider(options.FilesPath)
            : new NullFileProvider();

        app.UseMiddleware<BananaCakePopMiddleware>(path, options, files);

        // Only requests below "/graphql/" reach the static files, never "/graphql" itself.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(path, out var rest) && rest.HasValue,
            branch => branch.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = path,
                FileProvider = files,
                // Only LICENSE has no known extension; serving it lets users read the IDE's licence.
                ServeUnknownFileTypes = true,
                DefaultContentType = "text/plain; charset=utf-8",
                OnPrepareResponse = static file =>
                {
                    // Bundles under static/ carry a content hash; everything else (service worker,
                    // manifest) must be revalidated so an upgraded IDE is picked up.
                    file.Context.Response.Headers.CacheControl =
                        file.Context.Request.Path.Value!.Contains("/static/", StringComparison.Ordinal)
                            ? "public, max-age=31536000, immutable"
                            : "no-cache";

                    // The service worker precaches index.html from here and serves every later
                    // visit from that copy, so it needs the same policy as /graphql/.
                    if (file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                    {
                        BananaCakePopMiddleware.AddPageHeaders(file.Context.Response);
                    }
                },
            }));

        return app;
    }
}
