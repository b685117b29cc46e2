using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Filtering;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Projection;
using GraphQLArchive.Querying.Sorting;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Querying.Paging;

/// <summary>
/// Resolves a cursor connection over an <see cref="IQueryable{T}"/>: filter, order, keyset bounds, the nodes'
/// columns and page size in one SQL statement; then each nested list for the whole page in one statement;
/// and a COUNT only when <c>totalCount</c> is selected.
/// </summary>
internal static class ConnectionResolver
{
    public static async Task<object?> ResolveAsync<T>(IResolveFieldContext context, IQueryable<T> source) where T : class
    {
        var (first, last) = context.PageSize();

        var query = Filter(context, source);
        var keys = SortKeys<T>(context);
        var ordering = typeof(T).Name + ":" + string.Join(',', keys.Select(k => k.Name + (k.Descending ? " DESC" : " ASC")));
        var keyTypes = keys.Select(k => k.Key.ReturnType).ToList();

        var (connectionType, selected) = FieldSelection(context);
        var totalCount = await TotalCountAsync(query, selected, context.CancellationToken);

        var after = Cursor(context, "after", ordering, keyTypes);
        var before = Cursor(context, "before", ordering, keyTypes);
        var nullsSortFirst = QueryingOptions.Of(context).NullsSortFirst;
        // Each cursor splits into ranges; the page is read from every range's intersection, each seeking its index.
        IReadOnlyList<Expression<Func<T, bool>>?> ranges = [null];
        if (after is not null) ranges = Intersect(ranges, KeysetPredicate.After<T>(keys, after, reverse: false, nullsSortFirst));
        if (before is not null) ranges = Intersect(ranges, KeysetPredicate.After<T>(keys, before, reverse: true, nullsSortFirst));

        var backward = first is null;
        var size = first ?? last!.Value;
        var page = ranges
            .Select(range => SortKey.Apply(range is null ? query : query.Where(range), keys, reverse: backward, nullsFirst: nullsSortFirst).Take(size + 1))
            .Aggregate((all, next) => all.Concat(next));
        if (ranges.Count > 1) page = SortKey.Apply(page, keys, reverse: backward, nullsFirst: nullsSortFirst).Take(size + 1);

        var projection = Nodes(context, source, connectionType, selected);
        var rows = await ToListAsync(page.Select(RowProjection(projection, keys)), context.CancellationToken);

        var hasMore = rows.Count > size;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        if (backward) rows.Reverse();
        var trimmedFront = first is not null && last is not null && rows.Count > last;
        if (trimmedFront) rows.RemoveRange(0, rows.Count - last!.Value);
        await projection.LoadListsAsync(rows.Select(r => (T)r.Node).ToList(), context.CancellationToken);

        var edges = rows.Select(r => new EdgeResult(() => KeysetCursor.Encode(ordering, r.Keys), r.Node)).ToList();
        var pageInfo = new PageInfoResult(
            HasNextPage: backward ? before is not null : hasMore,
            HasPreviousPage: backward ? hasMore : after is not null || trimmedFront,
            StartCursor: () => edges.FirstOrDefault()?.Cursor,
            EndCursor: () => edges.LastOrDefault()?.Cursor);
        return new ConnectionResult(edges, pageInfo, totalCount);
    }

    private static IReadOnlyList<Expression<Func<T, bool>>?> Intersect<T>(IReadOnlyList<Expression<Func<T, bool>>?> left, IReadOnlyList<Expression<Func<T, bool>>> right) =>
        left.SelectMany(l => right.Select(r => l is null ? r
            : Expression.Lambda<Func<T, bool>>(Expression.AndAlso(l.Body, Expressions.Rebind(r, l.Parameters[0])), l.Parameters[0]))).ToList();

    internal static IReadOnlyList<SortKey> SortKeys<T>(IResolveFieldContext context) =>
        SortKey.FromArgument(typeof(T), context.FieldDefinition.Arguments!.Find("order")!.ResolvedType, context.GetArgument<object?>("order"));

    /// <summary>The field's own object type (connection or segment) and the fields selected on it.</summary>
    internal static (IComplexGraphType Type, List<GraphQLField> Selected) FieldSelection(IResolveFieldContext context)
    {
        var type = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
        return (type, Selections.Fields(context.FieldAst.SelectionSet, type, context.Document).ToList());
    }

