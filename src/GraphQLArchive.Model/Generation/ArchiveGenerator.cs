using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Storage.Sqlite;
using GraphQLArchive.Model.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Generation;

/// <summary>
/// Writes a synthetic archive shaped like the real one into an empty SQLite database, to measure at size.
/// Deterministic for a seed: ids are assigned here, and nothing depends on the clock.
/// </summary>
public static class ArchiveGenerator
{
    // A city daily prints about 60 reports a day: 20 pages of 2–4.
    private const int PagesPerDay = 20;
    private const int ReportsPerDay = PagesPerDay * 3;

    /// <summary>The archive ends here whatever its size, so that no date lies in the future; it starts as far back as its size needs.</summary>
    private static readonly DateOnly LastEdition = new(2025, 12, 31);

    /// <summary>The first edition for <paramref name="articles"/> articles, with a week of slack for the seed pages' reserved dates.</summary>
    public static DateOnly FirstEditionFor(int articles) => LastEdition.AddDays(-(articles / ReportsPerDay + 7));

    /// <summary>Migrates, then writes <see cref="GenerationOptions.Articles"/> articles; reports the articles written so far.</summary>
    public static GenerationSummary Generate(ArchiveDbContext db, GenerationOptions options, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Articles, 1);
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
            throw new NotSupportedException($"The generator writes SQLite only; this context uses {db.Database.ProviderName}.");

