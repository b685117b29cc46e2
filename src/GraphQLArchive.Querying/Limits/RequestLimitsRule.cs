using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// GraphQL.NET's complexity analysis, reporting what was measured and what is allowed: a list's
/// multiplier is its <c>first</c>/<c>last</c> (or its connection's), else the default page size.
/// Introspection is measured like any other selection. Depth is checked before validation, by <see cref="DocumentShape"/>.
/// </summary>
public sealed class RequestLimitsRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (Options.MaxComplexity is { } allowedComplexity && totalComplexity > allowedComplexity)
        {
            context.ReportError(new RequestLimitError(
                $"The query's cost is {totalComplexity:0}; at most {allowedComplexity:0} is allowed. Each field weighs 1, or its @cost weight in the schema (long text such as body weighs more), times the page sizes (first/last) of the lists above it: ask for smaller pages, fewer nested lists or fewer long text fields.",
                RequestLimitCodes.TooComplex, ("complexity", Math.Round(totalComplexity)), ("allowedComplexity", allowedComplexity)));
        }
        return ValueTask.CompletedTask;
    }
}
