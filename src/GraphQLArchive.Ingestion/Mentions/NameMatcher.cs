namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Finds which known entities a text names, by canonical name or alias.</summary>
public static class NameMatcher
{
    // A one-character alias (并 for 太原) is an ordinary word elsewhere ("并为项目奠基"): it only names the
    // place after a verb of going or staying (驻并部队, 入并, 返并, 抵并).
    private const string SingleCharacterAliasLeads = "驻入返抵来赴离在";

    // 市委 inside 市委书记 or 市委常委 is part of a title, not a mention of the committee.
    private static IReadOnlyList<string> TitleContinuations => GraphQLArchive.Ingestion.Lexicon.WordLexicon.Default.TitleContinuations;

    /// <summary>Canonical names found in <paramref name="text"/>, longest match first, in order of first occurrence.</summary>
    public static IReadOnlyList<string> FindAll(string text, IEnumerable<(string Name, IReadOnlyList<string> Aliases)> known)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);

        // Canonical names go first so that an alias shared with another entity's name loses to that name.
        var entries = known.ToList();
        var canonical = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var surfaces = entries.Select(e => (e.Name, e.Name))
            .Concat(entries.SelectMany(e => e.Aliases.Select(alias => (alias, e.Name))));
        return new NameScanner(surfaces, (t, m) => canonical.Contains(t.Substring(m.Start, m.Length)) || AliasCounts(t, m))
            .Scan(text).Select(m => m.Canonical).Distinct().ToList();
    }

    private static bool AliasCounts(string text, NameMatch match)
    {
        if (match.Length == 1 && (match.Start == 0 || !SingleCharacterAliasLeads.Contains(text[match.Start - 1])))
            return false;
        return !TitleContinuations.Any(t => string.CompareOrdinal(text, match.End, t, 0, t.Length) == 0);
    }
}
