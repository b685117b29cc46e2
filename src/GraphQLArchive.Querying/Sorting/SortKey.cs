using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Mapping;

namespace GraphQLArchive.Querying.Sorting;

/// <summary>One key of an ordering: a member path from the entity, and its direction.</summary>
internal sealed record SortKey(LambdaExpression Key, bool Descending, string Name)
{
    /// <summary>The keys an <c>order</c> argument asks for, then the entity's key as the tie-breaker.</summary>
    public static IReadOnlyList<SortKey> FromArgument(Type entityType, IGraphType? sortListType, object? order)
    {
        var keys = new List<SortKey>();
        var x = Expression.Parameter(entityType, "x");
        if (order is IEnumerable elements && sortListType is not null)
        {
            var sortType = (IInputObjectGraphType)sortListType.GetNamedType();
            foreach (var element in elements.Cast<IDictionary<string, object?>>())
                Collect(sortType, x, x, element, "", keys);
        }
        if (!keys.Any(k => k.Name == EntityTypes.KeyName))
            keys.Add(new SortKey(Expression.Lambda(Expression.Property(x, EntityTypes.KeyName), x), false, EntityTypes.KeyName));
        return keys;
    }

    private static void Collect(IInputObjectGraphType type, ParameterExpression root, Expression instance, IDictionary<string, object?> element, string prefix, List<SortKey> keys,
        IReadOnlyList<Expression>? navigations = null)
    {
        foreach (var (name, value) in element)
        {
            if (value is null) continue;
            var field = type.GetField(name)!;
            var mapped = field.GetMetadata<MappedField>(MappedField.MetadataKey)!;
            var member = mapped.Access(instance);
            navigations ??= [];
            if (value is SortDirection direction)
            {
                // Through a navigation a key can be null even when its column is not; a missing navigation
                // gives null rather than an error in memory (EF Core drops the check, SQL propagates NULL).
                var key = instance == root ? member : navigations.Reverse().Aggregate(
                    (Expression)Expression.Convert(member, Expressions.Nullable(member.Type)),
                    (inner, navigation) => Expression.Condition(
                        Expression.Equal(navigation, Expression.Constant(null, navigation.Type)), Expression.Constant(null, inner.Type), inner));
                var keyName = prefix + string.Join('.', mapped.Path.Select(p => p.Name));
                keys.Add(new SortKey(Expression.Lambda(key, root), direction == SortDirection.Desc, keyName));
            }
            else
            {
                Collect((IInputObjectGraphType)field.ResolvedType!.GetNamedType(), root, member, (IDictionary<string, object?>)value, prefix + mapped.Path[0].Name + ".", keys,
                    [.. navigations ?? [], member]);
            }
        }
    }


    /// <summary>
    /// <paramref name="query"/> in the keys' order; with <paramref name="thenBy"/>, after the order it has already. In memory,
    /// NULL goes where the database puts it (<paramref name="nullsFirst"/>, <see cref="QueryingOptions.NullsSortFirst"/>).
    /// </summary>
    public static IQueryable<T> Apply<T>(IQueryable<T> query, IReadOnlyList<SortKey> keys, bool reverse = false, bool thenBy = false, bool nullsFirst = true) =>
        query.Provider.CreateQuery<T>(OrderBy(query.Expression, typeof(T), keys, reverse, queryable: true, thenBy,
            inMemory: query.Provider is EnumerableQuery, nullsFirst));

    /// <summary>
    /// <c>source.OrderBy(k1).ThenBy(k2)…</c> through <see cref="Queryable"/>, or through <see cref="Enumerable"/>
    /// for a collection navigation inside a projection. In memory (<paramref name="inMemory"/>) the order is the database's:
    /// text by code unit, as databases order it by their binary collation, not by the culture's rules; and NULL first
    /// ascending (LINQ's order, SQLite's), or, without <paramref name="nullsFirst"/>, last ascending and first descending
    /// (PostgreSQL's), by a key before each nullable one that sorts its NULLs after its values.
    /// </summary>
    public static Expression OrderBy(Expression source, Type element, IReadOnlyList<SortKey> keys, bool reverse, bool queryable, bool thenBy = false,
        bool inMemory = false, bool nullsFirst = true)
    {
        var ordered = thenBy;
        foreach (var sortKey in keys)
        {
            var descending = sortKey.Descending ^ reverse;
            if (inMemory && !nullsFirst && Expressions.CanBeNull(sortKey.Key.ReturnType))
            {
                var isNull = Expression.Lambda(Expression.Equal(sortKey.Key.Body, Expression.Constant(null, sortKey.Key.ReturnType)), sortKey.Key.Parameters);
                source = Then(source, element, isNull, descending, queryable, ordered, ordinalText: false);
                ordered = true;
            }
            source = Then(source, element, sortKey.Key, descending, queryable, ordered, ordinalText: inMemory);
            ordered = true;
        }
        return source;
    }

    private static Expression Then(Expression source, Type element, LambdaExpression key, bool descending, bool queryable, bool ordered, bool ordinalText)
    {
        var method = (ordered ? "ThenBy" : "OrderBy") + (descending ? "Descending" : "");
        Expression quoted = queryable ? Expression.Quote(key) : key;
        return ordinalText && key.ReturnType == typeof(string)
            ? Expressions.Call(queryable ? typeof(Queryable) : typeof(Enumerable), method, [element, typeof(string)],
                source, quoted, Expression.Constant(StringComparer.Ordinal, typeof(IComparer<string>)))
            : Expressions.Call(queryable ? typeof(Queryable) : typeof(Enumerable), method, [element, key.ReturnType], source, quoted);
    }
}
