using System.Collections;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Projection;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Nodes;

/// <summary>Where each node type's entities come from, for <c>node</c>, <c>nodes</c> and the <c>…ById</c> fields.</summary>
public sealed class NodeSources
{
    private readonly Dictionary<string, NodeSource> _sources = [];

    public NodeSources Add<TEntity>(string typeName, Func<IResolveFieldContext, IQueryable<TEntity>> source) where TEntity : class
    {
        _sources[typeName] = new NodeSource(typeof(TEntity).GetProperty(EntityTypes.KeyName)!.PropertyType,
            (context, keys, graph, fields) => Load(context, source(context), keys, graph, fields));
        return this;
    }

    private static async Task<IReadOnlyList<object>> Load<TEntity>(IResolveFieldContext context, IQueryable<TEntity> source, IList keys,
        IComplexGraphType graph, IEnumerable<GraphQLField> fields) where TEntity : class =>
        await ProjectedQuery.ByKeysAsync(source, keys, graph, fields, context);

    internal bool TryGet(string typeName, out NodeSource source) => _sources.TryGetValue(typeName, out source!);

    internal sealed record NodeSource(Type KeyType, Func<IResolveFieldContext, IList, IComplexGraphType, IEnumerable<GraphQLField>, Task<IReadOnlyList<object>>> Load);
}
