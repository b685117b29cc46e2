namespace GraphQLArchive.Api.Http;

/// <summary>
/// How the HTTP transport behaves beyond the GraphQL-over-HTTP spec: persisted documents, batching, caching of GET
/// answers and CORS. Each part is a configuration section under <c>Archive</c> (the README's "Transport" lists them);
/// the defaults follow Hot Chocolate's where it has one.
/// </summary>
public sealed class GraphQLHttpOptions
{
    public AutomaticPersistedQueryOptions AutomaticPersistedQueries { get; set; } = new();

    public PersistedOperationOptions PersistedOperations { get; set; } = new();

    public BatchingOptions Batching { get; set; } = new();

    public GetCachingOptions Caching { get; set; } = new();

    public GraphQLCorsOptions Cors { get; set; } = new();

    /// <summary>The sections <c>Archive:AutomaticPersistedQueries</c>, <c>Archive:PersistedOperations</c>, <c>Archive:Batching</c>, <c>Archive:Caching</c> and <c>Archive:Cors</c>.</summary>
    public static GraphQLHttpOptions From(IConfiguration configuration) => new()
    {
        AutomaticPersistedQueries = configuration.GetSection("Archive:AutomaticPersistedQueries").Get<AutomaticPersistedQueryOptions>() ?? new(),
        PersistedOperations = configuration.GetSection("Archive:PersistedOperations").Get<PersistedOperationOptions>() ?? new(),
        Batching = configuration.GetSection("Archive:Batching").Get<BatchingOptions>() ?? new(),
        Caching = configuration.GetSection("Archive:Caching").Get<GetCachingOptions>() ?? new(),
        Cors = configuration.GetSection("Archive:Cors").Get<GraphQLCorsOptions>() ?? new(),
    };
}

/// <summary>Apollo's automatic persisted queries: a query is sent once with its SHA-256, then by the hash alone.</summary>
public sealed class AutomaticPersistedQueryOptions
{
    /// <summary>Off, a hash-only request is answered <c>PERSISTED_QUERY_NOT_SUPPORTED</c>, which tells Apollo's link to stop hashing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many documents the in-memory store keeps; the least recently used go first.</summary>
    public int MaxEntries { get; set; } = 1_000;

    /// <summary>How many characters of documents the store keeps in all, so that its memory is bounded whatever the documents' sizes.</summary>
    public long MaxCharacters { get; set; } = 10_000_000;
}

/// <summary>Trusted documents, as Hot Chocolate's file-system persisted operations: <c>&lt;id&gt;.graphql</c> files in a directory.</summary>
public sealed class PersistedOperationOptions
{
    /// <summary>The directory of <c>&lt;id&gt;.graphql</c> files (relative to the content root); unset, there are none.</summary>
    public string? Directory { get; set; }

    /// <summary>When on, only documents from the directory run: by <c>id</c>, by their hash, or as text whose hash names one.</summary>
    public bool OnlyAllowPersistedDocuments { get; set; }
}

/// <summary>Several operations in one request: a JSON array body (Apollo, HC) or HC's <c>batchOperations</c> parameter. Off by default, as in HC.</summary>
public sealed class BatchingOptions
{
    public bool Enabled { get; set; }

    /// <summary>The most operations one batch may hold (Apollo's BatchHttpLink sends at most 10 by default).</summary>
    public int MaxBatchSize { get; set; } = 10;
}

/// <summary>What successful GET queries tell caches.</summary>
public sealed class GetCachingOptions
{
    /// <summary>
    /// The <c>Cache-Control</c> of a successful query over GET (never of a mutation or an error). The default lets a
    /// cache keep the answer but makes it ask again each time, which the <c>ETag</c> turns into a 304 while nothing changed.
    /// Empty: no header.
    /// </summary>
    public string CacheControl { get; set; } = "public, no-cache";
}

/// <summary>Which browser origins may call the endpoint.</summary>
public sealed class GraphQLCorsOptions
{
    /// <summary>The origins allowed, such as <c>https://archive.example</c>; empty (the default) or <c>*</c> allows any.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight's answer (<c>Access-Control-Max-Age</c>).</summary>
    public int MaxAgeSeconds { get; set; } = 600;
}
