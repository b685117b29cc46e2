namespace GraphQLArchive.Querying.Paging;

/// <summary>One page of a cursor connection, as resolved.</summary>
internal sealed record ConnectionResult(IReadOnlyList<EdgeResult> Edges, PageInfoResult PageInfo, int? TotalCount)
{
    public IEnumerable<object> Nodes => Edges.Select(e => e.Node);
}

internal sealed record EdgeResult(string Cursor, object Node);

internal sealed record PageInfoResult(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
