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
/// An item condition that names one row through a reference (<c>y.Official.Name == v</c>, the name unique) becomes
/// that row's key read once (<see cref="SingleValued"/>).
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
            var predicate = SingleValued(db, (LambdaExpression)Visit(StripQuotes(node.Arguments[1])));
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

    /// <summary>
    /// The item predicate with each conjunct <c>y.Ref.P == v</c>, where <c>P</c> is unique among the referenced rows and
    /// <c>v</c> is not null, written as <c>y.RefId == (SELECT r.Key FROM refs r WHERE r.P == v LIMIT 1)</c>, and the
    /// <c>y.Ref != null</c> beside it dropped (a key that matches is a row that exists). The same items, but the key is one
    /// value when the statement is planned: the items' index on <c>(RefId, parent key)</c> then yields them in parent
    /// order. Through the join, PostgreSQL walks the parents' primary key from the first, expecting the matches to be
    /// spread over it, while one official's appearances sit in the years of their term.
    /// </summary>
    private static LambdaExpression SingleValued(DbContext db, LambdaExpression predicate)
    {
        var y = predicate.Parameters[0];
        var conjuncts = new List<Expression>();
        Flatten(predicate.Body, conjuncts);
        var pinned = new HashSet<string>();
        for (var i = 0; i < conjuncts.Count; i++)
            if (PinnedKey(db, y, conjuncts[i]) is var (navigation, keyTest))
            {
                conjuncts[i] = keyTest;
                pinned.Add(navigation);
            }
        if (pinned.Count == 0) return predicate;
        conjuncts.RemoveAll(c => c is BinaryExpression { NodeType: ExpressionType.NotEqual, Left: MemberExpression m, Right: ConstantExpression { Value: null } }
                                 && m.Expression == y && pinned.Contains(m.Member.Name));
        return Expression.Lambda(predicate.Type, Expressions.AndAll(conjuncts), y);
    }

    private static void Flatten(Expression expression, List<Expression> conjuncts)
    {
        if (expression is BinaryExpression { NodeType: ExpressionType.AndAlso } and)
        {
            Flatten(and.Left, conjuncts);
            Flatten(and.Right, conjuncts);
        }
        else conjuncts.Add(expression);
    }

    /// <summary>For <c>y.Ref.P == v</c> with <c>P</c> unique and <c>v</c> a non-null value: the navigation's name and <c>y.RefId == (key of the row)</c>.</summary>
    private static (string Navigation, Expression KeyTest)? PinnedKey(DbContext db, ParameterExpression y, Expression conjunct)
    {
        if (conjunct is not BinaryExpression { NodeType: ExpressionType.Equal, Left: MemberExpression { Expression: MemberExpression { Expression: { } owner } reference } column, Right: var value }
            || owner != y || column.Member is not System.Reflection.PropertyInfo
            || db.Model.FindEntityType(y.Type)?.FindNavigation(reference.Member.Name) is not { IsCollection: false, IsOnDependent: true } navigation
            || navigation.ForeignKey.Properties is not [var foreignKey] || navigation.ForeignKey.PrincipalKey.Properties is not [var principalKey]
            || principalKey.PropertyInfo is null
            || navigation.TargetEntityType.FindProperty(column.Member.Name) is not { } property || !IsUnique(property)
            || new ParameterFinder(y).Finds(value) || !IsNonNullValue(value))
            return null;
        var target = navigation.TargetEntityType.ClrType;
        var r = Expression.Parameter(target, "r");
        var keyType = Expressions.Nullable(principalKey.ClrType);
        var rows = Expressions.Call(typeof(Queryable), nameof(Queryable.Where), [target], Databases.SetOf(db, target),
            Expression.Quote(Expression.Lambda(Expression.Equal(Expression.Property(r, (System.Reflection.PropertyInfo)column.Member), value), r)));
        var keys = Expressions.Call(typeof(Queryable), nameof(Queryable.Select), [target, keyType], rows,
            Expression.Quote(Expression.Lambda(Expression.Convert(Expression.Property(r, principalKey.PropertyInfo), keyType), r)));
        // Unique, so the first is the one; a key that is null (no such row) matches no item.
        var key = Expressions.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [keyType], keys);
        var itemKey = foreignKey.PropertyInfo is { } fk ? (Expression)Expression.Property(y, fk)
            : Expressions.Call(typeof(EF), nameof(EF.Property), [foreignKey.ClrType], y, Expression.Constant(foreignKey.Name));
        return (reference.Member.Name, Expression.Equal(Expression.Convert(itemKey, keyType), key));
    }

    /// <summary>A key, or alone in a unique index without a filter (SQL unique indexes hold NULL any number of times; the value is never null here).</summary>
    private static bool IsUnique(IProperty property) =>
        property.GetContainingKeys().Any(k => k.Properties.Count == 1)
        || property.GetContainingIndexes().Any(i => i.IsUnique && i.Properties.Count == 1 && i.GetFilter() is null);

    /// <summary>Whether the compared value is known to be a value, not null: a constant, or the property of one (a query parameter's box).</summary>
    private static bool IsNonNullValue(Expression value) => value switch
    {
        ConstantExpression constant => constant.Value is not null,
        MemberExpression { Expression: ConstantExpression { Value: { } box }, Member: System.Reflection.PropertyInfo property } => property.GetValue(box) is not null,
        MemberExpression { Expression: ConstantExpression { Value: { } box }, Member: System.Reflection.FieldInfo field } => field.GetValue(box) is not null,
        _ => false,
    };

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
