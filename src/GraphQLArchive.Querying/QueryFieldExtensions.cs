using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Filtering;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Paging;
using GraphQLArchive.Querying.Projection;
using GraphQLArchive.Querying.Sorting;

namespace GraphQLArchive.Querying;

/// <summary>Root fields in Hot Chocolate's data conventions, over any <see cref="IQueryable{T}"/>.</summary>
public static class QueryFieldExtensions
{
    private const int MaxNodes = 50;

    /// <summary>
    /// A cursor connection <c>name(first, after, last, before, where, order): {Name}Connection</c>
    /// with keyset cursors, projection and <c>totalCount</c>.
    /// </summary>
    public static FieldType AddConnection<TNodeGraph, TEntity>(this IComplexGraphType type, string name,
        Func<IResolveFieldContext, IQueryable<TEntity>> source, string? description = null)
        where TNodeGraph : IObjectGraphType where TEntity : class
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        var field = new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new ConnectionGraphType(typeName, typeof(TNodeGraph)),
            Arguments = new QueryArguments(
                new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first _n_ elements from the list." },
                new QueryArgument<StringGraphType> { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." },
                new QueryArgument<IntGraphType> { Name = "last", Description = "Returns the last _n_ elements from the list." },
                new QueryArgument<StringGraphType> { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." },
                new QueryArgument<FilterInputType<TNodeGraph>> { Name = "where" },
                new QueryArgument<ListGraphType<NonNullGraphType<SortInputType<TNodeGraph>>>> { Name = "order" }),
        };
        field.Resolver = new FuncFieldResolver<object>(context =>
            new ValueTask<object?>(ConnectionResolver.ResolveAsync(context, source(context))));
        type.AddField(field);
        return field;
    }

    /// <summary>
    /// Offset paging, where page numbers serve a list better: <c>name(skip, take, where, order): {Name}CollectionSegment</c>.
    /// </summary>
    public static FieldType AddCollectionSegment<TNodeGraph, TEntity>(this IComplexGraphType type, string name,
        Func<IResolveFieldContext, IQueryable<TEntity>> source, string? description = null)
        where TNodeGraph : IObjectGraphType where TEntity : class
    {
        var field = new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new CollectionSegmentGraphType(char.ToUpperInvariant(name[0]) + name[1..], typeof(TNodeGraph)),
            Arguments = new QueryArguments(
                new QueryArgument<IntGraphType> { Name = "skip" },
                new QueryArgument<IntGraphType> { Name = "take" },
                new QueryArgument<FilterInputType<TNodeGraph>> { Name = "where" },
                new QueryArgument<ListGraphType<NonNullGraphType<SortInputType<TNodeGraph>>>> { Name = "order" }),
        };
        field.Resolver = new FuncFieldResolver<object>(context =>
            new ValueTask<object?>(CollectionSegmentResolver.ResolveAsync(context, source(context))));
        type.AddField(field);
        return field;
    }

    /// <summary><c>node(id: ID!): Node</c> and <c>nodes(ids: [ID!]!): [Node]!</c>, projected like any root field.</summary>
    public static void AddNodeFields(this IComplexGraphType type, NodeSources sources)
    {
        type.AddField(new FieldType
        {
            Name = "node",
            Description = "Fetches an object given its ID.",
            Type = typeof(NodeInterfaceType),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "ID of the object." }),
            Resolver = new FuncFieldResolver<object>(async ValueTask<object?> (context) =>
                (await LoadNodesAsync(context, sources, [context.GetArgument<string>("id")], expectedType: null))[0]),
        });
        type.AddField(new FieldType
        {
            Name = "nodes",
            Description = "Lookup nodes by a list of IDs.",
            Type = typeof(NonNullGraphType<ListGraphType<NodeInterfaceType>>),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>> { Name = "ids", Description = "The list of node IDs." }),
            Resolver = new FuncFieldResolver<object>(async ValueTask<object?> (context) =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > MaxNodes) throw QueryingErrors.TooManyIds(ids.Count, MaxNodes);
                return await LoadNodesAsync(context, sources, ids, expectedType: null);
            }),
        });
    }

    /// <summary><c>name(id: ID!): Type</c>: one entity by its global ID, projected.</summary>
    public static FieldType AddById<TNodeGraph>(this IComplexGraphType type, string name, NodeSources sources, string? description = null)
        where TNodeGraph : IObjectGraphType
    {
        var field = new FieldType
        {
            Name = name,
            Description = description,
            Type = typeof(TNodeGraph),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id" }),
            Resolver = new FuncFieldResolver<object>(async ValueTask<object?> (context) =>
                (await LoadNodesAsync(context, sources, [context.GetArgument<string>("id")], context.FieldDefinition.ResolvedType!.GetNamedType().Name))[0]),
        };
        type.AddField(field);
        return field;
    }

    private static async Task<IReadOnlyList<object?>> LoadNodesAsync(IResolveFieldContext context, NodeSources sources, IReadOnlyList<string> ids, string? expectedType)
    {
        var decoded = ids.Select(id =>
        {
            if (!GlobalId.TryDecode(id, out var typeName, out _) || (expectedType is not null && typeName != expectedType) || !sources.TryGet(typeName, out var source))
                throw QueryingErrors.InvalidId(id, expectedType);
            return (Id: id, TypeName: typeName, Key: GlobalId.TryDecodeKey(id, typeName, source.KeyType) ?? throw QueryingErrors.InvalidId(id, typeName), Source: source);
        }).ToList();

        var loaded = new Dictionary<(string, object), object>();
        foreach (var group in decoded.GroupBy(d => d.TypeName))
        {
            var graph = (IComplexGraphType)context.Schema.AllTypes[group.Key]!;
            var fields = Selections.Fields(context.FieldAst.SelectionSet, graph, context.Document);
            foreach (var entity in await group.First().Source.Load(context, group.Select(d => d.Key).Distinct().ToList(), graph, fields))
                loaded[(group.Key, ProjectedQuery.KeyOf(entity))] = entity;
        }
        return decoded.Select(d => loaded.GetValueOrDefault((d.TypeName, d.Key))).ToList();
    }
}
