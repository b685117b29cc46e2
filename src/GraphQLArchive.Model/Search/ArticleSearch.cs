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

/// <summary>An article's photo captions as the index holds them, one a line.</summary>
public sealed class IndexedCaptions
{
    public int Id { get; set; }
    public string? Captions { get; set; }
}

public static class ArticleSearch
{
    /// <summary>
    /// The captions column of the index, by article id: a correlated lookup by rowid, for reading an
    /// article's captions as one value in a statement that cannot load a nested list.
    /// </summary>
    public static IQueryable<IndexedCaptions> Captions(this ArchiveDbContext db) =>
        db.Database.SqlQueryRaw<IndexedCaptions>(db is PostgresArchiveDbContext
            ? PostgresArticleSearch.CaptionsSql
            : $"SELECT rowid AS Id, Captions FROM {ArticleSearchIndex.Table}");

    /// <summary>
    /// The articles matching <paramref name="query"/>, as a composable query: join it to
    /// <c>Articles</c>, filter, order and page it, and it all runs as one SQL statement.
    /// Without <paramref name="withScore"/> every score is 0 and nothing is ranked (counts, facets).
    /// </summary>
    public static IQueryable<SearchHit> Hits(this ArchiveDbContext db, SearchQuery query, bool withScore = true)
    {
        var (sql, parameters) = db is PostgresArchiveDbContext
            ? PostgresArticleSearch.Hits(query, withScore) // PostgreSQL's own index (Storage/Postgres)
            : ArticleSearchSql.Hits(query, withScore);
        return db.Database.SqlQueryRaw<SearchHit>(sql, parameters.Cast<object>().ToArray());
    }
}
