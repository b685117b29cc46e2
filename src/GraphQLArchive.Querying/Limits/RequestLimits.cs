namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// What one request may ask for. The defaults are at least as strict as Hot Chocolate's; each can be raised or
/// lowered by configuration. Every limit, when exceeded, is an error with a stable code and the figures.
/// </summary>
public sealed class RequestLimits
{
    /// <summary>The limits registered with <paramref name="services"/>, or the defaults where none are.</summary>
    public static RequestLimits Of(IServiceProvider? services) => services?.GetService(typeof(RequestLimits)) as RequestLimits ?? new RequestLimits();

    /// <summary>How long an operation may run before it is stopped, writing its answer included (HC: 30 s).</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body read, in bytes (HC: 20 MB).</summary>
    public long MaxRequestBytes { get; set; } = 20_000_000;

    /// <summary>
    /// The largest answer sent, in bytes: a backstop behind the cost rule, whose weights cannot know how long a text is.
    /// An answer that grows past it is refused while it is written, before any byte is sent.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 20_000_000;

    /// <summary>The longest GraphQL document, in characters. Data belongs in variables, which this does not count.</summary>
    public int MaxDocumentLength { get; set; } = 100_000;

    /// <summary>The most lexical tokens a document may have; counted before parsing.</summary>
    public int MaxTokens { get; set; } = 20_000;

    /// <summary>How deeply the parser may nest AST nodes (selections, values, types).</summary>
    public int MaxParserDepth { get; set; } = 128;

    /// <summary>The most fields an operation selects, counting every fragment spread where it is used (HC: 2,048).</summary>
    public int MaxFields { get; set; } = 2_048;

    /// <summary>
    /// Fields that share a response key in one selection set must be checked pairwise to see that they can merge;
    /// this bounds the pairs, so that repeated or conflicting aliases cannot make validation quadratic.
    /// </summary>
    public int MaxFieldMerges { get; set; } = 5_000;

    /// <summary>How many levels of fields an operation may nest (ofType inside introspection does not count).</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>The largest cost: each field 1, times the page sizes of the lists above it.</summary>
    public int MaxComplexity { get; set; } = 100_000;

    /// <summary>
    /// What one <c>__schema</c> or <c>__type</c> field costs. Lists inside introspection count once, since their length
    /// is the schema's and not the data's; this weight is what bounds aliased introspection (about nine full ones).
    /// </summary>
    public int IntrospectionCost { get; set; } = 10_000;

    /// <summary>How many ofType levels an introspection query may nest (HC limits these too).</summary>
    public int MaxIntrospectionOfTypeDepth { get; set; } = 16;

    /// <summary>How often one introspection list field (fields, interfaces, …) may repeat on a path (HC: 1).</summary>
    public int MaxIntrospectionListRecursion { get; set; } = 1;

    /// <summary>How many errors a response reports; the rest are summed up in one last error (HC: 5 validation errors).</summary>
    public int MaxErrors { get; set; } = 5;

    /// <summary>The longest search query, in characters.</summary>
    public int MaxSearchLength { get; set; } = 500;

    /// <summary>The most items any list argument may hold, such as an <c>in</c>/<c>nin</c> filter (SQLite allows 32,766 parameters).</summary>
    public int MaxInputListLength { get; set; } = 500;

    /// <summary>
    /// How many parsed and validated documents are kept, by their text, so that a client that sends the same operation
    /// again (every front end does) skips parsing and the rules that depend on the document alone. 0 keeps none.
    /// </summary>
    public int DocumentCacheSize { get; set; } = 1_000;
}
