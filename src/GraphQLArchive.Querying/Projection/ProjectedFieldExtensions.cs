using System.Collections;
using GraphQL;
using GraphQL.Types;

namespace GraphQLArchive.Querying.Projection;

/// <summary>For fields outside the query root (a mutation's payload) that return entities: projected like a root field.</summary>
public static class ProjectedFieldExtensions
{
    /// <summary>
    /// The entities of <paramref name="source"/> with the given keys, projected to what this field selects, in
    /// one SQL statement, in the order of <paramref name="keys"/>.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ProjectByKeysAsync<T>(this IResolveFieldContext context, IQueryable<T> source, IList keys) where T : class
    {
        var graph = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
        var fields = Selections.Fields(context.FieldAst.SelectionSet, graph, context.Document);
        var loaded = await ProjectedQuery.ByKeysAsync(source, keys, graph, fields, context);
        var byKey = loaded.ToDictionary(ProjectedQuery.KeyOf);
        return keys.Cast<object>().Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
    }
}
