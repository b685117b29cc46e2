using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQLArchive.Querying.Errors;

namespace GraphQLArchive.Querying.Limits;

public static class RequestLimitsGraphQLBuilderExtensions
{
    /// <summary>
    /// Applies <paramref name="limits"/> to every request: size and tokens before parsing, the expanded shape
    /// (fields, merges, depth, introspection) before validation, the cost rule, the error cap and the execution timeout.
    /// </summary>
    public static IGraphQLBuilder AddRequestLimits(this IGraphQLBuilder builder, RequestLimits limits)
    {
        builder.Services.Register(limits, replace: true);
        builder.Services.Register<IDocumentBuilder>(new LimitedDocumentBuilder(limits), replace: true);
        builder.Services.Register<IDocumentValidator>(new LimitedDocumentValidator(limits), replace: true);
        // A cached document skips the builder's limits and the document-only rules: it passed them when it was first seen.
        builder.Services.Register<IConfigureExecution>(new DocumentCache(limits.DocumentCacheSize), replace: false);
        return builder
            .ConfigureExecutionOptions(options => options.Timeout = limits.ExecutionTimeout)
            .AddValidationRule(new RequestLimitsRule(CostOptions(limits)), useForCachedDocuments: true)
            .AddValidationRule(new InputListLengthRule(limits), useForCachedDocuments: true);
    }

    private static ComplexityOptions CostOptions(RequestLimits limits)
    {
        var options = new ComplexityOptions
        {
            MaxComplexity = limits.MaxComplexity,
            DefaultListImpactMultiplier = QueryingErrors.DefaultPageSize, // a list without first/last costs a default page
        };
        // Data fields weigh what the SDL's @listSize says they return: the page sizes the server enforces.
        Func<FieldImpactContext, FieldComplexityResult> dataFields = Introspection.CostDirectives.Impact;
        options.DefaultComplexityImpactDelegate = context =>
            context.FieldDefinition.Name is "__schema" or "__type" ? new FieldComplexityResult(limits.IntrospectionCost, 1)
            : context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) ? new FieldComplexityResult(1, 1)
            : dataFields(context);
        return options;
    }
}
