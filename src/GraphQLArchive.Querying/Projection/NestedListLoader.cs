using System.Linq.Expressions;
using System.Reflection;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Sorting;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Querying.Projection;

/// <summary>
/// Loads the nested lists of a projection for every parent already read, one SQL statement per list field
/// per level, keyed by the parents' keys, so that each statement seeks an index instead of reading a whole
/// child table. Items are stitched into the parents' collection members.
/// </summary>
internal static class NestedListLoader
{
    public static async Task LoadAsync(DbContext db, QueryingOptions options, Type type, IReadOnlyList<object> parents, ProjectionBuilder.Tree tree,
        CancellationToken cancellationToken)
    {
        if (parents.Count == 0) return;
        foreach (var (property, child) in tree.Members.Values)
        {
            if (EntityTypes.IsColumn(property.PropertyType)) continue;
            if (EntityTypes.ElementType(property.PropertyType) is { } elementType)
            {
                var itemTree = child ?? ProjectionBuilder.AllColumns(elementType);
                var load = LoadListMethod.MakeGenericMethod(type, elementType, type.GetProperty(EntityTypes.KeyName)!.PropertyType);
                var items = await (Task<List<object>>)load.Invoke(null, [db, options, parents, property, itemTree, cancellationToken])!;
                await LoadAsync(db, options, elementType, items, itemTree, cancellationToken);
            }
            else if (child is not null)
            {
                var referenced = parents.Select(property.GetValue).OfType<object>().ToList();
                await LoadAsync(db, options, property.PropertyType, referenced, child, cancellationToken);
            }
        }
    }

    private static readonly MethodInfo LoadListMethod = typeof(NestedListLoader).GetMethod(nameof(LoadListAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<List<object>> LoadListAsync<TParent, TItem, TKey>(DbContext db, QueryingOptions options, IReadOnlyList<object> parents,
        PropertyInfo navigation, ProjectionBuilder.Tree itemTree, CancellationToken cancellationToken)
        where TParent : class where TItem : class where TKey : notnull
    {
        var keyProperty = typeof(TParent).GetProperty(EntityTypes.KeyName)!;
        var keys = parents.Select(p => (TKey)keyProperty.GetValue(p)!).Distinct().ToList();
        var rows = await Query<TParent, TItem, TKey>(db, options, keys, navigation, itemTree).ToListAsync(cancellationToken);

        var byParent = rows.GroupBy(r => r.ParentKey).ToDictionary(g => g.Key, g => g.Select(r => r.Item).ToList());
        foreach (var parent in parents)
            navigation.SetValue(parent, byParent.TryGetValue((TKey)keyProperty.GetValue(parent)!, out var items) ? new List<TItem>(items) : new List<TItem>());
        return rows.Select(r => (object)r.Item).ToList();
    }

    /// <summary>
    /// The items of <paramref name="navigation"/> for the parents with <paramref name="keys"/>, filtered, ordered and cut per parent:
    /// <list type="bullet">
    /// <item>without a page size, a join from the parents to their items;</item>
    /// <item>with one, where the database has lateral joins (PostgreSQL), a LATERAL join to each parent's first items, which
    /// seeks the child index per parent. EF Core writes one only when the correlation is not a plain column equality;
    /// given the navigation, it writes a window over the whole child table instead;</item>
    /// <item>otherwise (SQLite) each item is kept when its key is among its parent's first items: a correlated subquery that
    /// seeks the child index once per parent.</item>
    /// </list>
    /// </summary>
    private static IQueryable<ListRow<TKey, TItem>> Query<TParent, TItem, TKey>(DbContext db, QueryingOptions options, List<TKey> keys,
        PropertyInfo navigation, ProjectionBuilder.Tree itemTree)
        where TParent : class where TItem : class where TKey : notnull
    {
        var arguments = itemTree.Arguments;
        var p = Expression.Parameter(typeof(TParent), "p");
        var inKeys = Expression.Lambda<Func<TParent, bool>>(Expressions.Contains(keys, Expression.Property(p, EntityTypes.KeyName), asOneParameter: true), p);
        var parentsQuery = db.Set<TParent>().Where(inKeys);

        // The list field's where / order / first over one parent's items; lists read for a computed field (no arguments) whole.
        Expression Items(Expression parent, bool lateral = false)
        {
            if (arguments is null) return Expression.Property(parent, navigation);
            Expression items = lateral
                ? Expressions.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TItem)], Databases.SetOf(db, typeof(TItem)), ItemsOf<TParent, TItem>(db, navigation, parent))
                : Expression.Property(parent, navigation);
            return arguments.Apply(items, typeof(TItem), inMemory: false);
        }

        var c = Expression.Parameter(typeof(TItem), "c");
        var pair = Expression.Lambda<Func<TParent, TItem, Pair<TParent, TItem>>>(Expression.MemberInit(Expression.New(typeof(Pair<TParent, TItem>)),
            Expression.Bind(typeof(Pair<TParent, TItem>).GetProperty(nameof(Pair<TParent, TItem>.Parent))!, p),
            Expression.Bind(typeof(Pair<TParent, TItem>).GetProperty(nameof(Pair<TParent, TItem>.Item))!, c)), p, c);

