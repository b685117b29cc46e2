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
        var officials = Top(db.Appearances.Where(x => ids.Contains(x.ArticleId)).GroupBy(x => new { Id = x.OfficialId, x.Official!.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Official, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var locations = Top(Linked(db, "ArticleLocation", "LocationsId", ids).Join(db.Locations, id => id, l => l.Id, (_, l) => l).GroupBy(x => new { x.Id, x.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Location, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var projects = Top(Linked(db, "ArticleProject", "ProjectsId", ids).Join(db.Projects, id => id, p => p.Id, (_, p) => p).GroupBy(x => new { x.Id, x.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Project, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var journalists = Top(Linked(db, "ArticleJournalist", "JournalistsId", ids).Join(db.Journalists, id => id, j => j.Id, (_, j) => j).GroupBy(x => new { x.Id, x.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Journalist, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var months = Top(db.Articles.Where(a => ids.Contains(a.Id) && a.EventDate != null).GroupBy(a => new { a.EventDate!.Value.Year, a.EventDate.Value.Month })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Month, Key = g.Key.Year * 100 + g.Key.Month, Name = "", Count = g.Count() }), top);

        var rows = await total.Concat(officials).Concat(locations).Concat(projects).Concat(journalists).Concat(months).ToListAsync(cancellationToken);
        // No hit at all: the grouped total has no row.
        return rows.Any(r => r.Kind == SearchFacetKind.Total) ? rows : [new SearchFacetRow { Kind = SearchFacetKind.Total }, .. rows];
    }

    /// <summary>The other ends of a many-to-many join table's rows for <paramref name="ids"/>.</summary>
    private static IQueryable<int> Linked(ArchiveDbContext db, string joinTable, string otherKey, IQueryable<int> ids) =>
        db.Set<Dictionary<string, object>>(joinTable).Where(j => ids.Contains(EF.Property<int>(j, "ArticlesId"))).Select(j => EF.Property<int>(j, otherKey));

    // Ties go to the lower key (the older entity, the earlier month) so that facets are stable.
    private static IQueryable<SearchFacetRow> Top(IQueryable<SearchFacetRow> buckets, int top) =>
        buckets.OrderByDescending(r => r.Count).ThenBy(r => r.Key).Take(top);
}
