using System.Buffers;
using GraphQLArchive.Querying.Limits;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace GraphQLArchive.Api.Http;

/// <summary>A request the transport refused before GraphQL ran: status code, stable code, and what to fix.</summary>
internal sealed record GraphQLHttpRequestError(int StatusCode, string Code, string Message)
{
    /// <summary>The refusal as an answer: its error alone, without "data", since nothing ran.</summary>
    public ExecutionResult ToResult() => Refusals.Result(new ExecutionError(Message) { Code = Code });
}

/// <summary>Answers to requests that did not run, or whose answer could not be sent.</summary>
internal static class Refusals
{
    /// <summary>Executed = false keeps "data" out of the body, and makes the status a 4xx under graphql-response+json.</summary>
    public static ExecutionResult Result(ExecutionError error) => new(error) { Executed = false };
}

/// <summary>
/// Turns a GET query string or a POST JSON body into a <see cref="GraphQLRequest"/>, or into an error that
/// names the offending parameter. The body is read as a JSON tree first, so each mistake gets its own code
/// rather than one generic deserialization failure.
/// </summary>
internal sealed class GraphQLHttpRequestReader(IGraphQLSerializer serializer, long maxRequestBytes, BatchingOptions? batching = null)
{
    private const string Example = "{\"query\":\"{ __typename }\"}";

    /// <summary>
    /// The request as the endpoint and the streaming transports read it: GET and HEAD from the query string, POST from
    /// a JSON body. A JSON array is a batch when <paramref name="batching"/> is given (the endpoint's), else refused.
    /// </summary>
    public static async Task<GraphQLHttpRequest> ReadAsync(HttpContext http, BatchingOptions? batching = null)
    {
        var limits = RequestLimits.Of(http.RequestServices);
        var reader = new GraphQLHttpRequestReader(http.RequestServices.GetRequiredService<IGraphQLSerializer>(), limits.MaxRequestBytes, batching);
        return HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? reader.FromQueryString(http.Request.Query)
            : await reader.FromJsonBodyAsync(http.Request, http.RequestAborted);
    }

    /// <summary>
    /// A request sent as a JSON object inside another protocol's message (graphql-ws's <c>subscribe</c> payload), read
    /// as a POST body is: the document, or a trusted document's <c>id</c>/<c>documentId</c>, or a persisted query's hash.
    /// </summary>
    public static GraphQLHttpRequest FromPayload(HttpContext http, JsonElement payload)
    {
        var limits = RequestLimits.Of(http.RequestServices);
        var reader = new GraphQLHttpRequestReader(http.RequestServices.GetRequiredService<IGraphQLSerializer>(), limits.MaxRequestBytes);
        return LoneSurrogatesRefused(() => reader.FromJsonObject(payload));
    }

    public GraphQLHttpRequest FromQueryString(IQueryCollection parameters)
    {
        var query = parameters["query"].ToString();
        var id = parameters["id"].ToString();
        var variables = ReadJsonParameter(parameters, "variables", GraphQLHttpErrorCodes.VariablesInvalid);
        if (variables.Error is not null)
        {
            return variables.Error;
        }
        var extensions = ReadJsonParameter(parameters, "extensions", GraphQLHttpErrorCodes.ExtensionsInvalid);
        if (extensions.Error is not null)
        {
            return extensions.Error;
        }

        if (string.IsNullOrWhiteSpace(query) && id.Length == 0 && !NamesPersistedQuery(extensions.Map))
        {
            return BadRequest(GraphQLHttpErrorCodes.QueryMissing,
                "The 'query' parameter is missing. Pass the GraphQL document in it, e.g. ?query={__typename}, or a persisted operation's 'id'.");
        }

        var operationName = parameters["operationName"].ToString();
        return new GraphQLRequest
        {
            Query = string.IsNullOrWhiteSpace(query) ? null : query,
            DocumentId = id.Length == 0 ? null : id,
            OperationName = operationName.Length == 0 ? null : operationName,
            Variables = variables.Map,
            Extensions = extensions.Map,
        };
    }

    private static bool NamesPersistedQuery(Inputs? extensions) =>
        extensions?.TryGetValue(PersistedDocuments.PersistedDocumentResolver.ExtensionName, out var value) == true && value is not null;

