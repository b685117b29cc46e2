using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Locations;
using GraphQLArchive.Model.Organizations;

namespace GraphQLArchive.Model.Projects;

public class Project
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public ProjectStatus Status { get; set; }
    public int? LocationId { get; set; }
    public Location? Location { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string? Sector { get; set; }

    /// <summary>CNY.</summary>
    public decimal? TotalInvestment { get; set; }

    /// <summary>m².</summary>
    public decimal? FloorArea { get; set; }

    /// <summary>m².</summary>
    public decimal? SiteArea { get; set; }

    /// <summary>CNY a year.</summary>
    public decimal? ExpectedAnnualRevenue { get; set; }

    /// <summary>CNY a year.</summary>
    public decimal? ExpectedAnnualTax { get; set; }

    public List<ProjectFact> Facts { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<Article> Articles { get; set; } = [];
}
