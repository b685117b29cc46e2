using System.Security.Cryptography;
using System.Text;
using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Editions;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Model.Seeding;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Ingestion;

/// <summary>One page to ingest, with its edition. A value the caller did not give is marked inferred.</summary>
public sealed record PageSource(string Text, DateOnly Date, string? Newspaper = null, int? Page = null, string SourceFile = "", bool DateInferred = false);

/// <summary>What ingesting a page did: the articles (new or already stored), and what was extracted and whether it was new.</summary>
public sealed record IngestResult(bool Created, IReadOnlyList<int> ArticleIds, ArchiveRegistry Extracted, IReadOnlySet<string> CreatedNames);

/// <summary>
/// Runs inside the transaction that stores a new page, just before it commits: what it writes through <paramref name="db"/>
/// (such as a NOTIFY) commits or rolls back with the page. It may run more than once when a concurrent write makes the
/// store start again; only the attempt that commits counts.
/// </summary>
public delegate Task PageStoring(ArchiveDbContext db, int editionId, IReadOnlyList<int> articleIds, CancellationToken cancellationToken);

/// <summary>Input that cannot be ingested; <see cref="Code"/> is stable for clients.</summary>
public sealed class IngestionException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Stores a page: parses it into articles, extracts the entities no registry knows, links every mention, and
/// records the page by its SHA-256 so that storing it again does nothing. The seeder, the ingest command and
/// the ingestPage mutation all store pages through here.
/// </summary>
public sealed class PageIngestor(ArchiveDbContext db)
{
    public const int MaxCharacters = 200_000;

    public const string EmptyText = "INGEST_EMPTY_TEXT";
    public const string TextTooLong = "INGEST_TEXT_TOO_LONG";
    public const string NoArticle = "INGEST_NO_ARTICLE";
    public const string InvalidDate = "INGEST_INVALID_DATE";
    public const string InvalidPage = "INGEST_INVALID_PAGE";

    /// <summary>Checks, then stores the page in its own transaction; a page stored before returns its articles and changes nothing.</summary>
    public async Task<IngestResult> IngestAsync(PageSource source, ArchiveRegistry registry, CancellationToken cancellationToken = default, PageStoring? beforeCommit = null)
    {
        var parsed = Validate(source);
        var hash = Hash(source.Text);
        for (var attempt = 1; ; attempt++)
        {
            if (await ExistingArticlesAsync(hash, cancellationToken) is { } existing)
                return new IngestResult(false, existing, EntityExtractor.Extract(parsed, registry, source.Newspaper), new HashSet<string>());
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var catalog = await RegistryCatalog.LoadAsync(db, registry, cancellationToken);
                var (edition, extracted) = Store(source, parsed, hash, registry, catalog);
                await db.SaveChangesAsync(cancellationToken);
                var articleIds = edition.Articles.OrderBy(a => a.Ordinal).Select(a => a.Id).ToList();
                if (beforeCommit is not null) await beforeCommit(db, edition.Id, articleIds, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new IngestResult(true, articleIds, extracted, catalog.CreatedNames);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsConcurrentWrite(e))
            {
                // Another request stored this page, or a name it creates, first. Start again from what is stored
                // now: the same page is then found by its hash (created: false), a new name is linked.
                db.ChangeTracker.Clear();
            }
        }
    }

    private const int MaxAttempts = 4;

    /// <summary>A unique key taken by a concurrent writer, or a write lock it holds (SQLite's BUSY/LOCKED).</summary>
    private static bool IsConcurrentWrite(Exception e) =>
        e is DbUpdateException || SqliteErrors.IsBusy(e);

    /// <summary>The reasons a page is refused before anything is stored.</summary>
    public static ParsedPage Validate(PageSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(source.Text))
            throw new IngestionException(EmptyText, "The page text is empty. Send the page as scanned: each report's headline lines, then its paragraphs.");
        if (source.Text.Length > MaxCharacters)
            throw new IngestionException(TextTooLong, $"The page text has {source.Text.Length} characters; at most {MaxCharacters} are accepted. Split it into pages.");
        if (source.Date.Year < 1900 || source.Date > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
            throw new IngestionException(InvalidDate, $"The edition date {source.Date:yyyy-MM-dd} is impossible: give the date the page was printed, not in the future and not before 1900.");
        if (source.Page is < 1)
            throw new IngestionException(InvalidPage, $"The page number {source.Page} is impossible: pages start at 1.");
        var parsed = PageParser.Parse(source.Text, source.Date);
        if (parsed.Articles.Count == 0)
            throw new IngestionException(NoArticle, "No news report was recognized. A report is a headline block (short lines without a full stop) followed by its paragraphs, the first opening with a dateline (本报讯, 新华社…电), a credit line (本报记者 X 报道) or the event's date (7月29日, 昨日); or, without a headline, a paragraph opening with a dateline.");
        return parsed;
    }

    /// <summary>SHA-256 of the text as UTF-8; line endings are normalized so a copy saved on Windows is the same page.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Contains('\r') ? text.ReplaceLineEndings("\n") : text)));

    internal async Task<IReadOnlyList<int>?> ExistingArticlesAsync(string hash, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.Where(e => e.ContentHash == hash)
            .Select(e => new { Ids = e.Articles.OrderBy(a => a.Ordinal).Select(a => a.Id).ToList() }).FirstOrDefaultAsync(cancellationToken);
        return edition?.Ids;
    }

    /// <summary>Adds the page's edition, articles and new entities to the context; the caller saves and owns the transaction.</summary>
    internal (Edition Edition, ArchiveRegistry Extracted) Store(PageSource source, ParsedPage parsed, string hash, ArchiveRegistry registry, RegistryCatalog catalog)
    {
        var extracted = EntityExtractor.Extract(parsed, registry, source.Newspaper);
        catalog.AddExtracted(extracted);

        var home = extracted.Locations.FirstOrDefault(l => l.Kind == LocationKind.City)?.Aliases.FirstOrDefault();
        var edition = new Edition
        {
            Newspaper = string.IsNullOrWhiteSpace(source.Newspaper) ? (home is null ? "未知" : home + "日报") : source.Newspaper.Trim(),
            NewspaperInferred = string.IsNullOrWhiteSpace(source.Newspaper),
            Date = source.Date, DateInferred = source.DateInferred,
            Page = source.Page ?? 1, PageInferred = source.Page is null,
            SourceFile = source.SourceFile, ContentHash = hash,
        };
        edition.Facts = EditionFacts.Find(parsed).Select(f => new EditionFact
        {
            ArticleOrdinal = f.ArticleOrdinal, Label = f.Label, Value = f.Value, Unit = f.Unit, Qualifier = f.Qualifier, Printed = f.Printed,
        }).ToList();
        db.Editions.Add(edition);
        foreach (var article in parsed.Articles)
            edition.Articles.Add(BuildArticle(article, edition.Date, catalog));
        return (edition, extracted);
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
            Body = Article.BodyOf(parsed.Paragraphs),
            CharacterCount = parsed.Paragraphs.Sum(p => p.Length),
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
            if (article.Appearances.Any(a => a.Official == official)) continue; // a name and its alias in one report
            article.Appearances.Add(new Appearance { Official = official, Role = mention.Role, Titles = [.. mention.Titles], EventDate = article.EventDate });
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
