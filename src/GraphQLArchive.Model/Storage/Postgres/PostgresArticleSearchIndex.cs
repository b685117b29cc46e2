using GraphQLArchive.Model.Search;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>
/// Search on PostgreSQL: <see cref="PostgresArticleSearch"/>'s SELECT, composed into each statement that reads the hits,
/// where the trigram and short-term GIN indexes narrow every term. Unlike SQLite's index it keeps no table of hits per
/// request, so a count, a page and the facets each match the terms again.
/// </summary>
public sealed class PostgresArticleSearchIndex : IArticleSearchIndex
{
    public static readonly PostgresArticleSearchIndex Instance = new();

    public Task<IQueryable<SearchHit>> FindAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = PostgresArticleSearch.Hits(query, withScore: true);
        return Task.FromResult(db.Database.SqlQueryRaw<SearchHit>(sql, parameters));
    }

    public IQueryable<IndexedCaptions> Captions(ArchiveDbContext db) => db.Database.SqlQueryRaw<IndexedCaptions>(PostgresArticleSearch.CaptionsSql);

    /// <summary>None yet: a <c>contains</c> filter on PostgreSQL runs as EF Core translates it, without the short-term index.</summary>
    public IQueryable<int>? Containing(ArchiveDbContext db, string column, string term) => null;
}
