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

    /// <summary>Opens the context's connection for the rest of its lease and names the table of this request's next search.</summary>
    public static async Task<string> NextAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // closed when the context is disposed or returned to its pool
        var searches = SearchesOf.GetValue(db, _ => new Searches());
        if (searches.Lease != db.ContextId.Lease) (searches.Lease, searches.Count) = (db.ContextId.Lease, 0);
        return "SearchHits_" + (++searches.Count).ToString(CultureInfo.InvariantCulture);
    }
}
