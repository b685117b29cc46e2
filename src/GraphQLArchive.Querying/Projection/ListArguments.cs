using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Filtering;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Sorting;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Projection;

/// <summary>
/// The <c>where</c>, <c>order</c> and <c>first</c> of a list field inside a selection, applied per parent.
/// Every list field has a page: <c>first</c> is 10 when not given and at most 50 (HC0051), like a connection's,
/// so a nested list never returns more than its page and the cost rule's count bounds the rows read.
/// </summary>
internal sealed record ListArguments(string Signature, LambdaExpression? Filter, IReadOnlyList<SortKey> Order, int? First)
{
    internal const string MetadataKey = "Querying.ListArguments";

    public static ListArguments? From(IComplexGraphType owner, FieldType definition, GraphQLField field, Type elementType, IResolveFieldContext context)
    {
        if (!definition.GetMetadata(MetadataKey, false) || definition.Arguments is null) return null;
        var values = ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, context.Variables, context.Document, field, null)
                     ?? new Dictionary<string, ArgumentValue>();
        object? Value(string name) => values.TryGetValue(name, out var v) ? v.Value : null;

        var first = Value("first") is { } f ? Convert.ToInt32(f) : QueryingErrors.DefaultPageSize;
        // Raised while the parent's statement is built, so the error names the list field itself.
        if (first < 0) throw QueryingErrors.NegativePageSize().At(owner, definition);
        if (first > QueryingErrors.MaxPageSize) throw QueryingErrors.MaxPageSizeExceeded(first).At(owner, definition);
        var filter = Value("where") is IDictionary<string, object?> where
            ? FilterTranslator.ToLambda(elementType, (IInputObjectGraphType)definition.Arguments.Find("where")!.ResolvedType!.GetNamedType(), where)
            : null;
        var order = SortKey.FromArgument(elementType, definition.Arguments.Find("order")!.ResolvedType, Value("order"));
        var signature = JsonSerializer.Serialize(values.ToDictionary(v => v.Key, v => v.Value.Value));
        return new ListArguments(signature, filter, order, first);
    }

    /// <summary>
    /// <paramref name="items"/> filtered, ordered (by the key when no order is given) and cut: inside a database query,
    /// or in memory (<paramref name="inMemory"/>), ordered as the database orders (see <see cref="SortKey.OrderBy"/>).
    /// </summary>
    public Expression Apply(Expression items, Type elementType, bool inMemory, bool nullsFirst = true)
    {
        if (Filter is not null)
            items = Expressions.Call(typeof(Enumerable), nameof(Enumerable.Where), [elementType], items, Filter);
        items = SortKey.OrderBy(items, elementType, Order, reverse: false, queryable: false, inMemory: inMemory, nullsFirst: nullsFirst);
        return First is { } first
            ? Expressions.Call(typeof(Enumerable), nameof(Enumerable.Take), [elementType], items, Expression.Constant(first))
            : items;
    }

    public static ExecutionError Conflict(string field) =>
        new($"The list field `{field}` is selected more than once on the same object with different arguments. Select it once per object, or with the same arguments.") { Code = "LIST_ARGUMENTS_CONFLICT" };
}
