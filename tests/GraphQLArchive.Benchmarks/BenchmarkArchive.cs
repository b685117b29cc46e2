using GraphQLArchive.Model.Generation;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GraphQLArchive.Benchmarks;

/// <summary>A generated archive, made once per seed and size and kept in the temp folder for later runs.</summary>
internal static class BenchmarkArchive
{
    public const int DefaultArticles = 100_000;
    public const int Seed = 42;

    /// <summary>
    /// The archive of <paramref name="articles"/> articles, generated on first use (1,000,000 take about 7
    /// minutes and 3 GB) and reused by every later run.
    /// </summary>
    public static string EnsureFile(int articles = DefaultArticles)
    {
        var folder = Path.Combine(Path.GetTempPath(), "graphql-archive-benchmarks");
        // v6: one text index (bigrams), 8 KB pages, indexes built after the load; v5: no Paragraph table (the body is
        // the one copy); v4: exact decimals (text keys); v3: the search index without copies, with bigrams; 60 reports a day.
        // Bump the version whenever the generator or the schema changes.
        var file = Path.Combine(folder, $"archive-v6-seed{Seed}-{articles}.db");
        if (File.Exists(file)) return file;

        Directory.CreateDirectory(folder);
        var partial = file + ".partial";
        foreach (var stale in new[] { partial, partial + "-wal", partial + "-shm" }) File.Delete(stale);
        Console.WriteLine($"// Generating {articles:N0} articles (seed {Seed}) into {file} …");
        var started = System.Diagnostics.Stopwatch.StartNew();
        using (var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={partial};Pooling=False").Options))
            ArchiveGenerator.Generate(db, new GenerationOptions(articles, Seed, Path.Combine(AppContext.BaseDirectory, "seeds")));
        File.Move(partial, file); // only a complete archive is ever reused
        Console.WriteLine($"// Generated in {started.Elapsed.TotalMinutes:F1} min: {new FileInfo(file).Length / 1e9:F2} GB");
        return file;
    }
}

/// <summary>
/// The archive that a mode serves and measures: a generated SQLite file (<c>--articles N</c>), or a PostgreSQL
/// database (<c>--database "Host=…;Database=…;Username=…"</c>, one that <c>generate</c> wrote). The API host gets
/// <see cref="ApiSettings"/>; the hand-written side opens its own read-only connection with <see cref="OpenSql"/>.
/// </summary>
internal sealed record BenchmarkDatabase(string Engine, string Name, IReadOnlyDictionary<string, string> ApiSettings, Func<HandWrittenSql> OpenSql, string? PostgresConnection)
{
    /// <summary><c>--database</c> when given, else the generated file of <c>--articles</c> (or <paramref name="defaultArticles"/>).</summary>
    public static BenchmarkDatabase FromArgs(string[] args, int defaultArticles = BenchmarkArchive.DefaultArticles) =>
        HttpLoad.StringOption(args, "--database") is { } database ? Postgres(database) : Sqlite(HttpLoad.Option(args, "--articles", defaultArticles));

    public static BenchmarkDatabase Sqlite(int articles)
    {
        var file = BenchmarkArchive.EnsureFile(articles);
        return new("SQLite", file, new Dictionary<string, string> { ["ConnectionStrings:Archive"] = $"Data Source={file}" }, () => new SqliteHandWrittenSql(file), null);
    }

    public static BenchmarkDatabase Postgres(string connectionString) =>
        new("PostgreSQL", new NpgsqlConnectionStringBuilder(connectionString).Database ?? connectionString, new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Archive"] = connectionString,
            // Set, so that no key file is written into the content root (the API's project folder).
            ["Archive:CursorKey"] = "operation-benchmark",
        }, () => new PostgresHandWrittenSql(connectionString), connectionString);

    /// <summary>
    /// Throws when the API's start-up would migrate this PostgreSQL database: a benchmark measures a database, it
    /// does not change its schema (migrate it on purpose, by starting the API on it once).
    /// </summary>
    public void RefusePendingMigrations()
    {
        if (PostgresConnection is null) return;
        using var db = new PostgresArchiveDbContext(new DbContextOptionsBuilder<PostgresArchiveDbContext>()
            .UseNpgsql(PostgresHandWrittenSql.ReadOnly(PostgresConnection)).Options);
        var pending = db.Database.GetPendingMigrations().ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException($"{Name} lacks this code's migrations {string.Join(", ", pending)}; the API would apply them at start-up. Migrate it on purpose first.");
    }

    /// <summary>
    /// Rows inserted, updated or deleted in this PostgreSQL database's tables since its statistics were last reset (0
    /// for SQLite). The server counts a connection's writes when it ends: clear the pools before reading this after a run.
    /// </summary>
    public async Task<long> RowsWritten()
    {
        if (PostgresConnection is null) return 0;
        await using var connection = new NpgsqlConnection(PostgresHandWrittenSql.ReadOnly(PostgresConnection));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint FROM pg_stat_user_tables", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>After a run: says whether any row of the PostgreSQL database changed since <paramref name="before"/> (<see cref="RowsWritten"/>).</summary>
    public async Task<long> ReportRowsWritten(long before)
    {
        if (PostgresConnection is null) return 0;
        // Closing the pooled connections ends their server processes, which flushes their statistics.
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var written = await RowsWritten() - before;
        Console.WriteLine(written == 0
            ? "// no row of the database was inserted, updated or deleted during the run (pg_stat_user_tables)"
            : $"// {written} rows of the database were inserted, updated or deleted during the run (pg_stat_user_tables; the API's start-up adds the seed page to a database that lacks it)");
        return written;
    }
}
