using GraphQLArchive.Api.Http;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// The archive's GraphQL schema and transport over PostgreSQL, holding a copy of a SQLite archive. The tables come from
/// the model (the migrations are SQLite's until PostgreSQL gets its own), and the start-up seeder does not run.
/// </summary>
public sealed class PostgresArchiveApi : IGraphQLArchive, IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private PostgresArchiveApi(WebApplication app, string database)
    {
        _app = app;
        Database = database;
        _client = new HttpClient(app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost") };
    }

    public string Database { get; }

    public string ConnectionString => PostgresServer.ConnectionString(Database);

    public SqlStatementCounter Sql { get; } = new();

    public bool NullsSortFirst => false;

    /// <summary>A new database holding every row of the SQLite archive in <paramref name="sqliteFile"/>, and the API over it.</summary>
    public static async Task<PostgresArchiveApi> StartAsync(string sqliteFile)
    {
        var database = PostgresServer.CreateDatabase();
        var connectionString = PostgresServer.ConnectionString(database);
        await using (var source = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False").Options))
        await using (var target = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseNpgsql(connectionString).Options))
            await ArchiveCopy.CopyAsync(source, target);

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Configuration["Database:Provider"] = "Postgres";
        builder.Configuration["ConnectionStrings:Archive"] = connectionString;
        builder.Services.AddArchive(builder.Configuration, builder.Environment);
        var api = default(PostgresArchiveApi);
        builder.Services.AddSingleton<IInterceptor>(_ => api!.Sql);
        var app = builder.Build();
        app.UseCors();
        app.MapGraphQLHttp("/graphql");
        await app.StartAsync();
        api = new PostgresArchiveApi(app, database);
        return api;
    }

    public Task<GraphQLHttpResponse> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json", string? apiKey = null) =>
        ArchiveApiFactory.PostAsync(_client, query, variables, accept, apiKey);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        PostgresServer.DropDatabase(Database);
    }
}

/// <summary>Every row of one archive into another, empty one whose tables this creates from the model.</summary>
internal static class ArchiveCopy
{
    public static async Task CopyAsync(ArchiveDbContext source, ArchiveDbContext target)
    {
        await target.Database.EnsureCreatedAsync();
        foreach (var entityType in source.Model.GetEntityTypes())
        {
            if (entityType.HasSharedClrType)
                target.Set<Dictionary<string, object>>(entityType.Name).AddRange(await source.Set<Dictionary<string, object>>(entityType.Name).AsNoTracking().ToListAsync());
            else
                await (Task)CopyRowsMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [source, target])!;
        }
        await target.SaveChangesAsync(); // EF Core orders the inserts by their foreign keys
        target.ChangeTracker.Clear();
    }

    private static readonly System.Reflection.MethodInfo CopyRowsMethod =
        typeof(ArchiveCopy).GetMethod(nameof(CopyRowsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static async Task CopyRowsAsync<T>(ArchiveDbContext source, ArchiveDbContext target) where T : class =>
        target.Set<T>().AddRange(await source.Set<T>().AsNoTracking().ToListAsync());
}

/// <summary>A seeded archive on PostgreSQL: the seed page, copied from the SQLite archive that start-up seeds.</summary>
public sealed class PostgresSeedArchive : IAsyncLifetime
{
    public PostgresArchiveApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var sqlite = new ArchiveApiFactory();
        _ = sqlite.Server; // migrate and seed
        Api = await PostgresArchiveApi.StartAsync(sqlite.DatabaseFile);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>A generated archive of 800 articles (with the seed page) on PostgreSQL, copied from SQLite.</summary>
public sealed class PostgresGeneratedArchive : IAsyncLifetime
{
    public PostgresArchiveApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var sqlite = new ArchiveApiFactory(Generation.GeneratedArchiveFixture.CreateDatabase().File);
        _ = sqlite.Server;
        Api = await PostgresArchiveApi.StartAsync(sqlite.DatabaseFile);
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
