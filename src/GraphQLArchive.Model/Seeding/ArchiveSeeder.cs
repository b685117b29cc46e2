using System.Security.Cryptography;
using System.Text;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Editions;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Model.Locations;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Organizations;
using GraphQLArchive.Model.Projects;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Seeding;

/// <summary>
/// Migrates, then stores the curated registry and every page under <c>seeds/pages</c>, linking each
/// mention to the registry, in one transaction. Idempotent: what is stored already is left alone.
/// </summary>
public sealed class ArchiveSeeder(ArchiveDbContext db)
{
    public async Task SeedAsync(string seedsDirectory, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        var registry = RegistryReader.Load(Path.Combine(seedsDirectory, "registry"));
        var pages = Directory.GetFiles(Path.Combine(seedsDirectory, "pages"), "*.txt").Order(StringComparer.Ordinal).ToList();

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
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (await db.Editions.AnyAsync(e => e.ContentHash == hash, cancellationToken)) return;

        var file = Path.GetFileName(path);
        var known = registry.Editions.FirstOrDefault(e => e.SourceFile == file)
                    ?? throw new InvalidOperationException($"seeds/registry/editions.json has no entry for the page {file}: add its newspaper, date and page.");
        var edition = new Edition
        {
            Newspaper = known.Newspaper.Value, NewspaperInferred = known.Newspaper.Inferred,
            Date = known.Date.Value, DateInferred = known.Date.Inferred,
            Page = known.Page.Value, PageInferred = known.Page.Inferred,
            SourceFile = file, ContentHash = hash,
        };
        db.Editions.Add(edition);

        foreach (var parsed in PageParser.Parse(text, edition.Date).Articles)
            edition.Articles.Add(BuildArticle(parsed, edition.Date, catalog));
    }

    private static Article BuildArticle(ParsedArticle parsed, DateOnly editionDate, RegistryCatalog catalog)
    {
        var article = new Article
        {
            Ordinal = parsed.Ordinal,
            Kicker = parsed.Kicker,
            Headline = parsed.Headline,
            Subheadline = parsed.Subheadline,
            Byline = parsed.Byline,
            EventDate = parsed.EventDate,
            Body = string.Join("\n\n", parsed.Paragraphs),
            CharacterCount = parsed.Paragraphs.Sum(p => p.Length),
            Paragraphs = parsed.Paragraphs.Select((text, i) => new Paragraph { Ordinal = i + 1, Text = text }).ToList(),
            Journalists = parsed.Journalists.Select(name => catalog.Journalist(name, JournalistRole.Reporter)).Distinct().ToList(),
            Photos = parsed.Photos.Select(p => new Photo
            {
                Caption = p.Caption,
                Credit = p.Credit,
                Photographer = p.Credit is null ? null : catalog.Journalist(p.Credit, JournalistRole.Photographer),
            }).ToList(),
        };

        foreach (var mention in OfficialMentionFinder.Find(parsed, catalog.OfficialNames))
        {
            var official = catalog.Official(mention.Name);
            article.Appearances.Add(new Appearance { Official = official, Role = mention.Role, Titles = [.. mention.Titles] });
            foreach (var position in official.Positions.Where(p => mention.Titles.Contains(p.Title)))
            {
                position.FirstSeen = position.FirstSeen is { } first && first < editionDate ? first : editionDate;
                position.LastSeen = position.LastSeen is { } last && last > editionDate ? last : editionDate;
            }
        }

        var text = parsed.FullText;
        article.Locations = NameMatcher.FindAll(text, catalog.LocationNames).Select(catalog.Location).ToList();
        article.Organizations = NameMatcher.FindAll(text, catalog.OrganizationNames).Select(catalog.Organization).ToList();
        article.Projects = NameMatcher.FindAll(text, catalog.ProjectNames).Select(catalog.Project).ToList();
        return article;
    }
}
