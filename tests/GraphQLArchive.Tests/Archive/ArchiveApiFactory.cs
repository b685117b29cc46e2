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

/// <summary>The archive's API as a test talks to it: GraphQL over HTTP, and the SQL statements it sent.</summary>
public interface IGraphQLArchive
{
    Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json", string? apiKey = null);

    SqlStatementCounter Sql { get; }

    /// <summary>Whether the database sorts NULL before every value ascending (SQLite) or after (PostgreSQL).</summary>
    bool NullsSortFirst { get; }
}

/// <summary>
/// The real API, seeded at start-up exactly as <c>dotnet run</c> seeds it: over its own SQLite file, or, in the
/// PostgreSQL run (<see cref="TestEngine"/>), over its own new PostgreSQL database, migrated by PostgreSQL's migrations.
/// </summary>
public sealed class ArchiveApiFactory : WebApplicationFactory<Program>, IGraphQLArchive
{
    private string? _postgresDatabase;

    public ArchiveApiFactory() : this(Path.Combine(Path.GetTempPath(), $"archive-test-{Guid.NewGuid():N}.db")) { }

    /// <summary>
    /// Over <paramref name="databaseFile"/>, which may already hold an archive (a generated one, say). In the PostgreSQL
    /// run its rows are copied into the new database first, as <c>generate</c> copies them.
    /// </summary>
    internal ArchiveApiFactory(string databaseFile) => DatabaseFile = databaseFile;

    /// <summary>The SQLite file; in the PostgreSQL run, the source of the rows copied into PostgreSQL, if it exists.</summary>
    public string DatabaseFile { get; }

    public SqlStatementCounter Sql { get; } = new();

    public bool NullsSortFirst => !ServesPostgres;

    /// <summary>Whether this instance serves PostgreSQL: in the PostgreSQL run, or when a test configures it so.</summary>
    private bool ServesPostgres => Settings.TryGetValue("Database:Provider", out var provider)
        ? provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        : TestEngine.IsPostgres;

    /// <summary>Extra configuration, e.g. <c>Archive:ApiKey</c> or <c>Archive:Seeds</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Extra services, e.g. an interceptor that injects a fault.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (TestEngine.IsPostgres && !Settings.ContainsKey("ConnectionStrings:Archive"))
        {
            _postgresDatabase = Postgres.PostgresServer.CreateDatabase();
            if (File.Exists(DatabaseFile)) Postgres.PostgresArchiveApi.CopyIntoAsync(DatabaseFile, _postgresDatabase).GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Archive", Postgres.PostgresServer.ConnectionString(_postgresDatabase));
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Archive", $"Data Source={DatabaseFile};Pooling=False");
        }
        // A fixed cursor key keeps the cursors in snapshots stable; a test may set its own, or "" for a generated one.
        builder.UseSetting("Archive:CursorKey", "graphql-archive-tests");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Sql);
            ExtraServices?.Invoke(services);
        });
    }

    public Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json", string? apiKey = null) =>
        PostAsync(CreateClient(), query, variables, accept, apiKey);

    /// <summary>A GraphQL request as POST /graphql with a JSON body, the way clients send one.</summary>
    internal static async Task<GraphQLHttpResponse> PostAsync(HttpClient client, string query, object? variables, string accept, string? apiKey)
    {
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
        if (_postgresDatabase is not null) Postgres.PostgresServer.DropDatabase(_postgresDatabase);
        foreach (var file in new[] { DatabaseFile, DatabaseFile + "-wal", DatabaseFile + "-shm", DatabaseFile + ".cursor-key" })
            File.Delete(file);
    }
}


/// <summary>Records the SQL statements EF Core sends, with their parameters, so tests can hold the statement budget and check plans.</summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private readonly List<RecordedStatement> _statements = [];

    public IReadOnlyList<string> Statements { get { lock (_statements) return [.. _statements.Select(s => s.Sql)]; } }

    public IReadOnlyList<RecordedStatement> Recorded { get { lock (_statements) return [.. _statements]; } }

    public void Reset() { lock (_statements) _statements.Clear(); }

    // Parameters are bound after the command is initialized, so the statement is recorded when it runs.
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (_statements) _statements.Add(new RecordedStatement(command.CommandText, parameters));
    }
}

/// <summary>A statement as it was sent: its SQL and its parameters' values.</summary>
public sealed record RecordedStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
