using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Search;

public enum SearchFacetKind { Total, Official, Location, Project, Journalist, Month }

/// <summary>One facet bucket: an entity (id and name) or a month (<c>Key</c> = year × 100 + month), and its article count.</summary>
public sealed class SearchFacetRow
{
    public SearchFacetKind Kind { get; set; }
    public int Key { get; set; }
    public string Name { get; set; } = "";
    public int Count { get; set; }
}

public static class ArticleSearchFacets
{
    /// <summary>
    /// The total and the top <paramref name="top"/> officials, locations, projects, journalists and months among the
    /// articles <paramref name="ids"/> (the whole result set, not a page): each a GROUP BY over the join rows of those
    /// ids, all in one UNION ALL statement. <paramref name="ids"/> should read the hits that
    /// <see cref="IArticleSearchIndex.FindAsync"/> keeps, so that the database joins them and no id travels; the join
    /// tables are read by article id, with no detour through the articles' rows (which hold the text).
    /// </summary>
    public static async Task<IReadOnlyList<SearchFacetRow>> ComputeAsync(ArchiveDbContext db, IQueryable<int> ids, int top,
        CancellationToken cancellationToken = default)
    {
        var total = ids.GroupBy(id => 1).Select(g => new SearchFacetRow { Kind = SearchFacetKind.Total, Key = 0, Name = "", Count = g.Count() });
        // Each entity facet counts the join table's keys, and only its top buckets are joined to the entity for their
        // names: at 13,000 hits, 10 name lookups a facet instead of one per join row.
        var officials = Top(db.Appearances.Where(x => ids.Contains(x.ArticleId)).Select(x => x.OfficialId), top)
            .Join(db.Officials, b => b.Key, o => o.Id, (b, o) => new SearchFacetRow { Kind = SearchFacetKind.Official, Key = b.Key, Name = o.Name, Count = b.Count });
        var locations = Top(Linked(db, "ArticleLocation", "LocationsId", ids), top)
            .Join(db.Locations, b => b.Key, l => l.Id, (b, l) => new SearchFacetRow { Kind = SearchFacetKind.Location, Key = b.Key, Name = l.Name, Count = b.Count });
        var projects = Top(Linked(db, "ArticleProject", "ProjectsId", ids), top)
            .Join(db.Projects, b => b.Key, p => p.Id, (b, p) => new SearchFacetRow { Kind = SearchFacetKind.Project, Key = b.Key, Name = p.Name, Count = b.Count });
        var journalists = Top(Linked(db, "ArticleJournalist", "JournalistsId", ids), top)
            .Join(db.Journalists, b => b.Key, j => j.Id, (b, j) => new SearchFacetRow { Kind = SearchFacetKind.Journalist, Key = b.Key, Name = j.Name, Count = b.Count });
        var months = Top(db.Articles.Where(a => ids.Contains(a.Id) && a.EventDate != null).Select(a => ArchiveDbContext.MonthKey(a.EventDate!.Value)), top)
            .Select(b => new SearchFacetRow { Kind = SearchFacetKind.Month, Key = b.Key, Name = "", Count = b.Count });

        var rows = await total.Concat(officials).Concat(locations).Concat(projects).Concat(journalists).Concat(months).ToListAsync(cancellationToken);
        // The joins do not keep the buckets' order: put it back. No hit at all: the grouped total has no row.
        var ordered = rows.OrderBy(r => r.Kind).ThenByDescending(r => r.Count).ThenBy(r => r.Key).ToList();
        return ordered.Any(r => r.Kind == SearchFacetKind.Total) ? ordered : [new SearchFacetRow { Kind = SearchFacetKind.Total }, .. ordered];
    }

    /// <summary>The other ends of a many-to-many join table's rows for <paramref name="ids"/>.</summary>
    private static IQueryable<int> Linked(ArchiveDbContext db, string joinTable, string otherKey, IQueryable<int> ids) =>
        db.Set<Dictionary<string, object>>(joinTable).Where(j => ids.Contains(EF.Property<int>(j, "ArticlesId"))).Select(j => EF.Property<int>(j, otherKey));

    private sealed class Bucket
    {
        public int Key { get; init; }
        public int Count { get; init; }
    }

    // Ties go to the lower key (the older entity, the earlier month) so that facets are stable.
    private static IQueryable<Bucket> Top(IQueryable<int> keys, int top) =>
        keys.GroupBy(k => k).Select(g => new Bucket { Key = g.Key, Count = g.Count() }).OrderByDescending(b => b.Count).ThenBy(b => b.Key).Take(top);
}
