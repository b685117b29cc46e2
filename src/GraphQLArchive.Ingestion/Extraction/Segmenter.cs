using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>A jieba word with its part of speech (nr person, ns place, nt organization…) and where it starts.</summary>
internal readonly record struct Token(string Word, string Flag, int Start)
{
    public int End => Start + Word.Length;
}

/// <summary>
/// jieba.NET, loaded once: its dictionaries take a second or two to read. They are copied beside the app
/// into JiebaResources/ by the Ingestion project (the package does not copy them itself).
/// </summary>
internal static class Segmenter
{
    private static readonly Lock Gate = new();

    private static readonly Lazy<PosSegmenter> Instance = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "JiebaResources");
        return new PosSegmenter();
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when jieba's dictionary holds <paramref name="word"/>, not a word it made up of characters it did not know.</summary>
    public static bool IsDictionaryWord(string word) => WithDictionary(d => d.ContainsWord(word));

    /// <summary>How often jieba's dictionary says <paramref name="word"/> occurs, 0 when it does not hold it.</summary>
    public static int DictionaryFrequency(string word) => WithDictionary(d => d.ContainsWord(word) ? d.GetFreqOrDefault(word) : 0);

    // jieba's dictionary is one shared instance, loaded with the segmenter and not safe to read while it loads.
    private static T WithDictionary<T>(Func<WordDictionary, T> read)
    {
        lock (Gate)
        {
            _ = Instance.Value;
            return read(WordDictionary.Instance);
        }
    }

    public static IReadOnlyList<Token> Cut(string text)
    {
        // The segmenter keeps per-call state in shared caches: one cut at a time.
        lock (Gate)
        {
            var tokens = new List<Token>();
            var position = 0;
            foreach (var pair in Instance.Value.Cut(text))
            {
                var start = text.IndexOf(pair.Word, position, StringComparison.Ordinal);
                if (start < 0) continue;
                tokens.Add(new Token(pair.Word, pair.Flag, start));
                position = start + pair.Word.Length;
            }
            return tokens;
        }
    }
}
