using GraphQL;
using GraphQL.DI;
using GraphQLArchive.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphQLArchive.Tests.Http;

/// <summary>Hosts <see cref="TestSchema"/> behind MapGraphQLHttp, registered exactly as Program.cs should.</summary>
public sealed class TestGraphQLHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGraphQLHost(WebApplication app, Uri graphQLUrl)
    {
        _app = app;
        GraphQLUrl = graphQLUrl;
    }

    public Uri GraphQLUrl { get; }

    public MutationCounter MutationCounter => _app.Services.GetRequiredService<MutationCounter>();

    /// <summary>An in-memory server (TestServer), fast and without sockets.</summary>
    public static Task<TestGraphQLHost> StartInMemoryAsync(Action<IGraphQLBuilder>? configureGraphQL = null, GraphQLHttpOptions? http = null) =>
        StartAsync(useKestrel: false, configureGraphQL, http);

    /// <summary>A real Kestrel server on a free port of 127.0.0.1, for out-of-process clients.</summary>
    public static Task<TestGraphQLHost> StartOnKestrelAsync() => StartAsync(useKestrel: true, configureGraphQL: null, http: null);

    public HttpClient CreateClient() =>
        _app.Services.GetService<IServer>() is TestServer server
            ? new HttpClient(server.CreateHandler()) { BaseAddress = GraphQLUrl }
            : new HttpClient { BaseAddress = GraphQLUrl };

    private static async Task<TestGraphQLHost> StartAsync(bool useKestrel, Action<IGraphQLBuilder>? configureGraphQL, GraphQLHttpOptions? http)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        if (useKestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddSingleton<MutationCounter>();
        builder.Services.AddGraphQL(graphql =>
        {
            graphql.AddSchema<TestSchema>().AddUnescapedUnicodeSystemTextJson();
            configureGraphQL?.Invoke(graphql);
        });
        builder.Services.AddGraphQLHttp(http);

        var app = builder.Build();
        app.UseCors();
        app.MapGraphQLHttp();
        await app.StartAsync();

        var address = useKestrel
            ? app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()
            : "http://localhost";
        return new TestGraphQLHost(app, new Uri(address.TrimEnd('/') + "/graphql"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
