using GraphQLArchive.Ingestion.Extraction;

namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>The role an official plays in a report, from the verb that governs the mention. New values go at the end: roles are stored by number.</summary>
public enum AppearanceRole { Presided, Attended, Visited, Accompanied, Spoke, Mentioned, Met }

/// <summary>
/// One official in one article: the titles printed for the name (its own, or those printed once before the list
/// it is in), the role, and, when a normalizer was given, each title's office and organization.
/// </summary>
public sealed record OfficialMention(string Name, IReadOnlyList<string> Titles, AppearanceRole Role)
{
    public IReadOnlyList<NormalizedTitle> Positions { get; init; } = [];
}
