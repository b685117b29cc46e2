using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Search;

/// <summary>
/// The temporary tables that keep a request's hits (<c>SearchHits_n</c>, one per search of the request), on either
/// engine: the count, the page and the facets join them, so no term is matched twice.
/// </summary>
/// <remarks>
/// A temporary table rather than a CTE: the page, the count and the facets are separate statements (and the facets run
/// only if selected, after the page), and a CTE would match the terms again in each. A temporary table lives on its
/// connection, so the context's connection is held open for the request. Pooled contexts and connections outlive the
/// request: the n-th search of a lease of the context reuses the name <c>SearchHits_n</c>, and the engine's SQL drops
/// what an earlier request left there, so a connection never holds more tables than one request made searches.
/// </remarks>
internal static class SearchHitTables
{
    private static readonly ConditionalWeakTable<ArchiveDbContext, Searches> SearchesOf = new();

    private sealed class Searches
    {
        public int Lease { get; set; } = -1;

        public int Count { get; set; }
    }

    /// <summary>
    /// Runs <paramref name="hitsSql"/> (a SELECT of <c>Id</c> and <c>Score</c>) once into the next table of the request,
    /// in the engine's temporary schema (<paramref name="tempSchema"/>: <c>temp</c>, <c>pg_temp</c>), indexes it by rank
    /// with <paramref name="rankIndexSql"/> when given (a format: <c>{0}</c> the table's name, <c>{1}</c> the index's, both
    /// unquoted and unqualified), and returns a query that reads it. The table name is ours and the terms are parameters: nothing
    /// of the user's is spliced into the SQL.
    /// </summary>
    /// <remarks>
    /// The rank index (score descending, then id) lets a relevance page walk the hits in order and read the articles of
    /// that page only. Without it the engine joins every hit to its article, texts and captions included, and sorts them
    /// all: at 75,000 hits, 244 ms on SQLite for a page of ten, against 0.1 ms; the index costs about a sixth of that.
    /// </remarks>
    public static async Task<SearchHits> FillAsync(ArchiveDbContext db, string tempSchema, string hitsSql, object[] parameters,
        string? rankIndexSql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // closed when the context is disposed or returned to its pool
        var searches = SearchesOf.GetValue(db, _ => new Searches());
        if (searches.Lease != db.ContextId.Lease) (searches.Lease, searches.Count) = (db.ContextId.Lease, 0);
        var name = $"SearchHits_{(++searches.Count).ToString(CultureInfo.InvariantCulture)}";
        var table = $"{tempSchema}.\"{name}\"";
        // Through EF Core, so that its interceptors see each statement (cancellation interrupts it). The INSERT alone, so
        // that its row count is the hits' count on both engines (a batch's count also takes in the DDL on SQLite).
        var create = $"DROP TABLE IF EXISTS {table}; CREATE TEMP TABLE {table} (\"Id\" integer PRIMARY KEY, \"Score\" double precision NOT NULL);";
        var fill = $"INSERT INTO {table} (\"Id\", \"Score\") {hitsSql}";
        // ANALYZE gives the planner the hits' row count: without it, SQLite takes every table for large and drives a facet's
        // join from the whole join table, probing the hits, instead of from the hits (at 1,000 hits, 3,000 lookups instead
        // of a scan of every appearance).
        var index = (rankIndexSql is null ? "" : string.Format(CultureInfo.InvariantCulture, rankIndexSql, name, name + "_Rank") + " ") + $"ANALYZE {table};";
        await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
        var count = await db.Database.ExecuteSqlRawAsync(fill, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(index, cancellationToken);
        var read = $"SELECT \"Id\", \"Score\" FROM {table}";
        return new SearchHits(db.Database.SqlQueryRaw<SearchHit>(read), count);
    }
}
