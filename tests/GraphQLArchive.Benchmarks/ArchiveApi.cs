using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// The real API host over an archive file: in-process on a TestServer, or on Kestrel at a loopback port
/// (real sockets) when <paramref name="kestrelPort"/> is given. It migrates and seeds at start-up, as the API does.
/// </summary>
internal sealed class ArchiveApi : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public ArchiveApi(string file, int? kestrelPort = null)
        : this(new Dictionary<string, string> { ["ConnectionStrings:Archive"] = $"Data Source={file}" }, kestrelPort)
    {
    }

    /// <summary>The host with these configuration keys, e.g. <c>Database:Provider</c> and <c>ConnectionStrings:Archive</c>.</summary>
    public ArchiveApi(IReadOnlyDictionary<string, string> settings, int? kestrelPort = null)
    {
        // WebApplicationFactory finds the API's content root through MvcTestingAppManifest.json, looked up
        // from the current directory; `dotnet run --project` leaves that at the repository root.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (kestrelPort is { } port) builder.UseSetting(WebHostDefaults.ServerUrlsKey, $"http://127.0.0.1:{port}");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Error)
                .AddProvider(Compilations).AddFilter<QueryCompilations>(QueryCompilations.Category, LogLevel.Debug));
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Statements));
        });
        if (kestrelPort is { } port)
        {
            _factory.UseKestrel();
            _factory.StartServer();
            Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        }
        else
        {
            Client = _factory.CreateClient();
        }
    }

    public StatementLog Statements { get; } = new();

    public QueryCompilations Compilations { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The <c>data</c> of the response; throws on any GraphQL error.</summary>
    public async Task<JsonNode> Post(string query, object? variables = null)
    {
        using var response = await Client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is { } errors) throw new InvalidOperationException($"GraphQL errors: {errors.ToJsonString()}");
        return body["data"]!;
    }

    /// <summary>The response body as bytes, unparsed: what a client pays for before it looks at the data.</summary>
    public async Task<int> PostRaw(string query, object? variables = null)
    {
        using var response = await Client.PostAsJsonAsync("/graphql", new { query, variables });
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }
}
