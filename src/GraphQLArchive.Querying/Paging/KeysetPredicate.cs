using System.Linq.Expressions;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Sorting;

namespace GraphQLArchive.Querying.Paging;

/// <summary>
/// The rows that come after a cursor in an ordering, as a WHERE clause: page 1,000 costs what page 1 costs.
/// Nulls sort where the database puts them (<see cref="QueryingOptions.NullsSortFirst"/>), and the id breaks every tie.
/// </summary>
internal static class KeysetPredicate
{
    public static Expression<Func<T, bool>> After<T>(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values, bool reverse, bool nullsSortFirst)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var columns = keys.Select(k => Expressions.Rebind(k.Key, x)).ToList();
        var alternatives = new List<Expression>();
        for (var i = 0; i < keys.Count; i++)
        {
            var equalBefore = Enumerable.Range(0, i).Select(j => Equal(columns[j], values[j]));
            var after = Greater(columns[i], values[i], keys[i].Descending ^ reverse, nullsSortFirst);
            alternatives.Add(Expressions.AndAll(equalBefore.Append(after)));
        }
        Expression predicate = Expressions.OrAll(alternatives);
        // A redundant bound on the first key lets the database seek its index instead of scanning.
        if (values[0] is not null && keys.Count > 1)
        {
            var bound = keys[0].Descending ^ reverse
                ? Expression.Not(Greater(columns[0], values[0], descending: false, nullsSortFirst))
                : Expression.Not(Greater(columns[0], values[0], descending: true, nullsSortFirst));
            predicate = Expression.AndAlso(bound, predicate);
        }
        return Expression.Lambda<Func<T, bool>>(predicate, x);
    }

    private static Expression Equal(Expression column, object? value) =>
        value is null
            ? (Expressions.CanBeNull(column.Type) ? Expression.Equal(column, Expression.Constant(null, column.Type)) : Expression.Constant(false))
            : Expression.Equal(column, Expressions.Parameter(value, column.Type));

    /// <summary>True for rows placed after <paramref name="value"/> in this direction.</summary>
    private static Expression Greater(Expression column, object? value, bool descending, bool nullsSortFirst)
    {
        var nullable = Expressions.CanBeNull(column.Type);
        var isNull = nullable ? Expression.Equal(column, Expression.Constant(null, column.Type)) : (Expression)Expression.Constant(false);
        // Nulls are the smallest values where they sort first ascending (SQLite), the largest elsewhere (PostgreSQL).
        var nullsComeAfterValues = descending == nullsSortFirst;
        if (value is null)
            return nullsComeAfterValues ? Expression.Constant(false) : Expression.Not(isNull);
        var compared = Compare(column, Expressions.Parameter(value, column.Type), descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        return nullsComeAfterValues && nullable ? Expression.OrElse(compared, isNull) : compared;
    }

    private static Expression Compare(Expression left, Expression right, ExpressionType comparison)
    {
        var type = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }
        if (type.IsEnum || type == typeof(bool))
        {
            var underlying = Expressions.Nullable(type == typeof(bool) ? typeof(int) : Enum.GetUnderlyingType(type));
            if (type == typeof(bool))
            {
                left = Expression.Condition(Expression.Equal(left, Expression.Constant(true, left.Type)), Expression.Constant(1, underlying), Expression.Constant(0, underlying));
                right = Expression.Condition(Expression.Equal(right, Expression.Constant(true, right.Type)), Expression.Constant(1, underlying), Expression.Constant(0, underlying));
            }
            else
            {
                left = Expression.Convert(left, underlying);
                right = Expression.Convert(right, underlying);
            }
        }
        return Expression.MakeBinary(comparison, left, right);
    }
}
