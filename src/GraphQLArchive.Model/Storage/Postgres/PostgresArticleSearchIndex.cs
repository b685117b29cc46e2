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

    public async Task<IQueryable<SearchHit>> FindAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken = default)
    {
        var table = await SearchHitTables.NextAsync(db, cancellationToken);
        var (sql, parameters) = PostgresArticleSearch.Hits(query, withScore: true);
        // ANALYZE gives the planner the hits' row count, as on SQLite, so that a facet's join is driven from the hits.
        // The table name is ours and the terms are parameters: nothing of the user's is spliced into the SQL.
        var create = $"DROP TABLE IF EXISTS pg_temp.\"{table}\"; CREATE TEMP TABLE \"{table}\" (\"Id\" integer PRIMARY KEY, \"Score\" double precision NOT NULL); " +
                     $"INSERT INTO pg_temp.\"{table}\" (\"Id\", \"Score\") {sql}; ANALYZE pg_temp.\"{table}\";";
        await db.Database.ExecuteSqlRawAsync(create, parameters, cancellationToken);
        var read = $"SELECT \"Id\", \"Score\" FROM pg_temp.\"{table}\"";
        return db.Database.SqlQueryRaw<SearchHit>(read);
    }

    public IQueryable<IndexedCaptions> Captions(ArchiveDbContext db) => db.Database.SqlQueryRaw<IndexedCaptions>(PostgresArticleSearch.CaptionsSql);

    public IQueryable<int>? Containing(ArchiveDbContext db, string column, string term)
    {
        // Without this, EF Core sends contains as strpos(), which no index serves.
        if (term.Length == 0 || PostgresArticleSearch.Containing(column, term) is not var (sql, parameters)) return null;
        return db.Database.SqlQueryRaw<int>(sql, parameters);
    }
}
