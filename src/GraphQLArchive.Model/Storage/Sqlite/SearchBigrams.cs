using System.Text;
using GraphQLArchive.Model.Search;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// A text as the bigram index reads it: every pair of adjacent characters, separated by spaces, and the last
/// character alone (<c>督导工作</c> → <c>督导 导工 工作 作</c>). The same as the SQL in the triggers computes,
/// character for character (SQLite counts code points, as <see cref="Rune"/> does), because FTS5 deletes a row by
/// the tokens it was indexed with.
/// </summary>
public static class SearchBigrams
{
    public static string? Of(string? text)
    {
        if (text is null) return null;
        var runes = new List<Rune>(text.Length);
        foreach (var rune in text.EnumerateRunes()) runes.Add(rune);
        var pairs = new StringBuilder(text.Length * 3);
        for (var i = 0; i < runes.Count; i++)
        {
            if (i > 0) pairs.Append(' ');
            pairs.Append(runes[i].ToString());
            if (i + 1 < runes.Count) pairs.Append(runes[i + 1].ToString());
        }
        return pairs.ToString();
    }

    /// <summary>
    /// The same in SQL, for the triggers (one article at a time; a recursive CTE per column is far too slow for a bulk
    /// load, which uses <see cref="Of"/>). <paramref name="text"/> is a column or expression.
    /// </summary>
    public static string Sql(string text) =>
        $"(WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length({text})) " +
        $"SELECT group_concat(substr({text}, i, 2), ' ') FROM g)";

    /// <summary>The captions column: each caption's pairs, so that a pair never spans two captions.</summary>
    public static string? OfCaptions(IEnumerable<string?> captions)
    {
        var parts = captions.Select(Of).OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
