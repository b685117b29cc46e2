namespace GraphQLArchive.Api.Http.PersistedDocuments;

/// <summary>
/// The documents clients registered by hash (Apollo's automatic persisted queries), in memory and bounded both by
/// count and by characters: the least recently used are dropped first, so a client sending ever new documents
/// cannot grow it. A dropped hash is a <c>PERSISTED_QUERY_NOT_FOUND</c>, after which the client sends the text again.
/// </summary>
internal sealed class AutomaticPersistedQueryStore(int maxEntries, long maxCharacters)
{
    private readonly Dictionary<string, LinkedListNode<(string Hash, string Document)>> _byHash = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, string Document)> _recency = new();
    private readonly Lock _lock = new();
    private long _characters;

    public int Count { get { lock (_lock) return _byHash.Count; } }

    public string? Find(string hash)
    {
        lock (_lock)
        {
            if (!_byHash.TryGetValue(hash, out var node)) return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Document;
        }
    }

    /// <summary>Keeps the document under its (already verified) hash; a document larger than the whole store is not kept.</summary>
    public void Add(string hash, string document)
    {
        if (maxEntries <= 0 || document.Length > maxCharacters) return;
        lock (_lock)
        {
            if (_byHash.TryGetValue(hash, out var existing))
            {
                _recency.Remove(existing);
                _recency.AddFirst(existing);
                return;
            }
            _byHash[hash] = _recency.AddFirst((hash, document));
            _characters += document.Length;
            while (_byHash.Count > maxEntries || _characters > maxCharacters)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _byHash.Remove(oldest.Value.Hash);
                _characters -= oldest.Value.Document.Length;
            }
        }
    }
}
