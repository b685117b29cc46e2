using System.Text;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Ingestion;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Seeding;

/// <summary>
/// Migrates, then stores the curated registry and every page under <c>seeds/pages</c>, linking each
/// mention to the registry, in one transaction. Idempotent: what is stored already is left alone.
/// </summary>
public sealed class ArchiveSeeder(ArchiveDbContext db, PageIngestor ingestor)
{
    public async Task SeedAsync(string seedsDirectory, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        var registry = RegistryReader.Load(Path.Combine(seedsDirectory, "registry"));
        var pagesDirectory = Path.Combine(seedsDirectory, "pages");
        var pages = Directory.Exists(pagesDirectory)
            ? Directory.GetFiles(pagesDirectory, "*.txt").Order(StringComparer.Ordinal).ToList()
            : [];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var catalog = await RegistryCatalog.LoadAsync(db, registry, cancellationToken);
        foreach (var page in pages)
            await StorePageAsync(page, registry, catalog, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task StorePageAsync(string path, ArchiveRegistry registry, RegistryCatalog catalog, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken);
        var hash = PageIngestor.Hash(text);
        if (await ingestor.ExistingArticlesAsync(hash, cancellationToken) is not null) return;

        var file = Path.GetFileName(path);
        var known = registry.Editions.FirstOrDefault(e => e.SourceFile == file)
                    ?? throw new InvalidOperationException($"seeds/registry/editions.json has no entry for the page {file}: add its newspaper, date and page.");
        var source = new PageSource(text, known.Date.Value, known.Newspaper.Value, known.Page.Value, file, known.Date.Inferred);
        var (edition, _) = ingestor.Store(source, PageIngestor.Validate(source), hash, registry, catalog);
        edition.NewspaperInferred = known.Newspaper.Inferred;
        edition.PageInferred = known.Page.Inferred;
    }
}
