using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Querying.Paging;

namespace GraphQLArchive.Api.Search;

/// <summary>One page of search results; facets are computed only when selected, over the whole result set.</summary>
internal sealed record SearchConnectionResult(
    IReadOnlyList<SearchEdgeResult> Edges,
    PageInfoResult PageInfo,
    int? TotalCount,
    Func<int, CancellationToken, Task<IReadOnlyList<SearchFacetRow>>> Facets)
{
    public IEnumerable<Article> Nodes => Edges.Select(e => e.Node);
}

internal sealed record SearchEdgeResult(string Cursor, Article Node, double Score, IReadOnlyList<SearchHighlight> Highlights);

public enum SearchField { Headline, Subheadline, Kicker, Body, Caption }

/// <summary>A matched fragment of one field: <see cref="Text"/> is plain, <see cref="Matches"/> index into it.</summary>
internal sealed record SearchHighlight(SearchField Field, string Text, string Snippet, IReadOnlyList<SearchMatch> Matches);

/// <summary>A match in a highlight's text: UTF-16 offset and length, as JavaScript's String indexes it.</summary>
internal sealed record SearchMatch(int Start, int Length);

/// <summary>What highlighting reads of a hit, loaded in the page's statement only when highlights are selected.</summary>
internal sealed class SearchTexts
{
    public string Headline { get; set; } = "";
    public string? Subheadline { get; set; }
    public string? Kicker { get; set; }
    public string Body { get; set; } = "";
    /// <summary>The photo captions, one a line.</summary>
    public string Captions { get; set; } = "";
}

/// <summary>The search's intermediate row: the article joined to its score.</summary>
internal sealed class SearchJoin
{
    public Article Article { get; set; } = null!;
    public double Score { get; set; }
    /// <summary>The article's id as the hits table holds it: ordering by it and the score walks that table's rank index.</summary>
    public int HitId { get; set; }
}

/// <summary>A page row: the projected node, its sort keys, and the texts to highlight.</summary>
internal sealed class SearchRow
{
    public Article Node { get; set; } = null!;
    public int Id { get; set; }
    public double Score { get; set; }
    public DateOnly Date { get; set; }
    public SearchTexts? Texts { get; set; }
}
