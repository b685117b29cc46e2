namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>The role an official plays in a report, from the verb that governs the mention.</summary>
public enum AppearanceRole { Presided, Attended, Visited, Accompanied, Spoke, Mentioned }

/// <summary>One official in one article: the titles printed before the name, and the role.</summary>
public sealed record OfficialMention(string Name, IReadOnlyList<string> Titles, AppearanceRole Role);
