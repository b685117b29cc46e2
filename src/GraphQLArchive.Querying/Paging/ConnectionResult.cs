namespace GraphQLArchive.Querying.Paging;

/// <summary>One page of a cursor connection, as resolved.</summary>
internal sealed record ConnectionResult(IReadOnlyList<EdgeResult> Edges, PageInfoResult PageInfo, int? TotalCount)
{
    public IEnumerable<object> Nodes => Edges.Select(e => e.Node);
}

internal sealed record EdgeResult(string Cursor, object Node);

/// <summary>A connection's <c>pageInfo</c>: what <c>PageInfo</c> resolves from, for connections built outside this library.</summary>
public sealed record PageInfoResult(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
