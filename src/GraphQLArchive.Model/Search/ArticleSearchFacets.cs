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
    /// The total and the top <paramref name="top"/> officials, locations, projects, journalists and
    /// months among <paramref name="matching"/> (the whole result set, not a page). The matching ids are
    /// read once, because finding them can cost a scan (1–2-character terms); then each facet is a
    /// GROUP BY over those articles' join rows, all five as one UNION ALL statement: two statements in all.
    /// </summary>
    public static async Task<IReadOnlyList<SearchFacetRow>> ComputeAsync(IQueryable<Article> matching, IQueryable<Article> articles, int top,
        CancellationToken cancellationToken = default)
    {
        var ids = await matching.Select(a => a.Id).ToListAsync(cancellationToken);
        matching = articles.Where(a => ids.Contains(a.Id));
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

        var buckets = await officials.Concat(locations).Concat(projects).Concat(journalists).Concat(months).ToListAsync(cancellationToken);
        return [new SearchFacetRow { Kind = SearchFacetKind.Total, Key = 0, Name = "", Count = ids.Count }, .. buckets];
    }

    // Ties go to the lower key (the older entity, the earlier month) so that facets are stable.
    private static IQueryable<SearchFacetRow> Top(IQueryable<SearchFacetRow> buckets, int top) =>
        buckets.OrderByDescending(r => r.Count).ThenBy(r => r.Key).Take(top);
}