    public async Task<GraphQLHttpRequest> FromJsonBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJsonInUtf8(request.ContentType))
        {
            return new GraphQLHttpRequestError(StatusCodes.Status415UnsupportedMediaType,
                GraphQLHttpErrorCodes.ContentTypeUnsupported,
                request.ContentType is null
                    ? "The request has no Content-Type. Send the body as JSON with 'Content-Type: application/json'."
                    : $"The Content-Type '{request.ContentType}' is not supported. Send the body as UTF-8 JSON with 'Content-Type: application/json'.");
        }

        // Refused before reading when the client says how large it is, else counted while reading.
        if (request.ContentLength > maxRequestBytes) return TooLarge(request.ContentLength.Value);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = maxRequestBytes + 1; // the server's own limit must not answer first

        // Buffered (in a pooled array, sized by Content-Length when given) so that an empty body can be told apart from broken JSON.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } announced and > 0 ? (int)announced + 1 : 4096);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxRequestBytes) return TooLarge(null);
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return Parse(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private GraphQLHttpRequest Parse(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return BadRequest(GraphQLHttpErrorCodes.JsonInvalid,
                $"The request body is empty. Send a JSON object such as {Example}.");
        }
        if (!Utf8.IsValid(bytes.Span))
        {
            return BadRequest(GraphQLHttpErrorCodes.JsonInvalid,
                $"The request body is not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(bytes.Span)}). Encode the JSON as UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            return BadRequest(GraphQLHttpErrorCodes.JsonInvalid,
                $"The request body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}). Send a JSON object such as {Example}.");
        }

        using (document)
        {
            return LoneSurrogatesRefused(() => document.RootElement.ValueKind == JsonValueKind.Array && batching is not null
                ? FromJsonArray(document.RootElement, batching)
                : FromJsonObject(document.RootElement));
        }
    }

    /// <summary>What <paramref name="read"/> reads, or a coded refusal where it meets a string that is no Unicode text.</summary>
    private static GraphQLHttpRequest LoneSurrogatesRefused(Func<GraphQLHttpRequest> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or ArgumentException)
        {
            // System.Text.Json refuses to decode an escape of half a surrogate pair such as "\ud800".
            return BadRequest(GraphQLHttpErrorCodes.JsonInvalid,
                "The request body holds a string with a lone surrogate escape (\\uD800–\\uDFFF without its pair), which is no Unicode text. Escape whole characters.");
        }
    }

    private GraphQLHttpRequestError TooLarge(long? length) =>
        new(StatusCodes.Status413PayloadTooLarge, GraphQLHttpErrorCodes.RequestTooLarge,
            $"The request body {(length is { } l ? $"has {l} bytes" : "is larger than allowed")}; at most {maxRequestBytes} bytes are accepted (Archive:Limits:MaxRequestBytes). Send less, or split the request.");

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = Utf8.ToUtf16(bytes, new char[bytes.Length], out var consumed, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : consumed;
    }

    /// <summary>A batch (Apollo's and HC's shape): an array of request objects, each read on its own.</summary>
    private GraphQLHttpRequest FromJsonArray(JsonElement body, BatchingOptions batching)
    {
        if (!batching.Enabled)
        {
            return BadRequest(GraphQLHttpErrorCodes.BatchingDisabled,
                $"The request body is an array, a batch of operations, and batching is off on this server. Send one operation per request as a JSON object such as {Example}, or turn batching on with Archive:Batching:Enabled=true (environment Archive__Batching__Enabled=true).");
        }
        var count = body.GetArrayLength();
        if (count == 0)
        {
            return BadRequest(GraphQLHttpErrorCodes.BatchEmpty,
                $"The batch is an empty array. Put one request object such as {Example} in it for each operation.");
        }
        if (count > batching.MaxBatchSize)
        {
            return BadRequest(GraphQLHttpErrorCodes.BatchTooLarge,
                $"The batch holds {count} operations; at most {batching.MaxBatchSize} are allowed (Archive:Batching:MaxBatchSize). Split it into smaller batches.");
        }
        return GraphQLHttpRequest.Of([.. body.EnumerateArray().Select(FromJsonObject)]);
    }

    private GraphQLHttpRequest FromJsonObject(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return BadRequest(GraphQLHttpErrorCodes.RequestNotObject,
                $"The request body must be a JSON object such as {Example}; got {Describe(body.ValueKind)}." +
                (body.ValueKind == JsonValueKind.Array ? " A batch (an array of requests) is answered only by POST to the endpoint without Accept: text/event-stream." : ""));
        }

        string? id = null;
        // Hot Chocolate's and GraphQL.NET's names for a trusted document's id.
        if ((body.TryGetProperty("id", out var idElement) || body.TryGetProperty("documentId", out idElement)) && idElement.ValueKind != JsonValueKind.Null)
        {
            if (idElement.ValueKind != JsonValueKind.String)
            {
                return BadRequest(GraphQLHttpErrorCodes.DocumentIdInvalid,
                    $"The 'id' property must be a string naming a persisted operation; got {Describe(idElement.ValueKind)}.");
            }
            id = idElement.GetString();
        }

        var extensions = ReadMapProperty(body, "extensions", GraphQLHttpErrorCodes.ExtensionsInvalid);
        if (extensions.Error is not null)
        {
            return extensions.Error;
        }

        var hasQuery = body.TryGetProperty("query", out var query) && query.ValueKind != JsonValueKind.Null;
        if (!hasQuery && id is null && !NamesPersistedQuery(extensions.Map))
        {
            return BadRequest(GraphQLHttpErrorCodes.QueryMissing,
                $"The request has no 'query'. Put the GraphQL document in the 'query' property, e.g. {Example}, or a persisted operation's 'id'.");
        }
        if (hasQuery && query.ValueKind != JsonValueKind.String)
        {
            return BadRequest(GraphQLHttpErrorCodes.QueryNotString,
                $"The 'query' property must be a string holding the GraphQL document; got {Describe(query.ValueKind)}.");
        }
        if (hasQuery && string.IsNullOrWhiteSpace(query.GetString()))
        {
            return BadRequest(GraphQLHttpErrorCodes.QueryMissing,
                $"The 'query' property is empty. Put the GraphQL document in it, e.g. {Example}.");
        }

        string? operationName = null;
        if (body.TryGetProperty("operationName", out var operationNameElement))
        {
            switch (operationNameElement.ValueKind)
            {
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.String:
                    operationName = operationNameElement.GetString();
                    break;
                default:
                    return BadRequest(GraphQLHttpErrorCodes.OperationNameNotString,
                        $"The 'operationName' property must be a string or null; got {Describe(operationNameElement.ValueKind)}.");
            }
        }

        var variables = ReadMapProperty(body, "variables", GraphQLHttpErrorCodes.VariablesInvalid);
        if (variables.Error is not null)
        {
            return variables.Error;
        }

        return new GraphQLRequest
        {
            Query = hasQuery ? query.GetString() : null,
            DocumentId = id,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variables.Map,
            Extensions = extensions.Map,
        };
    }

    private (Inputs? Map, GraphQLHttpRequestError? Error) ReadJsonParameter(IQueryCollection parameters, string name, string code)
    {
        var text = parameters[name].ToString();
        if (text.Length == 0)
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return ReadMap(document.RootElement, name, code);
        }
        catch (JsonException)
        {
            return (null, BadRequest(code,
                $"The '{name}' parameter is not valid JSON. URL-encode a JSON object, e.g. {name}={{\"id\":1}}."));
        }
    }

    private (Inputs? Map, GraphQLHttpRequestError? Error) ReadMapProperty(JsonElement body, string name, string code) =>
        body.TryGetProperty(name, out var value) ? ReadMap(value, name, code) : (null, null);

    private (Inputs? Map, GraphQLHttpRequestError? Error) ReadMap(JsonElement value, string name, string code) =>
        value.ValueKind switch
        {
            JsonValueKind.Null => (null, null),
            JsonValueKind.Object => (serializer.ReadNode<Inputs>(value), null),
            _ => (null, BadRequest(code,
                $"'{name}' must be a JSON object mapping names to values, or null; got {Describe(value.ValueKind)}.")),
        };

    private static bool IsJsonInUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !parsed.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // JSON is UTF-8 (RFC 8259); a charset is optional but must not say otherwise.
        var charset = parsed.Charset.Value?.Trim('"');
        return string.IsNullOrEmpty(charset)
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static GraphQLHttpRequestError BadRequest(string code, string message) =>
        new(StatusCodes.Status400BadRequest, code, message);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>A request to execute, a batch of them (each read on its own), or the reason it was refused.</summary>
internal readonly struct GraphQLHttpRequest
{
    private GraphQLHttpRequest(GraphQLRequest? request, GraphQLHttpRequestError? error, IReadOnlyList<GraphQLHttpRequest>? batch = null)
    {
        Request = request;
        Error = error;
        Batch = batch;
    }

    public GraphQLRequest? Request { get; }
    public GraphQLHttpRequestError? Error { get; }
    public IReadOnlyList<GraphQLHttpRequest>? Batch { get; }

    public static GraphQLHttpRequest Of(IReadOnlyList<GraphQLHttpRequest> batch) => new(null, null, batch);

    public static implicit operator GraphQLHttpRequest(GraphQLRequest request) => new(request, null);
    public static implicit operator GraphQLHttpRequest(GraphQLHttpRequestError error) => new(null, error);
}
