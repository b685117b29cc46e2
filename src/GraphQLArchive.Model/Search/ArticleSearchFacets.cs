using GraphQLArchive.Model.Articles;
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
    /// The total and the top <paramref name="top"/> officials, locations, projects, journalists and months among
    /// <paramref name="matching"/> (the whole result set, not a page): each a GROUP BY over those articles' join rows,
    /// all in one UNION ALL statement. <paramref name="matching"/> should read the hits of the search, as
    /// <see cref="IArticleSearchIndex.FindAsync"/> keeps them, so that the database joins them and no id travels.
    /// </summary>
    public static async Task<IReadOnlyList<SearchFacetRow>> ComputeAsync(IQueryable<Article> matching, int top,
        CancellationToken cancellationToken = default)
    {
        var total = matching.GroupBy(a => 1).Select(g => new SearchFacetRow { Kind = SearchFacetKind.Total, Key = 0, Name = "", Count = g.Count() });
        var officials = Top(matching.SelectMany(a => a.Appearances).GroupBy(x => new { Id = x.OfficialId, x.Official!.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Official, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var locations = Top(matching.SelectMany(a => a.Locations).GroupBy(x => new { x.Id, x.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Location, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var projects = Top(matching.SelectMany(a => a.Projects).GroupBy(x => new { x.Id, x.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Project, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var journalists = Top(matching.SelectMany(a => a.Journalists).GroupBy(x => new { x.Id, x.Name })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Journalist, Key = g.Key.Id, Name = g.Key.Name, Count = g.Count() }), top);
        var months = Top(matching.Where(a => a.EventDate != null).GroupBy(a => new { a.EventDate!.Value.Year, a.EventDate.Value.Month })
            .Select(g => new SearchFacetRow { Kind = SearchFacetKind.Month, Key = g.Key.Year * 100 + g.Key.Month, Name = "", Count = g.Count() }), top);

        var rows = await total.Concat(officials).Concat(locations).Concat(projects).Concat(journalists).Concat(months).ToListAsync(cancellationToken);
        // No hit at all: the grouped total has no row.
        return rows.Any(r => r.Kind == SearchFacetKind.Total) ? rows : [new SearchFacetRow { Kind = SearchFacetKind.Total }, .. rows];
    }

    // Ties go to the lower key (the older entity, the earlier month) so that facets are stable.
    private static IQueryable<SearchFacetRow> Top(IQueryable<SearchFacetRow> buckets, int top) =>
        buckets.OrderByDescending(r => r.Count).ThenBy(r => r.Key).Take(top);
}
