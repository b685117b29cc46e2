using System.Collections.Concurrent;
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

    /// <summary>
    /// <c>values.Contains(member)</c>, with <paramref name="values"/> (a <c>List&lt;T&gt;</c> of the member's type) sent as SQL
    /// parameters; with <paramref name="asOneParameter"/> as a single one (a JSON array on SQLite, an array on PostgreSQL),
    /// so the statement is the same for any number of values and never meets SQLite's limit on bind parameters.
    /// </summary>
    public static Expression Contains(System.Collections.IList values, Expression member, bool asOneParameter = false)
    {
        var list = Parameter(values, values.GetType());
        if (asOneParameter)
            list = Call(typeof(Microsoft.EntityFrameworkCore.EF), nameof(Microsoft.EntityFrameworkCore.EF.Parameter), [values.GetType()], list);
        return Expression.Call(EnumerableMethod(nameof(Enumerable.Contains), 2, member.Type), list, member);
    }

    public static Expression AndAll(IEnumerable<Expression> parts) =>
        parts.Aggregate((Expression?)null, (all, next) => all is null ? next : Expression.AndAlso(all, next)) ?? Expression.Constant(true);

    public static Expression OrAll(IEnumerable<Expression> parts) =>
        parts.Aggregate((Expression?)null, (all, next) => all is null ? next : Expression.OrElse(all, next)) ?? Expression.Constant(false);

    public static Type Nullable(Type type) =>
        type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    public static bool CanBeNull(Type type) => !type.IsValueType || System.Nullable.GetUnderlyingType(type) is not null;

    /// <summary>
    /// <c>Enumerable.{name}</c> taking <paramref name="parameters"/> arguments, closed over <paramref name="typeArguments"/>;
    /// a delegate argument is the simple one (<c>Func&lt;T, TResult&gt;</c>, not the overload with an index).
    /// </summary>
    public static MethodInfo EnumerableMethod(string name, int parameters, params Type[] typeArguments) =>
        EnumerableMethods.GetOrAdd((name, parameters, typeArguments.Length), key => typeof(Enumerable).GetMethods().Single(m => m.Name == key.Name
                && m.GetParameters().Length == key.Parameters
                && m.GetGenericArguments().Length == key.TypeArguments
                && m.GetParameters().All(p => !p.ParameterType.IsGenericType || p.ParameterType.GetGenericTypeDefinition() != typeof(Func<,,>))
                && m.GetParameters().All(p => p.ParameterType.Name != "IEqualityComparer`1")))
            .MakeGenericMethod(typeArguments);

    private static readonly ConcurrentDictionary<(string Name, int Parameters, int TypeArguments), MethodInfo> EnumerableMethods = new();

    /// <summary>
    /// <see cref="Expression.Call(Type, string, Type[], Expression[])"/>, with the method found once per signature: finding it
    /// searches the type's methods by reflection, and every request builds its queries anew.
    /// </summary>
    public static MethodCallExpression Call(Type type, string name, Type[] typeArguments, params Expression[] arguments)
    {
        var key = new CallSignature(type, name, typeArguments, arguments.Select(a => a.Type).ToArray());
        if (!Methods.TryGetValue(key, out var method))
            Methods[key] = method = Expression.Call(type, name, typeArguments, arguments).Method;
        return Expression.Call(method, arguments);
    }

    private static readonly ConcurrentDictionary<CallSignature, MethodInfo> Methods = new();

    private sealed record CallSignature(Type Type, string Name, Type[] TypeArguments, Type[] ArgumentTypes)
    {
        public bool Equals(CallSignature? other) =>
            other is not null && Type == other.Type && Name == other.Name
            && TypeArguments.AsSpan().SequenceEqual(other.TypeArguments) && ArgumentTypes.AsSpan().SequenceEqual(other.ArgumentTypes);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Type);
            hash.Add(Name);
            foreach (var t in TypeArguments) hash.Add(t);
            foreach (var t in ArgumentTypes) hash.Add(t);
            return hash.ToHashCode();
        }
    }

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
