using System.Diagnostics;
using System.Globalization;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Model.Generation;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Cli;

/// <summary><c>generate --articles N --database "Data Source=gen.db" [--seed S]</c>: writes a synthetic archive to measure at size.</summary>
internal static class Generate
{
    private const string Usage = "usage: generate --articles N --database \"Data Source=<file>\" [--seed S]";

    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            return Fail($"generate writes SQLite only; Database:Provider is '{provider}', which it does not support yet.");
        if (Option(args, "--articles") is not { } articlesText || !int.TryParse(articlesText, CultureInfo.InvariantCulture, out var articles) || articles < 1)
            return Fail($"--articles needs a whole number of at least 1.{Environment.NewLine}{Usage}");
        if (Option(args, "--database") is not { Length: > 0 } database)
            return Fail($"--database needs a SQLite connection string.{Environment.NewLine}{Usage}");
        var seed = 1;
        if (Option(args, "--seed") is { } seedText && !int.TryParse(seedText, CultureInfo.InvariantCulture, out seed))
            return Fail($"--seed needs a whole number.{Environment.NewLine}{Usage}");

        // A relative file lands where the server would look for the same connection string.
        var connectionString = ArchiveServices.BesideContentRoot(database, environment.ContentRootPath);
        using var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite(connectionString).Options);
        var clock = Stopwatch.StartNew();
        var bar = new ProgressBar(articles, clock);
        try
        {
            var summary = ArchiveGenerator.Generate(db, new GenerationOptions(articles, seed, Path.Combine(AppContext.BaseDirectory, "seeds")), bar);
            bar.Finish();
            Console.Error.WriteLine($"Wrote {summary.Articles:N0} articles on {summary.Editions:N0} pages ({summary.Paragraphs:N0} paragraphs, {summary.Appearances:N0} appearances, " +
                                    $"{summary.Photos:N0} photos), {summary.Officials:N0} officials with {summary.Positions:N0} positions, {summary.Journalists} journalists, " +
                                    $"{summary.Locations} locations, {summary.Organizations} organizations, {summary.Projects:N0} projects in {clock.Elapsed.TotalSeconds:F1} s.");
            Console.Error.WriteLine($"Serve it with: ConnectionStrings__Archive=\"{connectionString}\" dotnet run --project src/GraphQLArchive.Api");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine();
            return Fail(e.Message);
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
