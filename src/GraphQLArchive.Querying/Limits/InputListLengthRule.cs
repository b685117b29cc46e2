using System.Collections;
using GraphQL.Validation;

namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// Refuses a list argument (an <c>in</c> filter, a list of ids) longer than <see cref="RequestLimits.MaxInputListLength"/>,
/// after variables are coerced and before anything runs: a 40,000-item list would otherwise become 40,000 SQL parameters.
/// </summary>
public sealed class InputListLengthRule(RequestLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        foreach (var (field, arguments) in context.ArgumentValues ?? new Dictionary<GraphQLParser.AST.GraphQLField, IDictionary<string, GraphQL.Execution.ArgumentValue>>())
        {
            foreach (var (name, argument) in arguments)
            {
                if (TooLong(argument.Value, name) is not { } found) continue;
                context.ReportError(new RequestLimitError(
                    $"The list `{found.Path}` of field `{field.Name.StringValue}` has {found.Count} items; at most {limits.MaxInputListLength} are allowed. Split the request.",
                    RequestLimitCodes.InputListTooLong, ("argument", found.Path), ("length", found.Count), ("allowedLength", limits.MaxInputListLength)));
                return default;
            }
        }
        return default;
    }

    private (string Path, int Count)? TooLong(object? value, string path)
    {
        switch (value)
        {
            case null or string:
                return null;
            case IDictionary<string, object?> fields:
                foreach (var (name, item) in fields)
                    if (TooLong(item, path + "." + name) is { } found) return found;
                return null;
            case IEnumerable items:
                var count = 0;
                foreach (var item in items)
                {
                    if (++count > limits.MaxInputListLength) return (path, items.Cast<object?>().Count());
                    if (TooLong(item, path) is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }
}
