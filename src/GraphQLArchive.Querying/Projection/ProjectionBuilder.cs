using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Mapping;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Projection;

/// <summary>
/// Builds <c>x =&gt; new T { … }</c> holding exactly the columns and navigations a selection asks for,
/// so that a root field reads what it returns in one SQL statement, however deep the selection.
/// </summary>
internal static class ProjectionBuilder
{
    /// <summary>Members to read: a null child means a column, or a whole navigation's columns.</summary>
    internal sealed class Tree
    {
        public Dictionary<string, (PropertyInfo Property, Tree? Child)> Members { get; } = [];

        public Tree Child(PropertyInfo property)
        {
            if (Members.TryGetValue(property.Name, out var existing) && existing.Child is { } child) return child;
            child = new Tree();
            Members[property.Name] = (property, child);
            return child;
        }

        public void Leaf(PropertyInfo property) => Members.TryAdd(property.Name, (property, null));
    }

    public static Tree Collect(IComplexGraphType graph, IEnumerable<GraphQLField> fields, GraphQLDocument document, Tree? tree = null)
    {
        tree ??= new Tree();
        var source = GraphFieldMap.SourceType(graph);
        var mapped = GraphFieldMap.For(graph).ToDictionary(m => m.Name);
        foreach (var field in fields)
        {
            var name = field.Name.StringValue;
            if (graph.GetField(name) is not { } definition) continue;
            foreach (var path in definition.RequiredPaths())
                AddPath(tree, GraphFieldMap.ResolvePath(source, path)
                    ?? throw new InvalidOperationException($"{graph.Name}.{name} requires unknown member path {path}."));
            if (!mapped.TryGetValue(name, out var member)) continue;
            if (member.Kind is MappedFieldKind.Scalar or MappedFieldKind.ScalarList)
            {
                AddPath(tree, member.Path);
                continue;
            }
            var childGraph = (IComplexGraphType)definition.ResolvedType!.GetNamedType();
            var child = member.Path.Aggregate(tree, (t, p) => t.Child(p));
            Collect(childGraph, Selections.Fields(field.SelectionSet, childGraph, document), document, child);
        }
        return tree;
    }

    private static void AddPath(Tree tree, IReadOnlyList<PropertyInfo> path)
    {
        for (var i = 0; i < path.Count - 1; i++) tree = tree.Child(path[i]);
        tree.Leaf(path[^1]);
    }

    public static Expression<Func<T, T>> Lambda<T>(Tree tree)
    {
        var x = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, T>>(Build(x, tree), x);
    }

    public static Expression Build(Expression source, Tree tree)
    {
        var type = source.Type;
        var bindings = new List<MemberBinding>();
        if (type.GetProperty(EntityTypes.KeyName) is { } key && !tree.Members.ContainsKey(key.Name))
            bindings.Add(Expression.Bind(key, Expression.Property(source, key)));
        foreach (var (property, child) in tree.Members.Values)
        {
            var value = Expression.Property(source, property);
            if (EntityTypes.IsColumn(property.PropertyType))
            {
                bindings.Add(Expression.Bind(property, value));
            }
            else if (EntityTypes.ElementType(property.PropertyType) is { } elementType)
            {
                var y = Expression.Parameter(elementType, "y");
                var element = Build(y, child ?? AllColumns(elementType));
                Expression items = value;
                if (elementType.GetProperty(EntityTypes.KeyName) is { } elementKey)
                    items = Expression.Call(Expressions.EnumerableMethod(nameof(Enumerable.OrderBy), 2, elementType).GetGenericMethodDefinition()
                        .MakeGenericMethod(elementType, elementKey.PropertyType), items, Expression.Lambda(Expression.Property(y, elementKey), y));
                var select = Expression.Call(typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Select) && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2)
                    .MakeGenericMethod(elementType, elementType), items, Expression.Lambda(element, y));
                bindings.Add(Expression.Bind(property, Expression.Call(Expressions.EnumerableMethod(nameof(Enumerable.ToList), 1, elementType), select)));
            }
            else
            {
                var inner = Build(value, child ?? AllColumns(property.PropertyType));
                bindings.Add(Expression.Bind(property, Expression.Condition(
                    Expression.Equal(value, Expression.Constant(null, property.PropertyType)),
                    Expression.Constant(null, property.PropertyType), inner)));
            }
        }
        return Expression.MemberInit(Expression.New(type), bindings);
    }

    private static Tree AllColumns(Type type)
    {
        var tree = new Tree();
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && EntityTypes.IsColumn(p.PropertyType)))
            tree.Leaf(property);
        return tree;
    }
}
