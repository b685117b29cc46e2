using System.Diagnostics;
using System.Globalization;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Model.Generation;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Cli;

/// <summary>
/// <c>generate --articles N --database "Data Source=gen.db" [--seed S]</c>: writes a synthetic archive to measure at size.
/// With <c>Database:Provider=Postgres</c>, <c>--database</c> is a PostgreSQL connection string: the archive is generated into
/// a scratch SQLite file, then copied with <c>COPY</c> (<see cref="PostgresArchiveCopy"/>), so both engines hold the same rows.
/// </summary>
internal static class Generate
{
    private const string Usage = "usage: generate --articles N --database \"Data Source=<file>\" [--seed S]" +
                                 "   (with Database:Provider=Postgres: --database \"Host=…;Database=…;Username=…\")";

    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, string[] args)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var postgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        if (!postgres && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            return Fail($"Database:Provider '{provider}' is not supported: use Sqlite or Postgres.");
        if (Option(args, "--articles") is not { } articlesText || !int.TryParse(articlesText, CultureInfo.InvariantCulture, out var articles) || articles < 1)
            return Fail($"--articles needs a whole number of at least 1.{Environment.NewLine}{Usage}");
        if (Option(args, "--database") is not { Length: > 0 } database)
            return Fail($"--database needs a {(postgres ? "PostgreSQL" : "SQLite")} connection string.{Environment.NewLine}{Usage}");
        var seed = 1;
        if (Option(args, "--seed") is { } seedText && !int.TryParse(seedText, CultureInfo.InvariantCulture, out seed))
            return Fail($"--seed needs a whole number.{Environment.NewLine}{Usage}");

        if (!postgres)
        {
            // A relative file lands where the server would look for the same connection string.
            var connectionString = ArchiveServices.BesideContentRoot(database, environment.ContentRootPath);
            if (!GenerateSqlite(connectionString, articles, seed)) return 2;
            Console.Error.WriteLine($"Serve it with: ConnectionStrings__Archive=\"{connectionString}\" dotnet run --project src/GraphQLArchive.Api");
            return 0;
        }

        var scratch = Path.Combine(Path.GetTempPath(), $"archive-generate-{Guid.NewGuid():N}.db");
        try
        {
            await using var target = new PostgresArchiveDbContext(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql(database).Options);
            await PostgresArchiveCopy.EnsureEmptyAsync(target); // before generating, which takes minutes at size
            if (!GenerateSqlite($"Data Source={scratch};Pooling=False", articles, seed, indexed: false)) return 2; // a source to copy from
            var clock = Stopwatch.StartNew();
            await using var source = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={scratch};Mode=ReadOnly;Pooling=False").Options);
            var indexesFrom = TimeSpan.Zero;
            var rows = await PostgresArchiveCopy.CopyAsync(source, target, new Progress<(string Step, long? Rows)>(p =>
            {
                if (indexesFrom == TimeSpan.Zero && p.Step.StartsWith("CREATE INDEX", StringComparison.Ordinal)) indexesFrom = clock.Elapsed;
                Console.Error.Write($"\r{p.Step,-60} {(p.Rows is { } rows ? $"{rows,12:N0} rows" : ""),-17} {clock.Elapsed.TotalSeconds,7:F1} s");
            }));
            Console.Error.WriteLine();
            Console.Error.WriteLine($"Copied {rows:N0} rows to PostgreSQL in {clock.Elapsed.TotalSeconds:F1} s: the rows and their keys in " +
                                    $"{indexesFrom.TotalSeconds:F1} s, then the indexes in {(clock.Elapsed - indexesFrom).TotalSeconds:F1} s.");
            Console.Error.WriteLine($"Serve it with: Database__Provider=Postgres ConnectionStrings__Archive=\"{database}\" dotnet run --project src/GraphQLArchive.Api");
            return 0;
        }
        catch (DatabaseNotEmptyException e)
        {
            Console.Error.WriteLine();
            return Fail(e.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { scratch, scratch + "-wal", scratch + "-shm" }) File.Delete(file);
        }
    }

    /// <summary>Writes the archive into a SQLite file; false (with the reason printed) when the target is not empty.</summary>
    private static bool GenerateSqlite(string connectionString, int articles, int seed, bool indexed = true)
    {
        using var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connectionString).Options);
        var clock = Stopwatch.StartNew();
        var bar = new ProgressBar(articles, clock);
        try
        {
            var summary = ArchiveGenerator.Generate(db, new GenerationOptions(articles, seed, Path.Combine(AppContext.BaseDirectory, "seeds"), indexed), bar);
            bar.Finish();
            Console.Error.WriteLine($"Wrote {summary.Articles:N0} articles on {summary.Editions:N0} pages ({summary.Paragraphs:N0} paragraphs, {summary.Appearances:N0} appearances, " +
                                    $"{summary.Photos:N0} photos), {summary.Officials:N0} officials with {summary.Positions:N0} positions, {summary.Journalists} journalists, " +
                                    $"{summary.Locations} locations, {summary.Organizations} organizations, {summary.Projects:N0} projects in {clock.Elapsed.TotalSeconds:F1} s.");
            return true;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine();
            Fail(e.Message);
            return false;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    /// <summary>A one-line bar on stderr, redrawn in place.</summary>
    private sealed class ProgressBar(int total, Stopwatch clock) : IProgress<int>
    {
        private const int Width = 40;

        public void Report(int value)
        {
            var filled = (int)((long)value * Width / total);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value,9:N0}/{total:N0} articles  {clock.Elapsed.TotalSeconds,6:F1} s");
        }

        public void Finish() => Console.Error.WriteLine();
    }
}
