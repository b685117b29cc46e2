using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQLArchive.Tests.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Archive;

/// <summary>The real API over its own SQLite file, seeded at start-up exactly as <c>dotnet run</c> seeds it.</summary>
public sealed class ArchiveApiFactory : WebApplicationFactory<Program>
{
    public ArchiveApiFactory() : this(Path.Combine(Path.GetTempPath(), $"archive-test-{Guid.NewGuid():N}.db")) { }

    internal ArchiveApiFactory(string databaseFile) => DatabaseFile = databaseFile;

    public string DatabaseFile { get; }

    public SqlStatementCounter Sql { get; } = new();

    /// <summary>Extra configuration, e.g. <c>Archive:ApiKey</c> or <c>Archive:Seeds</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Extra services, e.g. an interceptor that injects a fault.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Archive", $"Data Source={DatabaseFile};Pooling=False");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Sql);
            ExtraServices?.Invoke(services);
        });
    }

    public async Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json", string? apiKey = null)
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return await GraphQLHttpResponse.ReadAsync(await client.SendAsync(request));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { DatabaseFile, DatabaseFile + "-wal", DatabaseFile + "-shm", DatabaseFile + ".cursor-key" })
            File.Delete(file);
    }
}


/// <summary>Counts the SQL statements EF Core sends, so tests can hold the one-statement-per-root-field budget.</summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private readonly List<string> _statements = [];

    public IReadOnlyList<string> Statements { get { lock (_statements) return [.. _statements]; } }

    public void Reset() { lock (_statements) _statements.Clear(); }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        lock (_statements) _statements.Add(result.CommandText);
        return result;
    }
}
