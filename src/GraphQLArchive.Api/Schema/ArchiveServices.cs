using GraphQL;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using GraphQLArchive.Api.Http;
using GraphQLArchive.Api.Operations;
using GraphQLArchive.Api.Subscriptions;
using GraphQLArchive.Model.Ingestion;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Seeding;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using GraphQLArchive.Model.Storage.Sqlite;
using GraphQLArchive.Querying;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Introspection;
using GraphQLArchive.Querying.Limits;
using GraphQLParser.AST;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GraphQLArchive.Api.Schema;

internal static class ArchiveServices
{
    /// <summary>The database, the schema and the transport, configured by the names in DESIGN.md.</summary>
    public static IServiceCollection AddArchive(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Archive") ?? "Data Source=archive.db";
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var postgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        if (!postgres && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or Postgres.");
        void Configure(IServiceProvider serviceProvider, DbContextOptionsBuilder options)
        {
            // Interceptors registered in DI (the tests count SQL statements with one) join the context.
            options.AddInterceptors(serviceProvider.GetServices<IInterceptor>());
            // A request's root fields take turns on its context (CoordinatedSerialExecutionStrategy), so EF Core's check
            // for concurrent use, which costs every statement an async-local write, guards nothing.
            options.EnableThreadSafetyChecks(false);
            if (postgres) options.UseNpgsql(connectionString);
            else options.UseSqlite(BesideContentRoot(connectionString, environment.ContentRootPath)).AddInterceptors(SqliteInterruptInterceptor.Instance);
        }
        // Pooled: a request takes a ready context instead of building its options and services (a tenth of a small request).
        // PostgreSQL's model and migrations are its own context type, served as ArchiveDbContext.
        if (postgres) services.AddDbContextPool<ArchiveDbContext, PostgresArchiveDbContext>(Configure);
        else services.AddDbContextPool<ArchiveDbContext>(Configure);

        var cursorKeyFile = CursorKeyFile(connectionString, provider, environment.ContentRootPath);
        services.AddSingleton(_ => CursorSigningKey.Load(configuration["Archive:CursorKey"], cursorKeyFile));
        services.AddScoped<ArchiveSeeder>();
        services.AddScoped<PageIngestor>();
        services.AddScoped<OfficialMerger>();
        services.AddQueryingConventions();
        services.AddSingleton(new QueryingOptions { NullsSortFirst = !postgres, LateralJoins = postgres });
        services.AddSingleton<GraphQLArchive.Querying.Filtering.IFilterRewriter, Search.SearchIndexContainsRewriter>(); // contains reads the search index
        // Archive:Limits: the defaults (HC's floor) suit the archive: depth 12 reaches articles → officials →
        // positions → organization → parent, and fifty articles with their officials and locations cost about 25,000.
        var limits = configuration.GetSection("Archive:Limits").Get<RequestLimits>() ?? new RequestLimits();
        services.AddGraphQLHttp(GraphQLHttpOptions.From(configuration), environment.ContentRootPath);
        services.AddGraphQL(graphql => graphql
            .AddSchema<ArchiveSchema>()
            .AddGraphTypes(typeof(ArchiveSchema).Assembly)
            .AddUnescapedUnicodeSystemTextJson()
            .AddErrorInfoProvider<FlatExtensionsErrorInfoProvider>()
            .AddOperationTelemetry()
            .SignCursors()
            .AddRequestLimits(limits)
            .AddInternalServerErrors()
            // Root fields share the request's DbContext, which allows one query at a time.
            .AddExecutionStrategy<CoordinatedSerialExecutionStrategy>(OperationType.Query)
            .AddExecutionStrategy<CoordinatedSerialExecutionStrategy>(OperationType.Mutation)
            // Each event runs in a scope of its own: a fresh DbContext, not the connection's.
            .AddExecutionStrategy<ScopedSubscriptionExecutionStrategy>(OperationType.Subscription));
        if (postgres)
        {
            // Every node listens on the database, so an event reaches the subscribers of all of them.
            services.AddSingleton<INotificationChannel>(sp => new PostgresNotificationChannel(connectionString, "archive_events",
                sp.GetRequiredService<ILogger<PostgresNotificationChannel>>()));
            services.AddSingleton<ChannelArchiveEvents>();
            services.AddSingleton<IArchiveEvents>(sp => sp.GetRequiredService<ChannelArchiveEvents>());
            services.AddHostedService(sp => sp.GetRequiredService<ChannelArchiveEvents>());
        }
        else services.AddSingleton<IArchiveEvents, InProcessArchiveEvents>();
        services.AddArchiveHealthChecks();
        services.AddArchiveTelemetry(configuration);
        return services;
    }

    /// <summary>Where the seed pages and registry are: <c>Archive:Seeds</c>, by default the seeds/ copied beside the app.</summary>
    public static string SeedsDirectory(IConfiguration configuration) =>
        configuration["Archive:Seeds"] is { Length: > 0 } seeds ? Path.GetFullPath(seeds) : Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Beside the SQLite file (<c>archive.db.cursor-key</c>); for another database, in the content root.</summary>
    internal static string CursorKeyFile(string connectionString, string provider, string contentRoot)
    {
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var dataSource = new SqliteConnectionStringBuilder(BesideContentRoot(connectionString, contentRoot)).DataSource;
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && Path.IsPathRooted(dataSource)) return dataSource + ".cursor-key";
        }
        return Path.Combine(contentRoot, "cursor-key");
    }

    /// <summary>A relative SQLite file is placed beside the app's content root, not the shell's directory.</summary>
    internal static string BesideContentRoot(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource)
            && builder.Mode != SqliteOpenMode.Memory)
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        return builder.ToString();
    }
}
