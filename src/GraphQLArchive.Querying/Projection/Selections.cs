using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Projection;

/// <summary>The fields a selection set asks of a type, with fragment spreads and inline fragments expanded.</summary>
internal static class Selections
{
    public static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? set, IComplexGraphType type, GraphQLDocument document)
    {
        if (set is null) yield break;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline when Applies(inline.TypeCondition, type):
                    foreach (var f in Fields(inline.SelectionSet, type, document)) yield return f;
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name.Value.Span.SequenceEqual(spread.FragmentName.Name.Value.Span));
                    if (definition is not null && Applies(definition.TypeCondition, type))
                        foreach (var f in Fields(definition.SelectionSet, type, document)) yield return f;
                    break;
            }
        }
    }

    /// <summary>Sub-fields named <paramref name="name"/>, e.g. every <c>nodes</c> selection of a connection.</summary>
    public static IEnumerable<GraphQLField> Named(IEnumerable<GraphQLField> fields, string name) =>
        fields.Where(f => f.Name.StringValue == name);

    private static bool Applies(GraphQLTypeCondition? condition, IComplexGraphType type)
    {
        if (condition is null) return true;
        var name = condition.Type.Name.StringValue;
        return name == type.Name || (type is IObjectGraphType o && o.ResolvedInterfaces.Any(i => i.Name == name));
    }
}
