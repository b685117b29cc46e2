namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>One known name found in a text: where it is printed and which canonical entity it names.</summary>
internal readonly record struct NameMatch(int Start, int Length, string Canonical)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds known names in raw Chinese text, which has no spaces to segment on. Left to right, the longest
/// name at each position wins and matches never overlap, so 太原 inside 太原警备区 is not a second match.
/// </summary>
internal sealed class NameScanner
{
    // Surfaces grouped by first character, longest first.
    private readonly Dictionary<char, List<(string Surface, string Canonical)>> _byFirstChar = [];
    private readonly Func<string, NameMatch, bool>? _accept;

    /// <param name="surfaces">Printed forms and the canonical name each stands for.</param>
    /// <param name="accept">Whether a surface found at a place in the text counts there; by default every one does.</param>
    public NameScanner(IEnumerable<(string Surface, string Canonical)> surfaces, Func<string, NameMatch, bool>? accept = null)
    {
        _accept = accept;
        foreach (var (surface, canonical) in surfaces.Where(s => !string.IsNullOrWhiteSpace(s.Surface)).DistinctBy(s => s.Surface))
        {
            if (!_byFirstChar.TryGetValue(surface[0], out var list))
                _byFirstChar[surface[0]] = list = [];
            list.Add((surface, canonical));
        }
        foreach (var list in _byFirstChar.Values)
            list.Sort((a, b) => b.Surface.Length.CompareTo(a.Surface.Length));
    }

    public static NameScanner ForNames(IEnumerable<string> names) => new(names.Select(name => (name, name)));

    public IReadOnlyList<NameMatch> Scan(string text)
    {
        var matches = new List<NameMatch>();
        var i = 0;
        while (i < text.Length)
        {
            var match = LongestAt(text, i);
            if (match is { } found)
            {
                matches.Add(found);
                i = found.End;
            }
            else
            {
                i++;
            }
        }
        return matches;
    }

    private NameMatch? LongestAt(string text, int position)
    {
        if (!_byFirstChar.TryGetValue(text[position], out var candidates))
            return null;
        foreach (var (surface, canonical) in candidates)
        {
            if (position + surface.Length <= text.Length && string.CompareOrdinal(text, position, surface, 0, surface.Length) == 0
                && new NameMatch(position, surface.Length, canonical) is var match && (_accept?.Invoke(text, match) ?? true))
                return match;
        }
        return null;
    }
}
