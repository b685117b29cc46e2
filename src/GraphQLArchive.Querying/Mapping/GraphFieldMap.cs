using System.Collections.Concurrent;
using System.Reflection;
using GraphQL.Types;

namespace GraphQLArchive.Querying.Mapping;

/// <summary>
/// The fields of an object graph type that map to members of its source entity: the one place
/// that filtering, sorting and projection learn what a field means.
/// </summary>
internal static class GraphFieldMap
{
    private static readonly ConcurrentDictionary<IComplexGraphType, IReadOnlyList<MappedField>> Cache = new(ReferenceEqualityComparer.Instance);

    public static IReadOnlyList<MappedField> For(IComplexGraphType graph) => Cache.GetOrAdd(graph, Build);

    /// <summary>T for an <c>ObjectGraphType&lt;T&gt;</c>.</summary>
    public static Type SourceType(IComplexGraphType graph)
    {
        for (var t = graph.GetType(); t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ComplexGraphType<>))
                return t.GetGenericArguments()[0];
        }
        throw new InvalidOperationException($"Graph type {graph.Name} has no source type: derive it from ObjectGraphType<T>.");
    }

    private static IReadOnlyList<MappedField> Build(IComplexGraphType graph)
    {
        var source = SourceType(graph);
        var mapped = new List<MappedField>();
        foreach (var field in graph.Fields)
        {
            if (field.IsIgnored()) continue;
            var path = ResolvePath(source, field.MemberPath() ?? field.Name);
            if (path is null) continue;
            var graphType = NamedGraphType(field, out var isList);
            if (graphType is null) continue;
            var kind = typeof(ScalarGraphType).IsAssignableFrom(graphType)
                ? (isList ? MappedFieldKind.ScalarList : MappedFieldKind.Scalar)
                : (isList ? MappedFieldKind.ObjectList : MappedFieldKind.Object);
            mapped.Add(new MappedField(field, path, kind, graphType, field.ComputedExpression()));
        }
        return mapped;
    }

    internal static IReadOnlyList<PropertyInfo>? ResolvePath(Type source, string dottedPath)
    {
        var path = new List<PropertyInfo>();
        var type = source;
        foreach (var part in dottedPath.Split('.'))
        {
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null) return null;
            path.Add(property);
            type = property.PropertyType;
        }
        return path;
    }

    /// <summary>The field's graph type with NonNull and one List level removed.</summary>
    private static Type? NamedGraphType(FieldType field, out bool isList)
    {
        isList = false;
        var type = field.Type ?? field.ResolvedType?.GetType();
        if (type is null) return null;
        type = UnwrapNonNull(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ListGraphType<>))
        {
            isList = true;
            type = UnwrapNonNull(type.GetGenericArguments()[0]);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition().Name.StartsWith("GraphQLClr", StringComparison.Ordinal))
            throw new InvalidOperationException($"Field '{field.Name}': declare its graph type explicitly so that it can be filtered and sorted.");
        return type;
    }

    private static Type UnwrapNonNull(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) ? type.GetGenericArguments()[0] : type;
}
