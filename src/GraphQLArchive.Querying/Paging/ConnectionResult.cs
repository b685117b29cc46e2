namespace GraphQLArchive.Querying.Paging;

/// <summary>One page of a cursor connection, as resolved.</summary>
internal sealed record ConnectionResult(IReadOnlyList<EdgeResult> Edges, PageInfoResult PageInfo, int? TotalCount)
{
    public IEnumerable<object> Nodes => Edges.Select(e => e.Node);
}

/// <summary>An edge; its cursor is signed only when a client selects it, since most pages select nodes alone.</summary>
internal sealed class EdgeResult(Func<string> cursor, object node)
{
    private string? _cursor;

    public string Cursor => _cursor ??= cursor();

    public object Node { get; } = node;
}

/// <summary>A connection's <c>pageInfo</c>: what <c>PageInfo</c> resolves from, for connections built outside this library.</summary>
public sealed class PageInfoResult
{
    private readonly Lazy<string?> _startCursor, _endCursor;

    public PageInfoResult(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
        : this(HasNextPage, HasPreviousPage, () => StartCursor, () => EndCursor) { }

    /// <summary>With cursors made only when selected.</summary>
    internal PageInfoResult(bool HasNextPage, bool HasPreviousPage, Func<string?> StartCursor, Func<string?> EndCursor)
    {
        this.HasNextPage = HasNextPage;
        this.HasPreviousPage = HasPreviousPage;
        _startCursor = new(StartCursor, LazyThreadSafetyMode.None);
        _endCursor = new(EndCursor, LazyThreadSafetyMode.None);
    }

    public bool HasNextPage { get; }

    public bool HasPreviousPage { get; }

    public string? StartCursor => _startCursor.Value;

    public string? EndCursor => _endCursor.Value;
}
