using System.Globalization;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Api.Subscriptions;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Ingestion;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Cli;

/// <summary>
/// <c>ingest &lt;files or folder&gt; --edition-date 2021-07-31 [--newspaper …] [--page N]</c>: migrates, then stores
/// each page in its own transaction, with a progress bar and a summary of what was created, linked and skipped.
/// </summary>
internal static class Ingest
{
    public const string Usage = "usage: ingest <files or folder> --edition-date YYYY-MM-DD [--newspaper NAME] [--page N]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var paths = new List<string>();
        string? date = null, newspaper = null, page = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--edition-date" when i + 1 < args.Length: date = args[++i]; break;
                case "--newspaper" when i + 1 < args.Length: newspaper = args[++i]; break;
                case "--page" when i + 1 < args.Length: page = args[++i]; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    output.WriteLine($"Unknown or incomplete option {option}. {Usage}");
                    return 2;
                default: paths.Add(CommandPaths.Resolve(args[i])); break;
            }
        }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var editionDate))
        {
            output.WriteLine(date is null ? $"--edition-date is required. {Usage}" : $"--edition-date {date} is not a date: write it as YYYY-MM-DD, e.g. 2021-07-31.");
            return 2;
        }
        int? pageNumber = null;
        if (page is not null)
        {
            if (!int.TryParse(page, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                output.WriteLine($"--page {page} is not a page number: pages start at 1.");
                return 2;
            }
            pageNumber = number;
        }
        var files = paths.SelectMany(Expand).ToList();
        if (files.Count == 0)
        {
            output.WriteLine($"No page files found in {string.Join(", ", paths.DefaultIfEmpty("(nothing given)"))}. {Usage}");
            return 2;
        }

        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ArchiveDbContext>().Database.MigrateAsync(cancellationToken);
        var registry = RegistryReader.Load(Path.Combine(ArchiveServices.SeedsDirectory(services.GetRequiredService<IConfiguration>()), "registry"));

        var events = services.GetRequiredService<IArchiveEvents>();
        int created = 0, skipped = 0, failed = 0, articles = 0, linked = 0;
        var createdEntities = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            Progress(progress, i, files.Count, Path.GetFileName(files[i]));
            // A scope per page: each page is its own transaction and its own change tracker.
            using var pageScope = services.CreateScope();
            var text = await File.ReadAllTextAsync(files[i], cancellationToken);
            try
            {
                // Announced as the mutation announces: on PostgreSQL the running nodes' subscribers hear it.
                var result = await pageScope.ServiceProvider.GetRequiredService<PageIngestor>().IngestAnnouncedAsync(events,
                    new PageSource(text, editionDate, newspaper, pageNumber, Path.GetFileName(files[i])), registry, cancellationToken);
                if (!result.Created) { skipped++; continue; }
                created++;
                articles += result.ArticleIds.Count;
                createdEntities.AddRange(result.CreatedNames);
                var extracted = result.Extracted.Officials.Count + result.Extracted.Locations.Count + result.Extracted.Organizations.Count + result.Extracted.Projects.Count;
                linked += extracted - result.CreatedNames.Count;
            }
            catch (IngestionException e)
            {
                failed++;
                progress.WriteLine();
                output.WriteLine($"{files[i]}: rejected ({e.Code}): {e.Message}");
            }
        }
        Progress(progress, files.Count, files.Count, "done");
        progress.WriteLine();

        output.WriteLine($"Pages: {created} created ({articles} articles), {skipped} skipped as already ingested, {failed} rejected.");
        output.WriteLine($"Entities: {createdEntities.Count} created, {linked} linked to ones already known.");
        foreach (var group in createdEntities.GroupBy(e => e[..e.IndexOf(':')]))
            output.WriteLine($"  created {group.Key}s: {string.Join("、", group.Select(e => e[(e.IndexOf(':') + 1)..]))}");
        return failed > 0 ? 1 : 0;
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal)
        : File.Exists(path) ? [path]
        : [];

    private static void Progress(TextWriter progress, int done, int total, string current)
    {
        const int width = 30;
        var filled = total == 0 ? width : done * width / total;
        progress.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} {current}".PadRight(70));
    }
}
