using System.Linq.Expressions;
using System.Reflection;

namespace GraphQLArchive.Querying.Mapping;

/// <summary>Small expression helpers shared by filtering, sorting, paging and projection.</summary>
internal static class Expressions
{
    public static Expression Access(Expression instance, IReadOnlyList<PropertyInfo> path) =>
        path.Aggregate(instance, Expression.Property);

    /// <summary>A value EF Core sends as a SQL parameter rather than inlining it as a literal.</summary>
    public static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(ValueBox<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), nameof(ValueBox<int>.Value));
    }

    public static Expression AndAll(IEnumerable<Expression> parts) =>
        parts.Aggregate((Expression?)null, (all, next) => all is null ? next : Expression.AndAlso(all, next)) ?? Expression.Constant(true);

    public static Expression OrAll(IEnumerable<Expression> parts) =>
        parts.Aggregate((Expression?)null, (all, next) => all is null ? next : Expression.OrElse(all, next)) ?? Expression.Constant(false);

    public static Type Nullable(Type type) =>
        type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    public static bool CanBeNull(Type type) => !type.IsValueType || System.Nullable.GetUnderlyingType(type) is not null;

    public static MethodInfo EnumerableMethod(string name, int parameters, Type element) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters).MakeGenericMethod(element);

    /// <summary>The body of a one-parameter lambda, applied to <paramref name="argument"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, Expression argument) =>
        new ParameterRebinder(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class ParameterRebinder(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private sealed class ValueBox<T>(T value)
    {
        public T Value { get; } = value;
    }
}
