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
    /// <summary>
    /// The rows after the cursor as one or two disjoint ranges, each a plain index range on the first key.
    /// A nullable first key puts its NULL rows in a range of their own: one predicate
    /// <c>k &lt; v OR k IS NULL</c> would make the database merge index searches and sort everything after the cursor.
    /// </summary>
    public static IReadOnlyList<Expression<Func<T, bool>>> After<T>(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values, bool reverse, bool nullsSortFirst)
    {
        var x = Expression.Parameter(typeof(T), "x");
        var columns = keys.Select(k => Expressions.Rebind(k.Key, x)).ToList();
        var first = columns[0];
        var descending = keys[0].Descending ^ reverse;
        var rest = Rest(keys, values, columns, reverse, nullsSortFirst);
        var nullable = Expressions.CanBeNull(first.Type);
        var nullsComeAfterValues = descending == nullsSortFirst;
        var ranges = new List<Expression>();
        if (values[0] is null)
        {
            ranges.Add(Expression.AndAlso(IsNull(first), rest));
            if (!nullsComeAfterValues) ranges.Add(Expression.Not(IsNull(first)));
        }
        else
        {
            // first >= v (or <=): a seekable bound that also leaves NULLs out; then the strict part or the tie.
            var value = Expressions.Parameter(values[0], first.Type);
            var bound = Compare(first, value, descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
            var strict = Compare(first, value, descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            ranges.Add(Expression.AndAlso(bound, Expression.OrElse(strict, Expression.AndAlso(Expression.Equal(first, value), rest))));
            if (nullable && nullsComeAfterValues) ranges.Add(IsNull(first));
        }
        return ranges.Select(r => Expression.Lambda<Func<T, bool>>(r, x)).ToList();
    }

    /// <summary>Among rows tied on the first key, those after the cursor: an OR over the remaining keys.</summary>
    private static Expression Rest(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values, List<Expression> columns, bool reverse, bool nullsSortFirst)
    {
        var alternatives = new List<Expression>();
        for (var i = 1; i < keys.Count; i++)
        {
            var equalBefore = Enumerable.Range(1, i - 1).Select(j => Equal(columns[j], values[j]));
            var after = Greater(columns[i], values[i], keys[i].Descending ^ reverse, nullsSortFirst);
            alternatives.Add(Expressions.AndAll(equalBefore.Append(after)));
        }
        return Expressions.OrAll(alternatives);
    }

    private static Expression IsNull(Expression column) =>
        Expressions.CanBeNull(column.Type) ? Expression.Equal(column, Expression.Constant(null, column.Type)) : Expression.Constant(false);

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

    internal static Expression Compare(Expression left, Expression right, ExpressionType comparison)
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
