using GraphQL.Validation;

namespace GraphQLArchive.Querying.Limits;

/// <summary>The stable codes of the request limits; clients may branch on them.</summary>
public static class RequestLimitCodes
{
    public const string DocumentTooLarge = "MAX_DOCUMENT_SIZE_EXCEEDED";
    public const string TooManyTokens = "MAX_TOKENS_EXCEEDED";
    public const string ParserDepth = "MAX_PARSER_DEPTH_EXCEEDED";
    public const string TooManyFields = "MAX_FIELDS_EXCEEDED";
    public const string TooManyFieldMerges = "MAX_FIELD_MERGES_EXCEEDED";
    public const string TooDeep = "MAX_DEPTH_EXCEEDED";
    public const string TooComplex = "MAX_COMPLEXITY_EXCEEDED";
    public const string OfTypeTooDeep = "MAX_INTROSPECTION_OFTYPE_DEPTH_EXCEEDED";
    public const string IntrospectionListRecursion = "MAX_INTROSPECTION_LIST_RECURSION_EXCEEDED";
    public const string TooManyErrors = "MAX_ERRORS_EXCEEDED";
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";
    public const string Timeout = "HC0045";
    public const string InputListTooLong = "MAX_INPUT_LIST_LENGTH_EXCEEDED";
    public const string SearchTooLong = "MAX_SEARCH_LENGTH_EXCEEDED";
    public const string ResponseTooLarge = "MAX_RESPONSE_SIZE_EXCEEDED";
}

/// <summary>A refused document: a validation error (so HTTP answers 400) with its code and figures in extensions.</summary>
public sealed class RequestLimitError : ValidationError
{
    public RequestLimitError(string message, string code, params (string Key, object Value)[] data) : base(message)
    {
        Code = code;
        foreach (var (key, value) in data) Data[key] = value;
    }
}
