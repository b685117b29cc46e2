using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// Search on SQLite: the hits of a query are written once into a temporary table (<c>temp.SearchHits_n</c>, id as
/// its primary key), which the count, the page and the facets then join.
/// </summary>
/// <remarks>
/// A temporary table rather than a CTE: the page, the count and the facets are separate statements (and the facets
/// run only if selected, after the page), and a CTE would match the terms again in each. A temporary table lives on
/// its connection, so the context's connection is held open for the request. Pooled connections outlive the request:
/// the n-th search of a context reuses the name <c>SearchHits_n</c>, dropping what an earlier request left there, so
/// a connection never holds more tables than one request made searches.
/// </remarks>
public sealed class SqliteArticleSearchIndex : IArticleSearchIndex
{
    public static readonly SqliteArticleSearchIndex Instance = new();

    private static readonly ConditionalWeakTable<ArchiveDbContext, Searches> SearchesOf = new();

    private sealed class Searches
    {
        public int Lease { get; set; } = -1;

        public int Count { get; set; }
    }

    public async Task<IQueryable<SearchHit>> FindAsync(ArchiveDbContext db, SearchQuery query, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // closed when the context is disposed
        // Numbered per lease of the context: a pooled context serves many requests, and each one's first search reuses
        // SearchHits_1 on whichever pooled connection it gets (DROP … IF EXISTS below), so no connection piles up tables.
        var searches = SearchesOf.GetValue(db, _ => new Searches());
        if (searches.Lease != db.ContextId.Lease) (searches.Lease, searches.Count) = (db.ContextId.Lease, 0);
        var table = "SearchHits_" + (++searches.Count).ToString(CultureInfo.InvariantCulture);
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
