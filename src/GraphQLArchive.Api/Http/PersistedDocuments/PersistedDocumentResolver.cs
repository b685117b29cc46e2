using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;

namespace GraphQLArchive.Api.Http.PersistedDocuments;

/// <summary>A request whose document text is known, and the hash to keep it under once it has run.</summary>
internal sealed record ResolvedDocument(GraphQLRequest Request, string? HashToRemember);

/// <summary>
/// Finds the document a request means before it runs: the text it sent, a trusted document by <c>id</c> (HC's request
/// field) or by hash, or a document registered earlier through Apollo's automatic persisted queries
/// (<c>extensions.persistedQuery { version: 1, sha256Hash }</c>). The text then goes the normal way, through the
/// parser and validation as any other document. Every transport at the endpoint asks this, so that trusted-only
/// mode holds for WebSocket and SSE as well.
/// </summary>
internal sealed class PersistedDocumentResolver(
    AutomaticPersistedQueryOptions automatic, PersistedOperationOptions trusted, AutomaticPersistedQueryStore store, PersistedOperationDirectory directory)
{
    public const string ExtensionName = "persistedQuery";

    public static PersistedDocumentResolver Create(GraphQLHttpOptions options, string contentRoot) => new(
        options.AutomaticPersistedQueries, options.PersistedOperations,
        new AutomaticPersistedQueryStore(options.AutomaticPersistedQueries.MaxEntries, options.AutomaticPersistedQueries.MaxCharacters),
        PersistedOperationDirectory.Open(options.PersistedOperations, contentRoot));

    /// <summary>The resolver of the request's services, or one with the defaults (APQ on, no trusted documents).</summary>
    public static PersistedDocumentResolver For(HttpContext http) =>
        http.RequestServices.GetService<PersistedDocumentResolver>() ?? Default.Value;

    private static readonly Lazy<PersistedDocumentResolver> Default = new(() => Create(new GraphQLHttpOptions(), AppContext.BaseDirectory));

    internal AutomaticPersistedQueryStore Store => store;

    public (ResolvedDocument? Resolved, GraphQLHttpRequestError? Error) Resolve(GraphQLRequest request)
    {
        var (hash, invalid) = PersistedQueryHash(request.Extensions);
        if (invalid is not null) return (null, invalid);

        if (request.DocumentId is { } id)
        {
            if (request.Query is not null)
                return Refuse(GraphQLHttpErrorCodes.DocumentIdInvalid, "The request has both 'id' and 'query'. Send the id of a persisted operation, or the document text, not both.");
            if (!PersistedOperationDirectory.IsValidId(id))
                return Refuse(GraphQLHttpErrorCodes.DocumentIdInvalid, "The 'id' must be the name of a persisted operation's file without '.graphql': 1 to 128 letters, digits, '-' or '_'.");
            return directory.Find(id) is { } document
                ? (new ResolvedDocument(WithQuery(request, document), null), null)
                : Refuse(GraphQLHttpErrorCodes.PersistedOperationNotFound, directory.IsConfigured
                    ? $"No persisted operation has the id '{id}'. Add {id}.graphql to the persisted-operations directory, or send the document text in 'query'."
                    : $"This server has no persisted operations, so the id '{id}' names none. Send the document text in 'query', or configure Archive:PersistedOperations:Directory.");
        }

        if (hash is not null && request.Query is null)
        {
            // In trusted-only mode nothing is registered, so only the directory can know the hash.
            var document = directory.Find(hash) ?? (automatic.Enabled && !trusted.OnlyAllowPersistedDocuments ? store.Find(hash) : null);
            if (document is not null) return (new ResolvedDocument(WithQuery(request, document), null), null);
            return automatic.Enabled || directory.IsConfigured
                ? Refuse(GraphQLHttpErrorCodes.PersistedQueryNotFound,
                    $"PersistedQueryNotFound: no document is stored under the sha256 hash {hash}. Send the request again with the full 'query' beside the same extensions.persistedQuery; Apollo's persisted-query link does so by itself.")
                : Refuse(GraphQLHttpErrorCodes.PersistedQueryNotSupported,
                    "PersistedQueryNotSupported: automatic persisted queries are off on this server (Archive:AutomaticPersistedQueries:Enabled). Send the full 'query'.");
        }

        if (request.Query is null)
            return Refuse(GraphQLHttpErrorCodes.QueryMissing, "The request has no 'query'. Put the GraphQL document in it, e.g. {\"query\":\"{ __typename }\"}.");

        var textHash = hash is null && !trusted.OnlyAllowPersistedDocuments ? null : Sha256(request.Query);
        if (hash is not null && textHash != hash)
            return Refuse(GraphQLHttpErrorCodes.PersistedQueryHashMismatch,
                $"extensions.persistedQuery.sha256Hash is {hash}, but the SHA-256 of the 'query' sent (as UTF-8) is {textHash}. Hash exactly the text you send, or leave the extension out.");
        if (textHash is not null && directory.Find(textHash) is not null) return (new ResolvedDocument(request, null), null);
        if (trusted.OnlyAllowPersistedDocuments)
            return Refuse(GraphQLHttpErrorCodes.OnlyPersistedOperationsAllowed,
                "Only persisted operations are allowed on this server (Archive:PersistedOperations:OnlyAllowPersistedDocuments). Send the 'id' of a trusted document (its file name without '.graphql'), or its sha256 hash in extensions.persistedQuery, instead of a new document.");
        return (new ResolvedDocument(request, hash is not null && automatic.Enabled ? hash : null), null);
    }

    /// <summary>Keeps a document registered by hash once it has parsed and validated, so that only runnable documents take room.</summary>
    public void Remember(ResolvedDocument resolved, ExecutionResult result)
    {
        if (resolved.HashToRemember is { } hash && result.Executed && resolved.Request.Query is { } query) store.Add(hash, query);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The lower-case hash of <c>extensions.persistedQuery</c>, null when there is none, or why it cannot be used.</summary>
    private static (string? Hash, GraphQLHttpRequestError? Error) PersistedQueryHash(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue(ExtensionName, out var value) || value is null) return (null, null);
        if (value is not IDictionary<string, object?> persisted)
            return (null, Invalid("extensions.persistedQuery must be an object such as {\"version\":1,\"sha256Hash\":\"<64 hex digits>\"}."));
        if (!persisted.TryGetValue("version", out var version) || !IsOne(version))
            return (null, Invalid($"extensions.persistedQuery.version must be 1, the only version of the protocol; got {Describe(version)}."));
        if (!persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            return (null, Invalid($"extensions.persistedQuery.sha256Hash must be the SHA-256 of the document as 64 hex digits; got {Describe(hashValue)}."));
        return (hash.ToLowerInvariant(), null);
    }

    private static bool IsOne(object? value) => value switch
    {
        int i => i == 1,
        long l => l == 1,
        BigInteger b => b == 1,
        double d => d == 1,
        decimal m => m == 1,
        _ => false,
    };

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"the string \"{(s.Length > 80 ? s[..80] + "…" : s)}\"",
        IDictionary<string, object?> => "an object",
        System.Collections.IEnumerable => "a list",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "a value",
    };

    private static GraphQLRequest WithQuery(GraphQLRequest request, string document) => new()
    {
        Query = document,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
    };

    private static GraphQLHttpRequestError Invalid(string message) => new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.PersistedQueryInvalid, message);

    private static (ResolvedDocument?, GraphQLHttpRequestError?) Refuse(string code, string message) => (null, new(StatusCodes.Status400BadRequest, code, message));
}
