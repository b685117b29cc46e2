using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>Character classes of raw text, and the lexicon's places in the shape the extractor matches on.</summary>
internal static class Gazetteer
{
    private static WordLexicon Words => WordLexicon.Default;

    public static IReadOnlyList<(string Name, string Short)> Provinces { get; } =
        WordLexicon.Default.Divisions.Provinces.Select(p => (p.Name, p.Short)).ToList();

    public static IReadOnlyList<(string Name, string Short, string Province)> Cities { get; } =
        WordLexicon.Default.Divisions.Cities.Select(c => (c.Name, c.Short, c.Province)).ToList();

    public static IReadOnlyList<string> LeftDelimiters => Words.LeftDelimiters;

    // Every province, city and county by its full and short names of two characters or more, by first character,
    // longest first: one lookup per position instead of a scan per name.
    private static readonly Dictionary<char, string[]> PlaceNames = WordLexicon.Default.Divisions.Provinces
        .SelectMany(p => p.Cities.SelectMany(c => c.Counties.Append(c.Name).Append(c.Short)).Append(p.Name).Append(p.Short))
        .Where(n => n.Length >= 2).Distinct()
        .GroupBy(n => n[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ToArray());

    // Counties by their stem, the name without its level (曾都 for 曾都区), by the stem's first character: a county's own
    // site may print no other form (落户曾都). Not a stem that names another place (朝阳 of 朝阳县 is 朝阳市'), nor a
    // minority county's (…自治).
    private static readonly Dictionary<char, (string Stem, string County)[]> CountyStems = WordLexicon.Default.Divisions.CountyCities.Keys
        .Where(c => c.Length >= 3 && "区县旗市".Contains(c[^1]) && !c.Contains("自治", StringComparison.Ordinal))
        .Select(c => (Stem: c[..^1], County: c))
        .Where(s => !PlaceNames.TryGetValue(s.Stem[0], out var names) || !names.Contains(s.Stem))
        .GroupBy(s => s.Stem[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Stem.Length).ToArray());

    private static readonly int LongestPlaceName = PlaceNames.Values.Max(names => names[0].Length);

    /// <summary>The length of the longest place name printed at <paramref name="at"/>, or 0.</summary>
    public static int PlaceNameAt(string text, int at)
    {
        if (at >= text.Length || !PlaceNames.TryGetValue(text[at], out var names)) return 0;
        foreach (var name in names)
        {
            if (string.CompareOrdinal(text, at, name, 0, name.Length) == 0) return name.Length;
        }
        return 0;
    }

    /// <summary>
    /// How often each place name is printed in <paramref name="text"/>, in one pass over the index: every name that starts at
    /// a position counts (朝阳县 counts 朝阳 too), one name's printings do not overlap, and <paramref name="skip"/> drops a
    /// printing (text, start, length).
    /// </summary>
    public static Dictionary<string, int> PrintedNames(string text, Func<string, int, int, bool> skip)
    {
        var counts = new Dictionary<string, int>();
        var ends = new Dictionary<string, int>();
        for (var at = 0; at < text.Length; at++)
        {
            if (!PlaceNames.TryGetValue(text[at], out var names)) continue;
            foreach (var name in names)
            {
                if (string.CompareOrdinal(text, at, name, 0, name.Length) != 0 || ends.GetValueOrDefault(name) > at || skip(text, at, name.Length)) continue;
                counts[name] = counts.GetValueOrDefault(name) + 1;
                ends[name] = at + name.Length;
            }
        }
        return counts;
    }

    /// <summary>
    /// The counties printed in <paramref name="text"/> by their stem alone, with how often: 曾都 → 曾都区. Only where the stem
    /// begins no longer place name (曾都区 is counted as itself) nor a town's, and <paramref name="accept"/> takes it (an
    /// ordinary word is no county).
    /// </summary>
    public static Dictionary<string, int> PrintedStems(string text, Func<string, bool> accept)
    {
        var counts = new Dictionary<string, int>();
        for (var at = 0; at < text.Length; at++)
        {
            if (!CountyStems.TryGetValue(text[at], out var stems)) continue;
            int? placeName = null; // the same for every stem at this position
            foreach (var (stem, county) in stems)
            {
                if (string.CompareOrdinal(text, at, stem, 0, stem.Length) != 0 || (placeName ??= PlaceNameAt(text, at)) > stem.Length || !accept(stem)) continue;
                // 化北屯乡: a town's name that holds the stem is no county.
                if (Words.TownSuffixes.Any(t => string.CompareOrdinal(text, at + stem.Length, t, 0, t.Length) == 0)) continue;
                counts[county] = counts.GetValueOrDefault(county) + 1;
            }
        }
        return counts;
    }

    /// <summary>The first position at or after <paramref name="from"/> where a place's name is printed, or -1.</summary>
    public static int FirstPlaceName(string text, int from)
    {
        for (var at = from; at < text.Length; at++)
        {
            if (PlaceNameAt(text, at) > 0) return at;
        }
        return -1;
    }

    /// <summary>True when the characters at <paramref name="at"/> are part of a place's name printed there: the 同 of 大同 is no delimiter.</summary>
    public static bool IsInsidePlaceName(string text, int at, int length)
    {
        for (var start = Math.Max(0, at + length - LongestPlaceName); start <= at; start++)
        {
            if (start + PlaceNameAt(text, start) >= at + length) return true;
        }
        return false;
    }

    public const string Boundaries = ",，。；;：:！!？?、“”\"（）()《》\n\t 　";

    public static bool IsNameChar(char c) => !Boundaries.Contains(c) && !char.IsWhiteSpace(c);

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
