using GraphQL;

namespace GraphQLArchive.Querying.Errors;

/// <summary>The field errors of Hot Chocolate's data conventions, with its codes, messages and extensions.</summary>
public static class QueryingErrors
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public static ExecutionError With(this ExecutionError error, string key, object? value)
    {
        error.Data[key] = value;
        return error;
    }

    public static ExecutionError MaxPageSizeExceeded(int requested) =>
        new ExecutionError("The maximum allowed items per page were exceeded.") { Code = "HC0051" }
            .With("requestedItems", requested).With("maxAllowedItems", MaxPageSize);

    public static ExecutionError NegativePageSize() =>
        new("The requested number of values per page must be at least 0.") { Code = "HC0079" };

    public static ExecutionError InvalidCursor(string argument, string cursor) =>
        new ExecutionError($"The cursor specified in `{argument}` has an invalid format.") { Code = "HC0078" }
            .With("argument", argument).With("cursor", cursor);

    internal static ExecutionError NullNotSupported(string operation, string filterType, string expectedType) =>
        new ExecutionError($"The provided value for filter `{operation}` of type {filterType} is invalid. Null values are not supported.") { Code = "HC0026" }
            .With("expectedType", expectedType).With("filterType", filterType);

    internal static ExecutionError InvalidId(string id, string? expectedType) =>
        new ExecutionError(expectedType is null
            ? $"The ID `{id}` is not a valid global ID. Use an `id` returned by this API, e.g. base64 of \"Article:1\"."
            : $"The ID `{id}` is not a valid {expectedType} ID. Use the `id` of a {expectedType} returned by this API.") { Code = "INVALID_ID" }
            .With("id", id);

    internal static ExecutionError TooManyIds(int requested, int allowed) =>
        new ExecutionError($"At most {allowed} ids can be fetched at once; {requested} were given. Split the request.") { Code = "TOO_MANY_IDS" }
            .With("requestedIds", requested).With("maxAllowedIds", allowed);
}
