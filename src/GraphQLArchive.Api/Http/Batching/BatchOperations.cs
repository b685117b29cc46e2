using System.Text.RegularExpressions;
using GraphQL.Transport;

namespace GraphQLArchive.Api.Http.Batching;

/// <summary>
/// Hot Chocolate's operation batching: one document with several named operations and
/// <c>?batchOperations=[First,Second]</c> on the URL, run in that order as a batch. (HC's <c>@export</c>,
/// which passes values from one operation to the next, is not supported: each operation takes the request's variables.)
/// </summary>
internal static partial class BatchOperations
{
    public const string Parameter = "batchOperations";

    /// <summary>The request once per named operation, or why the parameter cannot be used.</summary>
    public static GraphQLHttpRequest Expand(GraphQLRequest request, string parameter, BatchingOptions batching)
    {
        if (!batching.Enabled)
        {
            return Refuse(GraphQLHttpErrorCodes.BatchingDisabled,
                $"'{Parameter}' asks for operation batching, which is off on this server. Send one operation per request (name it in 'operationName'), or turn batching on with Archive:Batching:Enabled=true (environment Archive__Batching__Enabled=true).");
        }
        var text = parameter.Trim();
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']')
            return Invalid(parameter);
        var names = text[1..^1].Split(',', StringSplitOptions.TrimEntries).Select(name => name.Trim('"')).ToList();
        if (names.Any(name => !Name().IsMatch(name)))
            return Invalid(parameter);
        if (names.Count > batching.MaxBatchSize)
        {
            return Refuse(GraphQLHttpErrorCodes.BatchTooLarge,
                $"'{Parameter}' names {names.Count} operations; at most {batching.MaxBatchSize} are allowed (Archive:Batching:MaxBatchSize). Split it into smaller batches.");
        }
        return GraphQLHttpRequest.Of([.. names.Select(name => (GraphQLHttpRequest)new GraphQLRequest
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = name,
            Variables = request.Variables,
            Extensions = request.Extensions,
        })]);
    }

    private static GraphQLHttpRequest Invalid(string parameter) => Refuse(GraphQLHttpErrorCodes.BatchOperationsInvalid,
        $"'{Parameter}' must list operation names of the document in brackets, e.g. {Parameter}=[GetArticles,GetOfficials]; got '{(parameter.Length > 80 ? parameter[..80] + "…" : parameter)}'.");

    private static GraphQLHttpRequestError Refuse(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex Name();
}
