namespace GraphQLArchive.Ingestion.Registry;

/// <summary>The curated registry in <c>seeds/registry/*.json</c>: what an editor knows that the text does not say plainly.</summary>
public sealed record ArchiveRegistry(
    IReadOnlyList<RegistryEdition> Editions,
    IReadOnlyList<RegistryOfficial> Officials,
    IReadOnlyList<RegistryJournalist> Journalists,
    IReadOnlyList<RegistryLocation> Locations,
    IReadOnlyList<RegistryOrganization> Organizations,
    IReadOnlyList<RegistryProject> Projects);

/// <summary>A value and whether an editor inferred it rather than read it on the page.</summary>
public sealed record Inferable<T>(T Value, bool Inferred);

/// <summary>One printed page: <see cref="SourceFile"/> is its file name under <c>seeds/pages/</c>.</summary>
public sealed record RegistryEdition(string SourceFile, Inferable<string> Newspaper, Inferable<DateOnly> Date, Inferable<int> Page);

public sealed record RegistryOfficial(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<RegistryPosition> Positions);

/// <summary>A title as printed (市委书记) and, where known, the organization it belongs to (by name).</summary>
public sealed record RegistryPosition(string Title, string? Organization);

public sealed record RegistryJournalist(string Name, JournalistRole Role);

public sealed record RegistryLocation(string Name, LocationKind Kind, string? Parent, IReadOnlyList<string> Aliases, double? Latitude, double? Longitude);

public sealed record RegistryOrganization(string Name, OrganizationKind Kind, string? Parent, IReadOnlyList<string> Aliases);

public sealed record RegistryProject(
    string Name,
    IReadOnlyList<string> Aliases,
    ProjectStatus Status,
    string? Location,
    string? Organization,
    string? Sector,
    decimal? TotalInvestment,
    decimal? FloorArea,
    decimal? SiteArea,
    decimal? ExpectedAnnualRevenue,
    decimal? ExpectedAnnualTax,
    IReadOnlyList<RegistryFact> Facts,
    IReadOnlyList<RegistryMilestone> Milestones);

/// <summary>A printed figure normalized: 52亿元 → 5200000000 CNY; <see cref="Printed"/> keeps the original words.</summary>
public sealed record RegistryFact(string Label, decimal Value, string Unit, FactQualifier Qualifier, string Printed);

public sealed record RegistryMilestone(DateOnly? Date, MilestoneEvent Event, string Printed);
