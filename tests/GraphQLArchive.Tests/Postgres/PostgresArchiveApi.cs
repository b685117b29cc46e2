using GraphQLArchive.Api.Http;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
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
/// PostgreSQL's own migrations, as users get them; the rows from <see cref="PostgresArchiveCopy"/>, as <c>generate</c>
/// writes them; the start-up seeder does not run.
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
        await CopyIntoAsync(sqliteFile, database);

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Configuration["Database:Provider"] = "Postgres";
        builder.Configuration["ConnectionStrings:Archive"] = connectionString;
        builder.Configuration["Archive:CursorKey"] = "graphql-archive-tests"; // as ArchiveApiFactory: the same cursors on both engines
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

    /// <summary>Every row of the SQLite archive in <paramref name="sqliteFile"/> into the empty PostgreSQL <paramref name="database"/>, through its migrations.</summary>
    public static async Task CopyIntoAsync(string sqliteFile, string database)
    {
        await using var source = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False").Options);
        await using var target = new PostgresArchiveDbContext(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql(PostgresServer.ConnectionString(database)).Options);
        await PostgresArchiveCopy.CopyAsync(source, target);
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

/// <summary>An archive on PostgreSQL beside the SQLite archive it was copied from, both served, so tests can compare the engines.</summary>
public abstract class PostgresArchiveCopyFixture : IAsyncLifetime
{
    public PostgresArchiveApi Api { get; private set; } = null!;

    /// <summary>The SQLite original, served by the real app.</summary>
    public ArchiveApiFactory Sqlite { get; private set; } = null!;

    protected abstract ArchiveApiFactory CreateSqlite();

    public async Task InitializeAsync()
    {
        Sqlite = CreateSqlite();
        _ = Sqlite.Server; // migrate and seed
        Api = await PostgresArchiveApi.StartAsync(Sqlite.DatabaseFile);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Sqlite.DisposeAsync();
    }
}

/// <summary>A seeded archive on PostgreSQL: the seed page, copied from the SQLite archive that start-up seeds.</summary>
public sealed class PostgresSeedArchive : PostgresArchiveCopyFixture
{
    protected override ArchiveApiFactory CreateSqlite() => new();
}

/// <summary>A generated archive of 800 articles (with the seed page) on PostgreSQL, copied from SQLite.</summary>
public sealed class PostgresGeneratedArchive : PostgresArchiveCopyFixture
{
    protected override ArchiveApiFactory CreateSqlite() => new(Generation.GeneratedArchiveFixture.CreateDatabase().File);
}
