using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Reads the titles printed right before a name: <c>省委常委、市委书记罗清宇</c> → [省委常委, 市委书记].</summary>
internal static class TitleChain
{
    // A chain starts after the previous clause or sentence.
    private const string Boundaries = ",，。；;：:！!？?“”\n()（）";

    private static WordLexicon Words => WordLexicon.Default;

    /// <summary>
    /// The titles before the name starting at <paramref name="nameStart"/>, reading back no further than
    /// <paramref name="floor"/> (the end of the previous name, so "刘鹤、杨继承" gives 杨继承 no titles of its own).
    /// </summary>
    public static IReadOnlyList<string> Before(string text, int nameStart, int floor)
    {
        var start = nameStart;
        while (start > floor && !Boundaries.Contains(text[start - 1]))
            start--;

        var segments = Segments(text[start..nameStart]);
        // Keep the titles nearest the name; stop at the first segment that is not a title. A title's left edge is
        // the last delimiter word in its segment ("在市委会见了中化能源集团有限公司董事长"): nothing before it is read.
        var titles = new List<string>();
        for (var i = segments.Count - 1; i >= 0 && IsTitle(segments[i]); i--)
        {
            var trimmed = TrimLeft(segments[i]);
            if (!IsTitle(trimmed)) break;
            titles.Insert(0, trimmed);
            if (trimmed.Length < segments[i].Length) break;
        }
        return titles;
    }

    /// <summary>
    /// The bare office printed right after a name, "万少华副市长一行" → [副市长], when a boundary or a follower closes it.
    /// Only whole offices (市长, 副县长, 书记…): "王强市委书记" is too rare to read a prefix behind the name.
    /// </summary>
    public static IReadOnlyList<string> After(string text, int nameEnd)
    {
        var office = Words.Offices.FirstOrDefault(o => string.CompareOrdinal(text, nameEnd, o, 0, o.Length) == 0);
        if (office is null) return [];
        var end = nameEnd + office.Length;
        var closed = end == text.Length || Boundaries.Contains(text[end]) || text[end] == '、'
                     || Words.NameFollowers.Any(f => string.CompareOrdinal(text, end, f, 0, f.Length) == 0);
        return closed ? [office] : [];
    }

    /// <summary>True when <paramref name="prefix"/> holds nothing but titles, a leader phrase, or nothing at all.</summary>
    public static bool IsOnlyTitles(string prefix) => Segments(prefix).All(s => IsTitle(s) && TrimLeft(s) == s);

    /// <summary>The leadership phrase (市领导, 省党政军领导…) <paramref name="text"/> ends with, if any.</summary>
    public static string? LeaderPhraseEnding(string text) =>
        Words.LeaderPhrases.FirstOrDefault(p => text.EndsWith(p, StringComparison.Ordinal));

    private static List<string> Segments(string chain)
    {
        chain = chain.Trim();
        foreach (var phrase in Words.LeaderPhrases)
        {
            var at = chain.LastIndexOf(phrase, StringComparison.Ordinal);
            if (at >= 0 && at + phrase.Length == chain.Length)
                return [];
            if (at == 0)
            {
                chain = chain[phrase.Length..];
                break;
            }
        }
        return chain.Split(Words.TitleSeparators.ToCharArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static string TrimLeft(string segment)
    {
        // "和市委书记": a conjunction right after the previous name.
        foreach (var conjunction in Words.Conjunctions)
        {
            if (segment.Length > conjunction.Length && segment.StartsWith(conjunction, StringComparison.Ordinal))
            {
                segment = segment[conjunction.Length..];
                break;
            }
        }
        var cut = 0;
        foreach (var delimiter in Words.LeftDelimiters)
        {
            if (delimiter.Length == 1 && Words.CharactersInTitles.Contains(delimiter[0])) continue;
            var at = segment.LastIndexOf(delimiter, StringComparison.Ordinal);
            if (at >= 0 && at + delimiter.Length > cut && at + delimiter.Length < segment.Length)
                cut = at + delimiter.Length;
        }
        return PlaceStart(segment[cut..].TrimStart('了'));
    }

    /// <summary>
    /// "…完成情况石嘴山高新技术产业开发区党工委书记": where a sentence ran into a title unpunctuated, the title starts at
    /// the place it names. Only after a run of four or more characters that names no body or office of its own
    /// (中共太原市委书记 and 山西省太原市委书记 keep their heads).
    /// </summary>
    private static string PlaceStart(string segment)
    {
        if (segment.Length <= 6) return segment;
        var at = Gazetteer.FirstPlaceName(segment, 4);
        if (at < 0) return segment;
        var head = segment[..at];
        var headIsTitle = Words.Offices.Any(o => head.Contains(o, StringComparison.Ordinal))
                          || Words.OrganizationSuffixes.Any(s => head.Contains(s.Suffix, StringComparison.Ordinal))
                          || head.StartsWith("中共", StringComparison.Ordinal) || "省市县区州盟旗".Contains(head[^1]);
        return headIsTitle ? segment : segment[at..];
    }

    internal static bool IsTitle(string segment) =>
        segment.Length > 0 && Words.Offices.Any(office => segment.EndsWith(office, StringComparison.Ordinal));
}
