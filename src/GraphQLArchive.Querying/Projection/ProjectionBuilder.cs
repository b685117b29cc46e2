using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Mapping;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Projection;

/// <summary>
/// Builds <c>x =&gt; new T { … }</c> holding exactly the columns and single navigations a selection asks for.
/// Nested lists are left to <see cref="NestedListLoader"/> (one statement per list for all parents) when the
/// source is a database, and projected inline over an in-memory source.
/// </summary>
internal static class ProjectionBuilder
{
    /// <summary>Members to read: a null child means a column, or a whole navigation's columns.</summary>
    internal sealed class Tree
    {
        public Dictionary<string, (PropertyInfo Property, Tree? Child)> Members { get; } = [];

        /// <summary>Values computed in SQL, assigned to unmapped members.</summary>
        public Dictionary<string, (PropertyInfo Property, LambdaExpression Expression)> Computed { get; } = [];

        /// <summary>For a collection: its list field's where / order / first.</summary>
        public ListArguments? Arguments { get; set; }

        public Tree Child(PropertyInfo property)
        {
            if (Members.TryGetValue(property.Name, out var existing) && existing.Child is { } child) return child;
            child = new Tree();
            Members[property.Name] = (property, child);
            return child;
        }

        public void Leaf(PropertyInfo property) => Members.TryAdd(property.Name, (property, null));
    }

    public static Tree Collect(IComplexGraphType graph, IEnumerable<GraphQLField> fields, IResolveFieldContext context, Tree? tree = null)
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
            if (member.Computed is not null)
            {
                tree.Computed[member.Path[^1].Name] = (member.Path[^1], member.Computed);
                continue;
            }
            if (member.Kind is MappedFieldKind.Scalar or MappedFieldKind.ScalarList)
            {
                AddPath(tree, member.Path);
                continue;
            }
            var childGraph = (IComplexGraphType)definition.ResolvedType!.GetNamedType();
            var child = member.Path.Aggregate(tree, (t, p) => t.Child(p));
            if (member.Kind == MappedFieldKind.ObjectList && ListArguments.From(graph, definition, field, member.ClrType, context) is { } arguments)
            {
                if (child.Arguments is not null && child.Arguments.Signature != arguments.Signature) throw ListArguments.Conflict(name);
                child.Arguments = arguments;
            }
            Collect(childGraph, Selections.Fields(field.SelectionSet, childGraph, context.Document), context, child);
        }
        return tree;
    }

    private static void AddPath(Tree tree, IReadOnlyList<PropertyInfo> path)
    {
        for (var i = 0; i < path.Count - 1; i++) tree = tree.Child(path[i]);
        tree.Leaf(path[^1]);
    }

    public static Expression<Func<T, T>> Lambda<T>(Tree tree, bool batched, bool nullsFirst = true)
    {
        var x = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, T>>(Build(x, tree, batched, nullsFirst), x);
    }

    /// <summary>
    /// The projection of <paramref name="source"/>; with <paramref name="batched"/>, collections stay empty, to be loaded after;
    /// without, they are projected inline and ordered as the database would (<paramref name="nullsFirst"/>).
    /// </summary>
    public static Expression Build(Expression source, Tree tree, bool batched, bool nullsFirst = true)
    {
        var type = source.Type;
        var bindings = new List<MemberBinding>();
        if (type.GetProperty(EntityTypes.KeyName) is { } key && !tree.Members.ContainsKey(key.Name))
            bindings.Add(Expression.Bind(key, Expression.Property(source, key)));
        foreach (var (property, computed) in tree.Computed.Values)
            bindings.Add(Expression.Bind(property, Expressions.Rebind(computed, source)));
        foreach (var (property, child) in tree.Members.Values)
        {
            var value = Expression.Property(source, property);
            if (EntityTypes.IsColumn(property.PropertyType))
                bindings.Add(Expression.Bind(property, value));
            else if (EntityTypes.ElementType(property.PropertyType) is { } elementType)
            {
                if (!batched) bindings.Add(Expression.Bind(property, Collection(value, elementType, child, nullsFirst)));
            }
            else
                bindings.Add(Expression.Bind(property, Expression.Condition(
                    Expression.Equal(value, Expression.Constant(null, property.PropertyType)),
                    Expression.Constant(null, property.PropertyType),
                    Build(value, child ?? AllColumns(property.PropertyType), batched, nullsFirst))));
        }
        return Expression.MemberInit(Expression.New(type), bindings);
    }

    /// <summary>In memory: <c>items.Where(…).OrderBy(…).Take(…).Select(y =&gt; new E { … }).ToList()</c>, in key order by default.</summary>
    private static Expression Collection(Expression items, Type elementType, Tree? child, bool nullsFirst)
    {
        var arguments = child?.Arguments ?? new ListArguments("", null, Sorting.SortKey.FromArgument(elementType, null, null), null);
        var y = Expression.Parameter(elementType, "y");
        var select = Expressions.Call(typeof(Enumerable), nameof(Enumerable.Select), [elementType, elementType],
            arguments.Apply(items, elementType, inMemory: true, nullsFirst), Expression.Lambda(Build(y, child ?? AllColumns(elementType), batched: false, nullsFirst), y));
        return Expressions.Call(typeof(Enumerable), nameof(Enumerable.ToList), [elementType], select);
    }

    internal static Tree AllColumns(Type type)
    {
        var tree = new Tree();
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && EntityTypes.IsColumn(p.PropertyType)))
            tree.Leaf(property);
        return tree;
    }
}
