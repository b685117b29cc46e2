namespace GraphQLArchive.Api.Http;

/// <summary>
/// The <c>extensions.code</c> values of errors raised by the HTTP transport itself, before GraphQL runs.
/// Clients may branch on them, so they never change.
/// </summary>
public static class GraphQLHttpErrorCodes
{
    public const string JsonInvalid = "JSON_INVALID";
    public const string RequestNotObject = "REQUEST_NOT_OBJECT";
    public const string QueryMissing = "QUERY_MISSING";
    public const string QueryNotString = "QUERY_NOT_STRING";
    public const string OperationNameNotString = "OPERATION_NAME_NOT_STRING";
    public const string VariablesInvalid = "VARIABLES_INVALID";
    public const string ExtensionsInvalid = "EXTENSIONS_INVALID";
    public const string ContentTypeUnsupported = "CONTENT_TYPE_UNSUPPORTED";
    public const string MediaTypeNotAcceptable = "MEDIA_TYPE_NOT_ACCEPTABLE";
    public const string HttpMethodNotAllowed = "HTTP_METHOD_NOT_ALLOWED";
    public const string SubscriptionNeedsStream = "SUBSCRIPTION_NEEDS_STREAM";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    // Persisted documents. Apollo's link retries with the full query on PERSISTED_QUERY_NOT_FOUND and stops hashing on
    // PERSISTED_QUERY_NOT_SUPPORTED; the trusted-document codes are Hot Chocolate's.
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string PersistedQueryInvalid = "PERSISTED_QUERY_INVALID";
    public const string DocumentIdInvalid = "DOCUMENT_ID_INVALID";
    public const string PersistedOperationNotFound = "HC0020";
    public const string OnlyPersistedOperationsAllowed = "HC0067";

    // Batching.
    public const string BatchingDisabled = "BATCHING_DISABLED";
    public const string BatchEmpty = "BATCH_EMPTY";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string BatchOperationsInvalid = "BATCH_OPERATIONS_INVALID";
}
