using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// Checks the operation's shape against <see cref="RequestLimits"/> before GraphQL.NET's rules run, so that the
/// rules (some of them quadratic, such as the check that fields merge) only ever see documents of bounded size;
/// refuses operation types the schema lacks; and reports at most <see cref="RequestLimits.MaxErrors"/> errors.
/// </summary>
public sealed class LimitedDocumentValidator(RequestLimits limits) : IDocumentValidator
{
    private readonly DocumentValidator _inner = new();

    // Operations of cached documents (see DocumentCache) that are within the limits: the shape depends on the document alone.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<GraphQLOperationDefinition, object> _withinLimits = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) => ValidateCoreAsync(options);

    private async Task<IValidationResult> ValidateCoreAsync(ValidationOptions options)
    {
        if (Unsupported(options) is { } unsupported) return new ValidationResult(unsupported);
        if (!_withinLimits.TryGetValue(options.Operation, out _))
        {
            var errors = DocumentShape.Check(options.Document, options.Operation, limits);
            if (errors.Count > 0) return Capped(new ValidationResult(errors));
            _withinLimits.AddOrUpdate(options.Operation, limits);
        }
        return Capped(await _inner.ValidateAsync(options).ConfigureAwait(false));
    }

    private static ValidationError? Unsupported(ValidationOptions options)
    {
        var (root, word) = options.Operation.Operation switch
        {
            OperationType.Mutation => (options.Schema.Mutation, "mutations"),
            OperationType.Subscription => (options.Schema.Subscription, "subscriptions"),
            _ => (options.Schema.Query, "queries"),
        };
        return root is null
            ? new RequestLimitError($"This schema has no {word}. Send a query{(word == "mutations" ? "" : " or a mutation")} instead.",
                RequestLimitCodes.OperationNotSupported, ("operation", options.Operation.Operation.ToString().ToLowerInvariant()))
            : null;
    }

    private IValidationResult Capped(IValidationResult result)
    {
        var errors = result.Errors;
        if (errors.Count <= limits.MaxErrors) return result;
        var omitted = errors.Count - limits.MaxErrors;
        var capped = new CappedResult(result);
        capped.Errors.AddRange(errors.Take(limits.MaxErrors));
        capped.Errors.Add(new RequestLimitError(
            $"{omitted} more errors were found and are not listed; at most {limits.MaxErrors} are reported. Fix these and send the request again.",
            RequestLimitCodes.TooManyErrors, ("omittedErrors", omitted), ("allowedErrors", limits.MaxErrors)));
        return capped;
    }

    private sealed class CappedResult(IValidationResult result) : IValidationResult
    {
        public bool IsValid => false;
        public ExecutionErrors Errors { get; } = [];
        public Variables? Variables => result.Variables;
        public IReadOnlyDictionary<GraphQLField, IDictionary<string, ArgumentValue>>? ArgumentValues => result.ArgumentValues;
        public IReadOnlyDictionary<ASTNode, IDictionary<string, DirectiveInfo>>? DirectiveValues => result.DirectiveValues;
    }
}
