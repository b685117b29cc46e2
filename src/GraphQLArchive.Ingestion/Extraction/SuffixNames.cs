namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>A name found by its suffix (…开发区, …有限公司, …项目), where it is printed.</summary>
internal readonly record struct SuffixName(string Name, string Suffix, int Start)
{
    public int End => Start + Name.Length;
}

/// <summary>
/// Finds names by how they end. Chinese prints no spaces, so a name's start is found by walking left from
/// its suffix to punctuation, a delimiter word (位于, 在, 的, 和…) or the end of a name already found.
/// </summary>
internal static class SuffixNames
{
    public static IEnumerable<SuffixName> Find(string text, IReadOnlyList<string> suffixes, int maxPrefix, ISet<int>? stops = null)
    {
        var ordered = suffixes.OrderByDescending(s => s.Length).ToList();
        var i = 0;
        while (i < text.Length)
        {
            var suffix = ordered.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
            if (suffix is null)
            {
                i++;
                continue;
            }
            var start = WalkLeft(text, i, maxPrefix, stops);
            if (start is { } s && i - s >= 2)
            {
                stops?.Add(i + suffix.Length); // a name right after this one starts where this one ends
                yield return new SuffixName(text[s..(i + suffix.Length)], suffix, s);
            }
            i += suffix.Length;
        }
    }

    private static readonly string[] NonNominal = ["v", "vd", "p", "c", "d", "ad", "r", "u", "uj", "ul", "uz", "ug", "uv", "y", "e"];

    /// <summary>
    /// True when no word starting in the prefix is a verb, preposition, adverb or particle: 希望部队 and
    /// 市长张新伟走访慰问部队 are not names, 市防汛抗旱指挥部 (防汛/vn) is.
    /// </summary>
    public static bool IsNominal(SuffixName name, IReadOnlyList<Token> tokens) =>
        !tokens.Any(t => t.Start >= name.Start && t.Start < name.End - name.Suffix.Length && NonNominal.Contains(t.Flag));

    /// <summary>
    /// Looser, for place names, where jieba often misreads the characters of a local name (三给片区: 三/m 给/p):
    /// only the first word must not be a verb, adverb or pronoun (叮嘱开发区 is not a place).
    /// </summary>
    public static bool StartsNominal(SuffixName name, IReadOnlyList<Token> tokens) =>
        tokens.Where(t => t.Start >= name.Start && t.Start < name.End - name.Suffix.Length).Take(1)
            .All(first => first.Flag is not ("v" or "vd" or "d" or "ad" or "r" or "c"));

    /// <summary>The start of the name whose suffix starts at <paramref name="suffixStart"/>; null when the prefix would be too long.</summary>
    internal static int? WalkLeft(string text, int suffixStart, int maxPrefix, ISet<int>? stops)
    {
        var start = suffixStart;
        while (start > 0 && Gazetteer.IsNameChar(text[start - 1]) && !(stops?.Contains(start) ?? false)
               && !Gazetteer.LeftDelimiters.Any(d => start >= d.Length && string.CompareOrdinal(text, start - d.Length, d, 0, d.Length) == 0
                                                      && !Gazetteer.IsInsidePlaceName(text, start - d.Length, d.Length)))
        {
            if (suffixStart - start >= maxPrefix) return null;
            start--;
        }
        return start;
    }
}
