using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Filtering;
using GraphQLArchive.Querying.Paging;
using GraphQLArchive.Querying.Projection;

namespace GraphQLArchive.Querying;

/// <summary>
/// The conventions as building blocks, for a root field that assembles its own query (a search, say)
/// but filters and projects its nodes exactly as a generated connection does.
/// </summary>
public static class QueryableFieldExtensions
{
    /// <summary>The <c>where: {Node}FilterInput</c> argument that the node type's connections take.</summary>
    public static QueryArgument WhereArgument<TNodeGraph>() where TNodeGraph : IComplexGraphType =>
        new QueryArgument<FilterInputType<TNodeGraph>> { Name = "where" };

    /// <summary>
    /// The field's <c>first</c> and <c>last</c>, checked against Hot Chocolate's limits (HC0079 below 0,
    /// HC0051 above 50); with neither given, <c>first</c> is the default page size.
    /// </summary>
    public static (int? First, int? Last) PageSize(this IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        foreach (var requested in new[] { first, last })
        {
            if (requested < 0) throw QueryingErrors.NegativePageSize();
            if (requested > QueryingErrors.MaxPageSize) throw QueryingErrors.MaxPageSizeExceeded(requested.Value);
        }
        return first is null && last is null ? (QueryingErrors.DefaultPageSize, null) : (first, last);
    }

    /// <summary><paramref name="source"/> filtered by the field's <c>where</c> argument, when one is given.</summary>
    public static IQueryable<T> ApplyWhere<T>(this IResolveFieldContext context, IQueryable<T> source) =>
        ConnectionResolver.Filter(context, source);

    /// <summary>
    /// What the field's connection selection asks of each node (under <c>nodes</c> and <c>edges.node</c>; the field's
    /// type must have both): a selector for the statement that reads the nodes from <paramref name="source"/>'s
    /// database, then their nested lists, loaded for all of them at once.
    /// </summary>
    public static NodeProjection<T> ConnectionNodeProjection<T>(this IResolveFieldContext context, IQueryable<T> source) where T : class
    {
        var (connectionType, selected) = ConnectionResolver.FieldSelection(context);
        return ConnectionResolver.Nodes(context, source, connectionType, selected);
    }

    /// <summary>
    /// Whether the field's selection reaches <paramref name="path"/>, e.g. <c>("edges", "highlights")</c>,
    /// through fragments too: so that a resolver reads what a costly field needs only when it is asked for.
    /// </summary>
    public static bool Selects(this IResolveFieldContext context, params string[] path)
    {
        IEnumerable<GraphQLParser.AST.GraphQLField> level = [context.FieldAst];
        var type = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
        foreach (var name in path)
        {
            var current = type;
            level = level.SelectMany(f => Selections.Named(Selections.Fields(f.SelectionSet, current, context.Document), name)).ToList();
            if (!level.Any()) return false;
            if (current.GetField(name)?.ResolvedType?.GetNamedType() is IComplexGraphType next) type = next;
        }
        return true;
    }

    /// <summary>
    /// The entities of <paramref name="source"/> with the given keys, projected to what this field selects, in
    /// one SQL statement, in the order of <paramref name="keys"/>: for fields outside the query root, such as a
    /// mutation's payload.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ProjectByKeysAsync<T>(this IResolveFieldContext context, IQueryable<T> source, System.Collections.IList keys) where T : class
    {
        var graph = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
        var fields = Selections.Fields(context.FieldAst.SelectionSet, graph, context.Document);
        var loaded = await ProjectedQuery.ByKeysAsync(source, keys, graph, fields, context);
        var byKey = loaded.ToDictionary(ProjectedQuery.KeyOf);
        return keys.Cast<object>().Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
    }
}
