using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// Search on SQLite: the hits of a query are written once into a temporary table (<c>temp.SearchHits_n</c>, id as
/// its primary key; see <see cref="SearchHitTables"/>), which the count, the page and the facets then join.
/// </summary>
public sealed class SqliteArticleSearchIndex : IArticleSearchIndex
{
    public static readonly SqliteArticleSearchIndex Instance = new();

    public async Task<IQueryable<SearchHit>> FindAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken = default)
    {
        var table = await SearchHitTables.NextAsync(db, cancellationToken);
        var (sql, parameters) = SqliteSearchSql.Hits(query);
        // ANALYZE gives the planner the hits' row count: without it, it takes every table for large and drives a facet's
        // join from the whole join table, probing the hits, instead of from the hits (at 1,000 hits, 3,000 lookups
        // instead of a scan of every appearance).
        // Through EF Core, so that its interceptors see it (cancellation interrupts it like any other statement).
        // The table name is ours and the terms are parameters: nothing of the user's is spliced into the SQL.
        var create = $"DROP TABLE IF EXISTS temp.\"{table}\"; CREATE TEMP TABLE \"{table}\" (Id INTEGER PRIMARY KEY, Score REAL NOT NULL); " +
                     $"INSERT INTO temp.\"{table}\" (Id, Score) {sql}; ANALYZE temp.\"{table}\";";
        await db.Database.ExecuteSqlRawAsync(create, parameters, cancellationToken);
        var read = $"SELECT Id, Score FROM temp.\"{table}\"";
        return db.Database.SqlQueryRaw<SearchHit>(read);
    }

    public IQueryable<IndexedCaptions> Captions(ArchiveDbContext db) =>
        db.Database.SqlQueryRaw<IndexedCaptions>($"SELECT Id, Captions FROM {SqliteSearchSchema.TrigramSource}");

    public IQueryable<int>? Containing(ArchiveDbContext db, string column, string term)
    {
        if (!SqliteSearchSchema.Columns.Contains(column) || term.Length == 0) return null;
        var (table, match) = SqliteSearchSql.Lookup(new SearchTerm(term, IsPhrase: true), column);
        if (match is null) return null;
        var sql = $"SELECT rowid AS Value FROM {table} WHERE {table} MATCH {{0}}"; // the table is ours, the term a parameter
        return db.Database.SqlQueryRaw<int>(sql, match);
    }
}