        // Larger pages hold whole articles with less left over (at 4 KB, 15% of the article pages stood empty); set
        // before the first table is written, it is the file's for good.
        db.Database.OpenConnection();
        try
        {
            using var size = connection.CreateCommand();
            size.CommandText = "PRAGMA page_count";
            if (Convert.ToInt64(size.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) Execute(connection, $"PRAGMA page_size = {PageSize};");
            db.Database.Migrate(); // on this connection: the size holds only until it closes, if nothing was written
        }
        finally
        {
            db.Database.CloseConnection();
        }
        var registry = RegistryReader.Load(Path.Combine(options.SeedsDirectory, "registry"));
        // Filler text must not name what the registry knows, or it would mention entities it does not link.
        string[] named = [.. registry.Officials.Select(o => o.Name), .. registry.Journalists.Select(j => j.Name), .. registry.Locations.Select(l => l.Name),
            .. registry.Organizations.Select(o => o.Name), .. registry.Projects.Select(p => p.Name),
            // Long aliases (市防汛抗旱指挥部) name one thing; short ones (市委, 太原) are everywhere and stay.
            .. registry.Organizations.SelectMany(o => o.Aliases).Concat(registry.Locations.SelectMany(l => l.Aliases)).Where(a => a.Length >= 4)];
        var vocabulary = Vocabulary.FromPages(Path.Combine(options.SeedsDirectory, "pages"), named, out var pagesText);

        var random = new Random(options.Seed);
        var firstEdition = FirstEditionFor(options.Articles);
        // The careers must outlast the last edition.
        var world = ArchiveWorld.Build(random, registry, pagesText, firstEdition.AddDays(-7), LastEdition.AddDays(10), options.Articles);
        var composer = new ArticleComposer(random, world, vocabulary);
        var reservedDates = registry.Editions.Select(e => e.Date.Value).ToHashSet();
        var newspaper = registry.Editions.FirstOrDefault()?.Newspaper.Value ?? "太原日报";

        db.Database.OpenConnection();
        try
        {
            using (var count = connection.CreateCommand())
            {
                count.CommandText = "SELECT (SELECT COUNT(*) FROM Articles) + (SELECT COUNT(*) FROM Officials) + (SELECT COUNT(*) FROM Locations)";
                if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                    throw new DatabaseNotEmptyException($"The database '{connection.DataSource}' holds data already: generate into a new file.");
            }
            // Bulk-load settings; foreign keys are checked once at the end instead of per row, and the
            // search index is rebuilt once instead of by a trigger per row.
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-131072;");
            // Microsoft.Data.Sqlite runs its async methods synchronously, so waiting here blocks nothing.
            SqliteSearchIndex.DropTriggersAsync(connection).GetAwaiter().GetResult();
            GenerationSummary summary;
            using (var transaction = connection.BeginTransaction())
            {
                // An index built once over the loaded rows is a sort, and packed; kept up row by row it costs a search
                // per row and leaves its pages part-empty. The migrations' own statements build them again, unchanged.
                var indexes = DropIndexes(connection, transaction);
                var writer = new Writer(connection, transaction);
                writer.WriteWorld(world);
                summary = writer.WriteArticles(composer, world, firstEdition, options.Articles, newspaper, options.Seed, reservedDates, progress);
                writer.WritePositions(world);
                writer.Dispose();
                if (options.Indexed) foreach (var index in indexes) Execute(connection, index, transaction);
                CheckForeignKeys(connection, transaction);
                transaction.Commit();
            }
            if (options.Indexed) SqliteSearchIndex.RebuildAsync(connection).GetAwaiter().GetResult();
            Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA wal_checkpoint(TRUNCATE);");
            return summary;
        }
        finally
        {
            db.Database.CloseConnection();
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>The generated file's page size, in bytes.</summary>
    public const int PageSize = 8192;

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>Drops the migrations' indexes (not the primary keys' own) and returns the statements that made them.</summary>
    private static List<string> DropIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) Execute(connection, $"DROP INDEX \"{name}\";", transaction);
        return indexes.Select(i => i.Sql + ";").ToList();
    }

    private static void CheckForeignKeys(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = "PRAGMA foreign_key_check";
        using var reader = check.ExecuteReader();
        if (reader.Read())
            throw new InvalidOperationException($"Generated row {reader.GetValue(1)} of {reader.GetString(0)} references a missing row of {reader.GetString(2)}: a generator bug.");
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Json(IEnumerable<string> values) => JsonSerializer.Serialize(values); // escaped, as EF Core writes primitive collections


    /// <summary>The prepared INSERTs, one per table.</summary>
    private sealed class Writer(SqliteConnection c, SqliteTransaction t) : IDisposable
    {
        private readonly BulkTable _editions = new(c, t, "Editions", "Id", "Newspaper", "Date", "Page", "NewspaperInferred", "DateInferred", "PageInferred", "SourceFile", "ContentHash");
        private readonly BulkTable _articles = new(c, t, "Articles", "Id", "EditionId", "Ordinal", "Kicker", "Headline", "Subheadline", "Byline", "EventDate", "Body", "CharacterCount");
        private readonly BulkTable _photos = new(c, t, "Photo", "ArticleId", "Caption", "Credit", "PhotographerId");
        private readonly BulkTable _appearances = new(c, t, "Appearances", "ArticleId", "OfficialId", "Role", "Titles", "EventDate");
        private readonly BulkTable _articleJournalists = new(c, t, "ArticleJournalist", "ArticlesId", "JournalistsId");
        private readonly BulkTable _articleLocations = new(c, t, "ArticleLocation", "ArticlesId", "LocationsId");
        private readonly BulkTable _articleProjects = new(c, t, "ArticleProject", "ArticlesId", "ProjectsId");
        private readonly BulkTable _articleOrganizations = new(c, t, "ArticleOrganization", "ArticlesId", "OrganizationsId");
        private int _paragraphs;

        public void WriteWorld(ArchiveWorld world)
        {
            using (var organizations = new BulkTable(c, t, "Organizations", "Id", "Name", "Kind", "Aliases", "ParentId"))
                foreach (var o in world.Organizations)
                    organizations.Insert(o.Id, o.Name, (int)o.Kind, Json(o.Aliases), o.ParentId);
            using (var locations = new BulkTable(c, t, "Locations", "Id", "Name", "Kind", "Aliases", "ParentId", "Latitude", "Longitude"))
                foreach (var l in world.Locations)
                    locations.Insert(l.Id, l.Name, (int)l.Kind, Json(l.Aliases), l.ParentId, l.Latitude, l.Longitude);
            using (var officials = new BulkTable(c, t, "Officials", "Id", "Name", "Aliases"))
                foreach (var o in world.Officials)
                    officials.Insert(o.Id, o.Name, "[]");
            using (var journalists = new BulkTable(c, t, "Journalists", "Id", "Name", "Role"))
            {
                foreach (var j in world.Reporters) journalists.Insert(j.Id, j.Name, (int)JournalistRole.Reporter);
                foreach (var j in world.Photographers) journalists.Insert(j.Id, j.Name, (int)JournalistRole.Photographer);
            }
            using var projects = new BulkTable(c, t, "Projects", "Id", "Name", "Aliases", "Status", "LocationId", "OrganizationId", "Sector",
                "TotalInvestment", "FloorArea", "SiteArea", "ExpectedAnnualRevenue", "ExpectedAnnualTax");
            using var facts = new BulkTable(c, t, "ProjectFact", "ProjectId", "Label", "Value", "Unit", "Qualifier", "Printed");
            using var milestones = new BulkTable(c, t, "Milestone", "ProjectId", "Date", "Event", "Printed");
            foreach (var p in world.Projects)
            {
                projects.Insert(p.Id, p.Name, "[]", (int)p.Status, p.Location.Id, p.Company?.Id, p.Sector, DecimalKey.Encode(p.TotalInvestment),
                    DecimalKey.Encode(p.FloorArea), DecimalKey.Encode(p.SiteArea), DecimalKey.Encode(p.ExpectedAnnualRevenue), DecimalKey.Encode(p.ExpectedAnnualTax));
                foreach (var f in p.Facts) facts.Insert(p.Id, f.Label, DecimalKey.Encode(f.Value), f.Unit, (int)f.Qualifier, f.Printed);
                foreach (var m in p.Milestones) milestones.Insert(p.Id, m.Date is { } d ? Day(d) : null, (int)m.Event, m.Printed);
            }
        }

        public GenerationSummary WriteArticles(ArticleComposer composer, ArchiveWorld world, DateOnly firstEdition, int total, string newspaper, int seed,
            HashSet<DateOnly> reservedDates, IProgress<int>? progress)
        {
            var articleId = 0;
            var editionId = 0;
            var page = new List<ComposedArticle>(4);
            for (var date = firstEdition; articleId < total; date = date.AddDays(1))
            {
                // The seed pages' own dates are left to the seeder.
                if (reservedDates.Contains(date)) continue;
                for (var pageNumber = 1; pageNumber <= PagesPerDay && articleId < total; pageNumber++)
                {
                    page.Clear();
                    for (var i = 2 + composer.Next(3); i > 0 && articleId + page.Count < total; i--)
                        page.Add(composer.Compose(date));

                    editionId++;
                    _editions.Insert(editionId, newspaper, Day(date), pageNumber, 0, 0, 0,
                        $"generated/seed-{seed}/{Day(date)}-{pageNumber}.txt", PageHash(page));
                    for (var ordinal = 1; ordinal <= page.Count; ordinal++)
                        WriteArticle(++articleId, editionId, ordinal, page[ordinal - 1], date);
                    if (articleId % 1000 < page.Count || articleId == total) progress?.Report(articleId);
                }
            }
            return new GenerationSummary(editionId, articleId, _paragraphs, _appearances.Rows, world.Officials.Count, world.Positions.Count,
                world.Reporters.Count + world.Photographers.Count, world.Locations.Count, world.Organizations.Count, world.Projects.Count, _photos.Rows);
        }

        /// <summary>SHA-256 of the page's text, as the seeder hashes a scanned page.</summary>
        private static string PageHash(List<ComposedArticle> page)
        {
            var text = new StringBuilder();
            foreach (var a in page)
                text.AppendJoin('\n', new[] { a.Kicker, a.Headline, a.Subheadline, a.Byline }.OfType<string>()).Append('\n').AppendJoin("\n\n", a.Paragraphs).Append('\n');
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }

        private void WriteArticle(int id, int editionId, int ordinal, ComposedArticle a, DateOnly editionDate)
        {
            _articles.Insert(id, editionId, ordinal, a.Kicker, a.Headline, a.Subheadline, a.Byline, Day(a.EventDate),
                Article.BodyOf(a.Paragraphs), a.Paragraphs.Sum(p => p.Length));
            _paragraphs += a.Paragraphs.Count;
            foreach (var photo in a.Photos) _photos.Insert(id, photo.Caption, photo.Photographer.Name, photo.Photographer.Id);
            foreach (var appearance in a.Appearances)
            {
                var titles = appearance.TitlesPrinted ? appearance.Tenure.Positions : [];
                foreach (var position in titles) position.SeenOn(editionDate);
                _appearances.Insert(id, appearance.Tenure.Official.Id, (int)appearance.Role, Json(titles.Select(p => p.Title)), Day(a.EventDate));
            }
            foreach (var j in a.Reporters) _articleJournalists.Insert(id, j.Id);
            foreach (var l in a.Locations) _articleLocations.Insert(id, l.Id);
            foreach (var p in a.Projects) _articleProjects.Insert(id, p.Id);
            foreach (var o in a.Organizations) _articleOrganizations.Insert(id, o.Id);
        }

        /// <summary>Last, once every article has said when each title was printed.</summary>
        public void WritePositions(ArchiveWorld world)
        {
            using var positions = new BulkTable(c, t, "Position", "Id", "OfficialId", "Title", "OrganizationId", "FirstSeen", "LastSeen");
            foreach (var p in world.Positions)
                positions.Insert(p.Id, p.OfficialId, p.Title, p.OrganizationId, p.FirstSeen is { } f ? Day(f) : null, p.LastSeen is { } l ? Day(l) : null);
        }

        public void Dispose()
        {
            foreach (var table in new[] { _editions, _articles, _photos, _appearances, _articleJournalists, _articleLocations, _articleProjects, _articleOrganizations })
                table.Dispose();
        }
    }
}
