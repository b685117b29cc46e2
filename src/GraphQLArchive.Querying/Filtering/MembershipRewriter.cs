using System.Linq.Expressions;
using GraphQLArchive.Querying.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace GraphQLArchive.Querying.Filtering;

/// <summary>
/// Rewrites a list filter over a collection navigation (<c>some</c>, <c>all</c>, <c>none</c>, <c>any</c>) from a
/// correlated EXISTS, which the database checks once per parent row, into key membership:
/// <c>x.Id IN (SELECT parent key FROM items WHERE …)</c>, which reads the matching items once through their
/// index and then seeks the parents. A count then costs the matches, not the table.
/// </summary>
internal sealed class MembershipRewriter(DbContext db) : ExpressionVisitor
{
    public static Expression<Func<T, bool>> Rewrite<T>(DbContext db, Expression<Func<T, bool>> predicate) =>
        (Expression<Func<T, bool>>)new MembershipRewriter(db).Visit(predicate);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Enumerable) || node.Method.Name is not (nameof(Enumerable.Any) or nameof(Enumerable.All))
            || node.Arguments[0] is not MemberExpression { Expression: { } owner } member
            || owner.Type.GetProperty(EntityTypes.KeyName) is null
            || Navigations.Inverse(db, owner.Type, member.Member.Name) is not { } inverse)
            return base.VisitMethodCall(node);

        var itemType = EntityTypes.ElementType(member.Type)!;
        var all = node.Method.Name == nameof(Enumerable.All);
        Expression items = Databases.SetOf(db, itemType);
        if (node.Arguments.Count > 1)
        {
            var predicate = (LambdaExpression)Visit(StripQuotes(node.Arguments[1]));
            // every item matches ⇔ no item fails
            if (all) predicate = Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters);
            items = Expressions.Call(typeof(Queryable), nameof(Queryable.Where), [itemType], items, Expression.Quote(predicate));
        }
        var keyType = owner.Type.GetProperty(EntityTypes.KeyName)!.PropertyType;
        var parentKeys = ParentKeys(items, itemType, inverse, keyType);
        Expression contains = Expressions.Call(typeof(Queryable), nameof(Queryable.Contains), [keyType], parentKeys, Expression.Property(Visit(owner), EntityTypes.KeyName));
        return all ? Expression.Not(contains) : contains;
    }

    /// <summary>
    /// For <c>table.Where(x =&gt; keys.Contains(x.Id))</c>, where the keys are those of a rewritten list filter, the count
    /// <c>keys.Distinct().Count()</c>: every key is a foreign key of an existing row, so the distinct keys are the rows,
    /// and counting them reads the items' index alone instead of seeking the table once per key. Null for any other query.
    /// </summary>
    public static Expression? DistinctKeyCount(Expression query)
    {
        if (query is not MethodCallExpression { Method.Name: nameof(Queryable.Where), Arguments: [EntityQueryRootExpression, var quoted] } where
            || where.Method.DeclaringType != typeof(Queryable)
            || StripQuotes(quoted) is not LambdaExpression { Parameters: [var x] } predicate
            || predicate.Body is not MethodCallExpression { Method.Name: nameof(Queryable.Contains), Arguments: [var keys, MemberExpression key] } contains
            || contains.Method.DeclaringType != typeof(Queryable)
            || key.Expression != x || key.Member.Name != EntityTypes.KeyName
            || new ParameterFinder(x).Finds(keys))
            return null;
        var keyType = key.Type;
        return Expressions.Call(typeof(Queryable), nameof(Queryable.Count), [keyType], Expressions.Call(typeof(Queryable), nameof(Queryable.Distinct), [keyType], keys));
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= node == parameter;
            return node;
        }
    }

    /// <summary>The keys of the parents that <paramref name="items"/> belong to, through the navigation back to them.</summary>
    private static Expression ParentKeys(Expression items, Type itemType, INavigationBase inverse, Type keyType)
    {
        var y = Expression.Parameter(itemType, "y");
        if (Navigations.ForeignKey(inverse, y) is { } column)
        {
            if (Expressions.CanBeNull(column.Type))
                // Items without a parent belong to none; a distinct count of the keys must not count their NULL.
                items = Expressions.Call(typeof(Queryable), nameof(Queryable.Where), [itemType], items,
                    Expression.Quote(Expression.Lambda(Expression.NotEqual(column, Expression.Constant(null, column.Type)), y)));
            if (column.Type != keyType) column = Expression.Convert(column, keyType);
            return Expressions.Call(typeof(Queryable), nameof(Queryable.Select), [itemType, keyType], items, Expression.Quote(Expression.Lambda(column, y)));
        }
        var back = Expression.Property(y, inverse.Name);
        var parentType = EntityTypes.ElementType(back.Type)!;
        var parents = Expressions.Call(typeof(Queryable), nameof(Queryable.SelectMany), [itemType, parentType], items,
            Expression.Quote(Expression.Lambda(typeof(Func<,>).MakeGenericType(itemType, typeof(IEnumerable<>).MakeGenericType(parentType)), back, y)));
        var p = Expression.Parameter(parentType, "p");
        return Expressions.Call(typeof(Queryable), nameof(Queryable.Select), [parentType, keyType], parents,
            Expression.Quote(Expression.Lambda(Expression.Property(p, EntityTypes.KeyName), p)));
    }

    private static Expression StripQuotes(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;
}
