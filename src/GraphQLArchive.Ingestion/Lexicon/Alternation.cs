using System.Text.RegularExpressions;

namespace GraphQLArchive.Ingestion.Lexicon;

/// <summary>Word lists as regex alternations.</summary>
internal static class Alternation
{
    /// <summary><c>a|b|…</c> of the words, escaped, longest first, so that a word is never cut short by a shorter one it starts with.</summary>
    public static string Of(IEnumerable<string> words) => string.Join("|", words.OrderByDescending(w => w.Length).Select(Regex.Escape));
}
