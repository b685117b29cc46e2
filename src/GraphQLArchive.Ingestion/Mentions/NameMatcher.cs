namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Finds which known entities a text names, by canonical name or alias.</summary>
public static class NameMatcher
{
    /// <summary>Canonical names found in <paramref name="text"/>, longest match first, in order of first occurrence.</summary>
    public static IReadOnlyList<string> FindAll(string text, IEnumerable<(string Name, IReadOnlyList<string> Aliases)> known) =>
        throw new NotImplementedException();
}
