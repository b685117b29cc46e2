using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Model.Generation;

internal sealed record GenLocation(int Id, string Name, LocationKind Kind, int? ParentId, IReadOnlyList<string> Aliases, double? Latitude, double? Longitude);

internal sealed record GenOrganization(int Id, string Name, OrganizationKind Kind, int? ParentId, IReadOnlyList<string> Aliases);

internal sealed record GenPerson(int Id, string Name);

/// <summary>A title an official holds for a tenure; the dates it was printed on are filled in while articles are written.</summary>
internal sealed class GenPosition(int id, int officialId, string title, int organizationId)
{
    public int Id { get; } = id;
    public int OfficialId { get; } = officialId;
    public string Title { get; } = title;
    public int OrganizationId { get; } = organizationId;
    public DateOnly? FirstSeen { get; private set; }
    public DateOnly? LastSeen { get; private set; }

    public void SeenOn(DateOnly date)
    {
        FirstSeen ??= date;
        LastSeen = date;
    }
}

/// <summary>A seat (市长, 小店区委书记, …) and the titles printed for whoever holds it. <paramref name="Place"/> is the district it governs, if any.</summary>
internal sealed record Post(string Name, IReadOnlyList<(string Title, int OrganizationId)> Titles, GenLocation? Place);

/// <summary>One official in one post from a date until (not including) another.</summary>
internal sealed record Tenure(GenPerson Official, Post Post, DateOnly From, IReadOnlyList<GenPosition> Positions)
{
    public DateOnly Until { get; set; } = DateOnly.MaxValue;
}

internal sealed record GenFigure(string Label, decimal Value, string Unit, FactQualifier Qualifier, string Printed);

internal sealed record GenProject(
    int Id, string Name, ProjectStatus Status, GenLocation Location, GenOrganization? Company, string Sector,
    decimal? TotalInvestment, decimal? FloorArea, decimal? SiteArea, decimal? ExpectedAnnualRevenue, decimal? ExpectedAnnualTax,
    IReadOnlyList<GenFigure> Facts, IReadOnlyList<(DateOnly? Date, MilestoneEvent Event, string Printed)> Milestones);
