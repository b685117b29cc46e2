using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Locations;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Projects;
using GraphQLArchive.Querying.Introspection;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Projection;
using GraphQLArchive.Querying.Scalars;

namespace GraphQLArchive.Api.Projects;

public sealed class ProjectType : ObjectGraphType<Project>
{
    public ProjectType()
    {
        Name = "Project";
        Description = "An industrial or urban project, with the figures printed about it.";
        this.ImplementsNode(p => p.Id);
        Field(p => p.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The name as printed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other names the reports use.");
        Field(p => p.Status, type: typeof(NonNullGraphType<ProjectStatusType>)).Description("How far it has got, by the latest report.");
        Field<LocationType>("location").Description("Where it is built.");
        Field<OrganizationType>("organization").Description("The company or body behind it.");
        Field(p => p.Sector, type: typeof(StringGraphType)).Description("The industry, as printed.");
        Field(p => p.TotalInvestment, type: typeof(ExactDecimalGraphType)).Description("总投资, in CNY.");
        Field(p => p.FloorArea, type: typeof(ExactDecimalGraphType)).Description("总建筑面积, in m².");
        Field(p => p.SiteArea, type: typeof(ExactDecimalGraphType)).Description("总占地, in m².");
        Field(p => p.ExpectedAnnualRevenue, type: typeof(ExactDecimalGraphType)).Description("预计年营业额, in CNY; see facts for its qualifier.");
        Field(p => p.ExpectedAnnualTax, type: typeof(ExactDecimalGraphType)).Description("利税, in CNY a year.");
        this.AddFilterableList<ProjectFactType>("facts", "Every printed figure, normalized, with the words as printed.");
        this.AddFilterableList<MilestoneType>("milestones", "Dated steps: signed, started, in production, …");
        this.AddFilterableList<ArticleType>("articles", "The reports that name the project.");
    }
}

public sealed class ProjectFactType : ObjectGraphType<ProjectFact>
{
    public ProjectFactType()
    {
        Name = "ProjectFact";
        Description = "One printed figure about a project, normalized to a number and a unit.";
        Field(f => f.Label, type: typeof(NonNullGraphType<StringGraphType>)).Description("What the figure measures, as printed, e.g. 总投资.");
        Field(f => f.Value, type: typeof(NonNullGraphType<ExactDecimalGraphType>)).Description("The figure in `unit`: 52亿元 is 5200000000.");
        Field(f => f.Unit, type: typeof(NonNullGraphType<StringGraphType>)).Description("CNY, m², 台, month, …");
        Field(f => f.Qualifier, type: typeof(NonNullGraphType<FactQualifierType>)).Description("AT_LEAST for 以上, MORE_THAN for 多, …");
        Field(f => f.Printed, type: typeof(NonNullGraphType<StringGraphType>)).Description("The words as printed, e.g. 7亿元以上.");
    }
}

public sealed class MilestoneType : ObjectGraphType<Milestone>
{
    public MilestoneType()
    {
        Name = "Milestone";
        Description = "A dated step of a project.";
        Field(m => m.Date, type: typeof(LocalDateGraphType)).Description("When it happened or is due; null when the report gives no date.");
        Field(m => m.Event, type: typeof(NonNullGraphType<MilestoneEventType>)).Description("What happened.");
        Field(m => m.Printed, type: typeof(NonNullGraphType<StringGraphType>)).Description("The words as printed, e.g. 年底投产.");
    }
}

public sealed class ProjectStatusType : EnumerationGraphType<ProjectStatus>
{
    public ProjectStatusType()
    {
        Name = "ProjectStatus";
        Description = "How far a project has got.";
        this.DescribeValues(
            ("SIGNED", "Agreed and signed (签约), not yet started."),
            ("STARTED", "Construction has started (开工)."),
            ("IN_PRODUCTION", "Producing (投产)."),
            ("COMPLETED", "Finished (竣工)."));
    }
}

public sealed class FactQualifierType : EnumerationGraphType<FactQualifier>
{
    public FactQualifierType()
    {
        Name = "FactQualifier";
        Description = "How a printed figure is hedged.";
        this.DescribeValues(
            ("EXACT", "As printed, without a hedge."),
            ("AT_LEAST", "At least the figure (以上)."),
            ("AT_MOST", "At most the figure (以下, 以内)."),
            ("APPROXIMATELY", "About the figure (约, 左右)."),
            ("MORE_THAN", "More than the figure (多, 余)."));
    }
}

public sealed class MilestoneEventType : EnumerationGraphType<MilestoneEvent>
{
    public MilestoneEventType()
    {
        Name = "MilestoneEvent";
        Description = "A step in a project's life.";
        this.DescribeValues(
            ("SIGNED", "The agreement was signed (签约)."),
            ("LANDED", "The project settled in the city (落地)."),
            ("STARTED", "Construction started (开工)."),
            ("GROUND_BREAKING", "The ground-breaking ceremony (奠基)."),
            ("IN_PRODUCTION", "Production started (投产)."),
            ("COMPLETED", "Construction finished (竣工)."));
    }
}
