using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Paging;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Projection;

/// <summary>Entities by key, projected to a selection: one SQL statement for any number of keys, then one per nested list.</summary>
internal static class ProjectedQuery
{
    public static async Task<IReadOnlyList<T>> ByKeysAsync<T>(IQueryable<T> source, IList keys, IComplexGraphType graph,
        IEnumerable<GraphQLField> fields, IResolveFieldContext context) where T : class
    {
        var x = Expression.Parameter(typeof(T), "x");
        var key = Expression.Property(x, EntityTypes.KeyName);
        var typedKeys = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(key.Type))!;
        foreach (var k in keys) typedKeys.Add(k);
        var contains = Expressions.Contains(typedKeys, key);
        var projection = new NodeProjection<T>(ProjectionBuilder.Collect(graph, fields, context), source, context);
        var nodes = await ConnectionResolver.ToListAsync(source.Where(Expression.Lambda<Func<T, bool>>(contains, x)).Select(projection.Selector), context.CancellationToken);
        await projection.LoadListsAsync(nodes, context.CancellationToken);
        return nodes;
    }

    public static object KeyOf(object entity) => entity.GetType().GetProperty(EntityTypes.KeyName)!.GetValue(entity)!;
}