    /// <summary>What the connection's <c>nodes { … }</c> and <c>edges { node { … } }</c> selections read of each node.</summary>
    internal static NodeProjection<T> Nodes<T>(IResolveFieldContext context, IQueryable<T> source, IComplexGraphType connectionType, IReadOnlyList<GraphQLField> selected)
        where T : class =>
        new(NodeTree(context, connectionType, selected), source, context);

    private static ProjectionBuilder.Tree NodeTree(IResolveFieldContext context, IComplexGraphType connectionType, IReadOnlyList<GraphQLField> selected)
    {
        var nodeType = ListItemType(connectionType, "nodes");
        var nodeFields = Selections.Named(selected, "nodes")
            .Concat(Selections.Named(selected, "edges").SelectMany(edges =>
                Selections.Named(Selections.Fields(edges.SelectionSet, ListItemType(connectionType, "edges"), context.Document), "node")))
            .SelectMany(f => Selections.Fields(f.SelectionSet, nodeType, context.Document));
        return ProjectionBuilder.Collect(nodeType, nodeFields, context);
    }

    /// <summary>The element type of one of the field's list fields, e.g. <c>Article</c> under <c>nodes</c>.</summary>
    internal static IComplexGraphType ListItemType(IComplexGraphType type, string listField) =>
        (IComplexGraphType)type.GetField(listField)!.ResolvedType!.GetNamedType();

    /// <summary>A COUNT only when <c>totalCount</c> is selected.</summary>
    internal static async Task<int?> TotalCountAsync<T>(IQueryable<T> query, IEnumerable<GraphQLField> selected, CancellationToken cancellationToken) =>
        Selections.Named(selected, "totalCount").Any() ? await CountAsync(query, cancellationToken) : null;

    internal static IQueryable<T> Filter<T>(IResolveFieldContext context, IQueryable<T> source)
    {
        if (context.GetArgument<IDictionary<string, object?>?>("where") is not { } where) return source;
        var filterType = (IInputObjectGraphType)context.FieldDefinition.Arguments!.Find("where")!.ResolvedType!.GetNamedType();
        var predicate = FilterTranslator.ToPredicate<T>(filterType, where);
        if (Databases.ContextOf(source) is not { } db) return source.Where(predicate);
        predicate = MembershipRewriter.Rewrite(db, predicate);
        foreach (var rewriter in context.RequestServices?.GetServices<IFilterRewriter>() ?? [])
            predicate = (Expression<Func<T, bool>>)rewriter.Rewrite(db, predicate);
        return source.Where(predicate);
    }

    private static object?[]? Cursor(IResolveFieldContext context, string argument, string ordering, IReadOnlyList<Type> keyTypes)
    {
        var cursor = context.GetArgument<string?>(argument);
        if (cursor is null) return null;
        return KeysetCursor.TryDecode(cursor, ordering, keyTypes, out var values) ? values : throw QueryingErrors.InvalidCursor(argument, cursor);
    }

    private static Expression<Func<T, KeysetRow>> RowProjection<T>(NodeProjection<T> projection, IReadOnlyList<SortKey> keys) where T : class
    {
        var x = Expression.Parameter(typeof(T), "x");
        var keyValues = keys.Select(k => (Expression)Expression.Convert(Expressions.Rebind(k.Key, x), typeof(object)));
        var row = Expression.MemberInit(Expression.New(typeof(KeysetRow)),
            Expression.Bind(typeof(KeysetRow).GetProperty(nameof(KeysetRow.Node))!, projection.Build(x)),
            Expression.Bind(typeof(KeysetRow).GetProperty(nameof(KeysetRow.Keys))!, Expression.NewArrayInit(typeof(object), keyValues)));
        return Expression.Lambda<Func<T, KeysetRow>>(row, x);
    }

    private static async Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        if (query.Provider is not IAsyncQueryProvider provider) return query.Count();
        return MembershipRewriter.DistinctKeyCount(query.Expression) is { } distinctKeys
            ? await provider.ExecuteAsync<Task<int>>(distinctKeys, cancellationToken)
            : await query.CountAsync(cancellationToken);
    }

    internal static async Task<List<TResult>> ToListAsync<TResult>(IQueryable<TResult> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? await query.ToListAsync(cancellationToken) : query.ToList();

    /// <summary>A projected node with the values of its sort keys, from which its cursor is made.</summary>
    internal sealed class KeysetRow
    {
        public object Node { get; set; } = null!;
        public object?[] Keys { get; set; } = [];
    }
}
