using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// GET must be safe, so a GET that selects a mutation is refused before anything runs.
/// A validation rule (rather than parsing here) keeps the one parse GraphQL.NET does, and sees the operation
/// GraphQL.NET actually picked from <c>operationName</c>.
/// </summary>
internal sealed class MutationOverGetRule : ValidationRuleBase
{
    public static readonly MutationOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation == OperationType.Mutation)
        {
            context.ReportError(new MutationOverGetError(context));
        }
        return default;
    }
}

internal sealed class MutationOverGetError : ValidationError
{
    public MutationOverGetError(ValidationContext context)
        : base(
            context.Document.Source,
            number: null,
            message: "Mutations cannot be sent with GET. Send this request with POST and a JSON body instead.",
            context.Operation)
    {
        Code = GraphQLHttpErrorCodes.HttpMethodNotAllowed;
    }
}
