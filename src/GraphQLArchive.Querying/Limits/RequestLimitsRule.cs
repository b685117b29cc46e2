using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// GraphQL.NET's complexity analysis, reporting what was measured and what is allowed: a list's
/// multiplier is its <c>first</c>/<c>last</c> (or its connection's), else the default page size.
/// </summary>
public sealed class RequestLimitsRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        // Tools introspect with deeply nested ofType chains; introspection alone is cheap and always allowed.
        if (context.Operation.SelectionSet.Selections.All(s => s is GraphQLField f && f.Name.StringValue.StartsWith("__", StringComparison.Ordinal)))
            return ValueTask.CompletedTask;
        if (Options.MaxDepth is { } allowedDepth && maxDepth > allowedDepth)
        {
            context.ReportError(new RequestLimitError(
                $"The query is {maxDepth} levels deep; at most {allowedDepth} are allowed. Split it, or select fewer nested objects.",
                "MAX_DEPTH_EXCEEDED", ("depth", maxDepth), ("allowedDepth", allowedDepth)));
        }
        else if (Options.MaxComplexity is { } allowedComplexity && totalComplexity > allowedComplexity)
        {
            context.ReportError(new RequestLimitError(
                $"The query's cost is {totalComplexity:0}; at most {allowedComplexity:0} is allowed. Ask for smaller pages (first/last) or fewer nested lists.",
                "MAX_COMPLEXITY_EXCEEDED", ("complexity", Math.Round(totalComplexity)), ("allowedComplexity", allowedComplexity)));
        }
        return ValueTask.CompletedTask;
    }

    private sealed class RequestLimitError : ValidationError
    {
        public RequestLimitError(string message, string code, params (string Key, object Value)[] data) : base(message)
        {
            Code = code;
            foreach (var (key, value) in data) Data[key] = value;
        }
    }
}
