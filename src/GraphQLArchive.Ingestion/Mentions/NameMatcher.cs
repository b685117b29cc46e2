namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Finds which known entities a text names, by canonical name or alias.</summary>
public static class NameMatcher
{
    /// <summary>Canonical names found in <paramref name="text"/>, longest match first, in order of first occurrence.</summary>
    public static IReadOnlyList<string> FindAll(string text, IEnumerable<(string Name, IReadOnlyList<string> Aliases)> known)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);

        // Canonical names go first so that an alias shared with another entity's name loses to that name.
        var entries = known.ToList();
        var surfaces = entries.Select(e => (e.Name, e.Name))
            .Concat(entries.SelectMany(e => e.Aliases.Select(alias => (alias, e.Name))));
        return new NameScanner(surfaces).Scan(text).Select(m => m.Canonical).Distinct().ToList();
    }
}
