using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser.AST;

namespace GraphQLArchive.Querying.Limits;

/// <summary>
/// Keeps the documents of operations that passed validation, by their text. A repeated request takes the parsed
/// document and runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>: the rules that depend on the
/// variables (cost, input list lengths). Variables are still coerced and arguments parsed on every request.
/// When full, the least recently used quarter is dropped.
/// </summary>
internal sealed class DocumentCache(int capacity) : IConfigureExecution
{
    private readonly ConcurrentDictionary<(ISchema Schema, string Query), Entry> _documents = new();
    private long _clock;

    /// <summary>After the options are configured (100), where GraphQL.NET places its own document cache.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (capacity <= 0 || options.Document is not null || options.Query is not { } query || options.Schema is not { } schema)
            return await next(options).ConfigureAwait(false);

        var key = (schema, query);
        if (_documents.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            options.Document = entry.Document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);
        if (result.Executed && result.Document is { } document) Add(key, document);
        return result;
    }

    private void Add((ISchema, string) key, GraphQLDocument document)
    {
        if (_documents.Count >= capacity)
        {
            lock (_documents)
            {
                if (_documents.Count >= capacity)
                    foreach (var old in _documents.OrderBy(d => d.Value.LastUsed).Take(Math.Max(1, capacity / 4)).ToList())
                        _documents.TryRemove(old.Key, out _);
            }
        }
        _documents.TryAdd(key, new Entry(document) { LastUsed = Interlocked.Increment(ref _clock) });
    }

    private sealed class Entry(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        public long LastUsed { get; set; }
    }
}
