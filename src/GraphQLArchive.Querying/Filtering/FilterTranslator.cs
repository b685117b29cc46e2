using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Nodes;

namespace GraphQLArchive.Querying.Filtering;

/// <summary>Turns a <c>where</c> argument into a predicate over the entity, following Hot Chocolate's semantics.</summary>
internal static class FilterTranslator
{
    public static Expression<Func<T, bool>> ToPredicate<T>(IInputObjectGraphType filterType, IDictionary<string, object?> filter) =>
        (Expression<Func<T, bool>>)ToLambda(typeof(T), filterType, filter);

    public static LambdaExpression ToLambda(Type entityType, IInputObjectGraphType filterType, IDictionary<string, object?> filter)
    {
        var x = Expression.Parameter(entityType, "x");
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(entityType, typeof(bool)), Object((ObjectFilterInputType)filterType, x, filter), x);
    }

    private static Expression Object(ObjectFilterInputType type, Expression instance, IDictionary<string, object?> filter)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            if (value is null) continue;
            if (name is "and" or "or")
            {
                var items = ((IEnumerable)value).Cast<IDictionary<string, object?>>().Select(item => Object(type, instance, item));
                parts.Add(name == "and" ? Expressions.AndAll(items) : Expressions.OrAll(items));
                continue;
            }
            var field = type.GetField(name)!;
            var mapped = field.GetMetadata<MappedField>(MappedField.MetadataKey)!;
            var member = mapped.Access(instance);
            var fieldType = Unwrap(field.ResolvedType!);
            var operations = (IDictionary<string, object?>)value;
            parts.Add(mapped.Kind switch
            {
                MappedFieldKind.Scalar => Operations(fieldType, member, operations, type.ObjectTypeName),
                MappedFieldKind.Object => Expression.AndAlso(
                    Expression.NotEqual(member, Expression.Constant(null, member.Type)),
                    Object((ObjectFilterInputType)fieldType, member, operations)),
                _ => List(fieldType, member, mapped.ClrType, operations,
                    (element, itemFilter, itemType) => mapped.Kind == MappedFieldKind.ObjectList
                        ? Object((ObjectFilterInputType)itemType, element, itemFilter)
                        : Operations(itemType, element, itemFilter, type.ObjectTypeName)),
            });
        }
        return Expressions.AndAll(parts);
    }

    private static Expression List(IInputObjectGraphType listType, Expression member, Type elementType, IDictionary<string, object?> operations,
        Func<Expression, IDictionary<string, object?>, IInputObjectGraphType, Expression> elementPredicate)
    {
        var parts = new List<Expression>();
        foreach (var (operation, value) in operations)
        {
            if (value is null) throw QueryingErrors.NullNotSupported(operation, listType.Name, operation == "any" ? "Boolean!" : Unwrap(listType.GetField(operation)!.ResolvedType!).Name + "!");
            if (operation == "any")
            {
                var any = Expression.Call(Expressions.EnumerableMethod(nameof(Enumerable.Any), 1, elementType), member);
                parts.Add((bool)value ? any : Expression.Not(any));
                continue;
            }
            var y = Expression.Parameter(elementType, "y");
            var itemType = Unwrap(listType.GetField(operation)!.ResolvedType!);
            var predicate = Expression.Lambda(elementPredicate(y, (IDictionary<string, object?>)value, itemType), y);
            var method = operation == "all" ? nameof(Enumerable.All) : nameof(Enumerable.Any);
            Expression call = Expression.Call(Expressions.EnumerableMethod(method, 2, elementType), member, predicate);
            parts.Add(operation == "none" ? Expression.Not(call) : call);
        }
        return Expressions.AndAll(parts);
    }

    private static Expression Operations(IInputObjectGraphType operationType, Expression member, IDictionary<string, object?> operations, string ownerTypeName)
    {
        var parts = new List<Expression>();
        foreach (var (operation, raw) in operations)
        {
            if (operation is "and" or "or")
            {
                if (raw is null) continue;
                var items = ((IEnumerable)raw).Cast<IDictionary<string, object?>>().Select(item => Operations(operationType, member, item, ownerTypeName));
                parts.Add(operation == "and" ? Expressions.AndAll(items) : Expressions.OrAll(items));
                continue;
            }
            if (raw is null && operation is not ("eq" or "neq"))
                throw QueryingErrors.NullNotSupported(operation, operationType.Name, NonNullName(operationType.GetField(operation)!.ResolvedType!));
            var isId = operationType is IdOperationFilterInputType;
            object? Value(object? v) => isId ? IdKey(v, ownerTypeName, member.Type) : ConvertValue(v, member.Type);
            parts.Add(operation switch
            {
                "eq" => Equal(member, raw is null ? null : Value(raw)),
                "neq" => Expression.Not(Equal(member, raw is null ? null : Value(raw))),
                "in" => In(member, (IEnumerable)raw!, Value),
                "nin" => Expression.Not(In(member, (IEnumerable)raw!, Value)),
                "contains" => StringCall(member, nameof(string.Contains), raw!),
                "ncontains" => Expression.Not(StringCall(member, nameof(string.Contains), raw!)),
                "startsWith" => StringCall(member, nameof(string.StartsWith), raw!),
                "nstartsWith" => Expression.Not(StringCall(member, nameof(string.StartsWith), raw!)),
                "endsWith" => StringCall(member, nameof(string.EndsWith), raw!),
                "nendsWith" => Expression.Not(StringCall(member, nameof(string.EndsWith), raw!)),
                "gt" => Compare(ExpressionType.GreaterThan, member, Value(raw)),
                "ngt" => Expression.Not(Compare(ExpressionType.GreaterThan, member, Value(raw))),
                "gte" => Compare(ExpressionType.GreaterThanOrEqual, member, Value(raw)),
                "ngte" => Expression.Not(Compare(ExpressionType.GreaterThanOrEqual, member, Value(raw))),
                "lt" => Compare(ExpressionType.LessThan, member, Value(raw)),
                "nlt" => Expression.Not(Compare(ExpressionType.LessThan, member, Value(raw))),
                "lte" => Compare(ExpressionType.LessThanOrEqual, member, Value(raw)),
                "nlte" => Expression.Not(Compare(ExpressionType.LessThanOrEqual, member, Value(raw))),
                _ => throw new InvalidOperationException($"Unknown filter operation {operation}."),
            });
        }
        return Expressions.AndAll(parts);
    }

    private static Expression Equal(Expression member, object? value) =>
        value is null && !Expressions.CanBeNull(member.Type)
            ? Expression.Constant(false)
            : Expression.Equal(member, Expressions.Parameter(value, member.Type));

    private static Expression Compare(ExpressionType comparison, Expression member, object? value) =>
        Expression.MakeBinary(comparison, member, Expressions.Parameter(value, member.Type));

    /// <summary>
    /// Null-safe string operations: a null column neither contains nor starts with anything.
    /// Starts/ends are compared as a substring, not with string.StartsWith/EndsWith: EF Core turns those into
    /// LIKE, which SQLite matches ignoring ASCII case (`endsWith: "l区项目"` would find "…L区项目").
    /// </summary>
    private static Expression StringCall(Expression member, string method, object value)
    {
        var text = Expressions.Parameter(value, typeof(string));
        var length = Expression.Property(member, nameof(string.Length));
        var textLength = Expression.Property(text, nameof(string.Length));
        var substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
        Expression test = method switch
        {
            nameof(string.StartsWith) => Expression.AndAlso(Expression.GreaterThanOrEqual(length, textLength),
                Expression.Equal(Expression.Call(member, substring, Expression.Constant(0), textLength), text)),
            nameof(string.EndsWith) => Expression.AndAlso(Expression.GreaterThanOrEqual(length, textLength),
                Expression.Equal(Expression.Call(member, substring, Expression.Subtract(length, textLength), textLength), text)),
            _ => Expression.Call(member, typeof(string).GetMethod(method, [typeof(string)])!, text),
        };
        return Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, typeof(string))), test);
    }

    private static Expression In(Expression member, IEnumerable values, Func<object?, object?> convert)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Type))!;
        foreach (var value in values)
        {
            if (value is null && !Expressions.CanBeNull(member.Type)) continue; // `in: [null, 3]` on an int column: null matches no row
            list.Add(value is null ? null : convert(value));
        }
        return Expressions.Contains(list, member);
    }

    private static object IdKey(object? value, string ownerTypeName, Type keyType) =>
        GlobalId.TryDecodeKey(value?.ToString(), ownerTypeName, keyType)
        ?? throw QueryingErrors.InvalidId(value?.ToString() ?? "", ownerTypeName);

    private static object? ConvertValue(object? value, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (value is null || type.IsInstanceOfType(value)) return value;
        return type.IsEnum ? Enum.ToObject(type, value) : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private static IInputObjectGraphType Unwrap(IGraphType type) => (IInputObjectGraphType)type.GetNamedType();

    private static string NonNullName(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => NonNullName(nonNull.ResolvedType!),
        ListGraphType list => $"[{list.ResolvedType!.Name ?? list.ResolvedType.ToString()}]!",
        _ => type.Name + "!",
    };
}
