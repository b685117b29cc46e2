using GraphQLArchive.Model.Search;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>
/// Search on PostgreSQL: <see cref="PostgresArticleSearch"/>'s SELECT, where the trigram and short-term GIN indexes
/// narrow every term, runs once into a temporary table (<c>pg_temp."SearchHits_n"</c>; see <see cref="SearchHitTables"/>),
/// which the count, the page and the facets join. Npgsql discards a pooled connection's temporary tables when it is
/// closed, so none outlives its request.
/// </summary>
public sealed class PostgresArticleSearchIndex : IArticleSearchIndex
{
    public static readonly PostgresArticleSearchIndex Instance = new();

    // PostgreSQL names the table's schema; the index goes with it (see SearchHitTables.FillAsync).
    private const string RankIndexSql = "CREATE INDEX \"{1}\" ON pg_temp.\"{0}\" (\"Score\" DESC, \"Id\");";

    public Task<SearchHits> FindAsync(ArchiveDbContext db, SearchQuery query, bool ranked, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = PostgresArticleSearch.Hits(query);
        return SearchHitTables.FillAsync(db, "pg_temp", sql, parameters, ranked ? RankIndexSql : null, cancellationToken);
    }

    public IQueryable<IndexedCaptions> Captions(ArchiveDbContext db) => db.Database.SqlQueryRaw<IndexedCaptions>(PostgresArticleSearch.CaptionsSql);

    public IQueryable<int>? Containing(ArchiveDbContext db, string column, string term)
    {
        // Without this, EF Core's LIKE reads the whole trigram index for a term of 1–2 characters; the short-term index narrows it.
        if (term.Length == 0 || PostgresArticleSearch.Containing(column, term) is not var (sql, parameters)) return null;
        return db.Database.SqlQueryRaw<int>(sql, parameters);
    }
}