        IQueryable<Pair<TParent, TItem>> pairs;
        if (arguments is null || options.LateralJoins)
        {
            pairs = parentsQuery.SelectMany(Expression.Lambda<Func<TParent, IEnumerable<TItem>>>(Items(p, lateral: options.LateralJoins), p), pair);
        }
        else
        {
            var everyItem = Expression.Lambda<Func<TParent, IEnumerable<TItem>>>(Databases.SetOf(db, typeof(TItem)), p);
            var pc = Expression.Parameter(typeof(Pair<TParent, TItem>), "pc");
            var parent = Expression.Property(pc, nameof(Pair<TParent, TItem>.Parent));
            var item = Expression.Property(pc, nameof(Pair<TParent, TItem>.Item));
            var y = Expression.Parameter(typeof(TItem), "y");
            var itemKeyType = typeof(TItem).GetProperty(EntityTypes.KeyName)!.PropertyType;
            var firstKeys = Expressions.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TItem), itemKeyType],
                Items(parent), Expression.Lambda(Expression.Property(y, EntityTypes.KeyName), y));
            var kept = Expression.Call(Expressions.EnumerableMethod(nameof(Enumerable.Contains), 2, itemKeyType), firstKeys, Expression.Property(item, EntityTypes.KeyName));
            pairs = parentsQuery.SelectMany(everyItem, pair).Where(Expression.Lambda<Func<Pair<TParent, TItem>, bool>>(kept, pc));
        }

        // Parent by parent, each in its list's order (by key when none was asked for).
        var order = arguments?.Order ?? SortKey.FromArgument(typeof(TItem), null, null);
        var row = Expression.Parameter(typeof(Pair<TParent, TItem>), "row");
        var rowParentKey = Expression.Property(Expression.Property(row, nameof(Pair<TParent, TItem>.Parent)), EntityTypes.KeyName);
        var rowItem = Expression.Property(row, nameof(Pair<TParent, TItem>.Item));
        var rowKeys = order.Select(k => k with { Key = Expression.Lambda(Expressions.Rebind(k.Key, rowItem), row) }).ToList();
        var ordered = SortKey.Apply(pairs.OrderBy(Expression.Lambda<Func<Pair<TParent, TItem>, TKey>>(rowParentKey, row)), rowKeys, thenBy: true);

        var select = Expression.Lambda<Func<Pair<TParent, TItem>, ListRow<TKey, TItem>>>(Expression.MemberInit(Expression.New(typeof(ListRow<TKey, TItem>)),
            Expression.Bind(typeof(ListRow<TKey, TItem>).GetProperty(nameof(ListRow<TKey, TItem>.ParentKey))!, rowParentKey),
            Expression.Bind(typeof(ListRow<TKey, TItem>).GetProperty(nameof(ListRow<TKey, TItem>.Item))!, ProjectionBuilder.Build(rowItem, itemTree, batched: true))), row);
        return ordered.Select(select);
    }

    /// <summary>
    /// Whether an item is one of <paramref name="parent"/>'s: its foreign key is the parent's key, or, through a join table,
    /// one of its parents is. The key is written <c>parent.Id + 0</c>: not a column, so EF Core keeps the correlated
    /// subquery (LATERAL) instead of turning it into a join to a window over the whole table; the index on the foreign key
    /// still serves the equality.
    /// </summary>
    private static Expression<Func<TItem, bool>> ItemsOf<TParent, TItem>(DbContext db, PropertyInfo navigation, Expression parent)
    {
        var inverse = Navigations.Inverse(db, typeof(TParent), navigation.Name)
                      ?? throw new InvalidOperationException($"{typeof(TParent).Name}.{navigation.Name} has no navigation back to its parent.");
        var c = Expression.Parameter(typeof(TItem), "c");
        Expression key = Expression.Add(Expression.Property(parent, EntityTypes.KeyName), Expression.Constant(0));
        Expression belongs;
        if (Navigations.ForeignKey(inverse, c) is { } column)
        {
            belongs = Expression.Equal(column, column.Type == key.Type ? key : Expression.Convert(key, column.Type));
        }
        else
        {
            var x = Expression.Parameter(typeof(TParent), "x");
            var isIt = Expression.Lambda<Func<TParent, bool>>(Expression.Equal(Expression.Property(x, EntityTypes.KeyName), key), x);
            belongs = Expression.Call(Expressions.EnumerableMethod(nameof(Enumerable.Any), 2, typeof(TParent)), Expression.Property(c, inverse.Name), isIt);
        }
        return Expression.Lambda<Func<TItem, bool>>(belongs, c);
    }

    /// <summary>A parent and one of its items, between the join and the final projection.</summary>
    internal sealed class Pair<TParent, TItem>
    {
        public TParent Parent { get; set; } = default!;
        public TItem Item { get; set; } = default!;
    }

    internal sealed class ListRow<TKey, TItem>
    {
        public TKey ParentKey { get; set; } = default!;
        public TItem Item { get; set; } = default!;
    }
}
