using GraphQLArchive.Model.Storage.Sqlite;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Search;

/// <summary>An article that matches a search, with its relevance (higher is better).</summary>
public sealed class SearchHit
{
    public int Id { get; set; }
    public double Score { get; set; }
}

/// <summary>A request's hits, kept by <see cref="IArticleSearchIndex.FindAsync"/>: a query that reads them, and how many there are.</summary>
public sealed record SearchHits(IQueryable<SearchHit> Query, int Count);

/// <summary>An article's photo captions as one value, one a line, in photo order.</summary>
public sealed class IndexedCaptions
{
    public int Id { get; set; }
    public string? Captions { get; set; }
}

/// <summary>
/// The full-text index of one database engine: the seam between the search field and the engine's SQL.
/// SQLite's is <see cref="SqliteArticleSearchIndex"/>, PostgreSQL's <see cref="PostgresArticleSearchIndex"/>.
/// </summary>
public interface IArticleSearchIndex
{
    /// <summary>
    /// Matches <paramref name="query"/> once and keeps the hits for the rest of the request (the context's
    /// lifetime): the returned query reads them, so that a count, a page and facets composed on it, as joins to
    /// <c>Articles</c>, match no term again. Scores depend on each article alone (see the implementation), so
    /// keyset cursors over them stay valid while articles are added. <paramref name="ranked"/>: a page in relevance order
    /// will be read from them, so index them by rank (a count or facets alone need no such index).
    /// </summary>
    Task<SearchHits> FindAsync(ArchiveDbContext db, SearchQuery query, bool ranked, CancellationToken cancellationToken = default);

    /// <summary>Each article's captions as one value, for a statement that cannot load a nested list (highlighting).</summary>
    IQueryable<IndexedCaptions> Captions(ArchiveDbContext db);

    /// <summary>
    /// The ids of the articles whose <paramref name="column"/> (<c>Headline</c>, <c>Subheadline</c>, <c>Kicker</c> or
    /// <c>Body</c>) contains <paramref name="term"/> by the index, as a query to compose into another (a superset is
    /// allowed: the caller keeps its own substring test); or null when the index cannot answer for this term.
    /// </summary>
    IQueryable<int>? Containing(ArchiveDbContext db, string column, string term);
}

public static class ArticleSearchIndexes
{
    /// <summary>The index of the context's database engine.</summary>
    public static IArticleSearchIndex For(ArchiveDbContext db) =>
        TryFor(db) ?? throw new NotSupportedException($"Search has no index on {db.Database.ProviderName} yet: implement {nameof(IArticleSearchIndex)} for it.");

    /// <summary>The index of the context's database engine, or null when it has none (yet).</summary>
    public static IArticleSearchIndex? TryFor(ArchiveDbContext db) =>
        db is PostgresArchiveDbContext ? PostgresArticleSearchIndex.Instance
        : db.Database.IsSqlite() ? SqliteArticleSearchIndex.Instance
        : null;
}
