using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Locations;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Projects;
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
        Field(p => p.Name, type: typeof(NonNullGraphType<StringGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases");
        Field(p => p.Status, type: typeof(NonNullGraphType<ProjectStatusType>));
        Field<LocationType>("location");
        Field<OrganizationType>("organization");
        Field(p => p.Sector, type: typeof(StringGraphType));
        Field(p => p.TotalInvestment, type: typeof(DecimalGraphType)).Description("总投资, in CNY.");
        Field(p => p.FloorArea, type: typeof(DecimalGraphType)).Description("总建筑面积, in m².");
        Field(p => p.SiteArea, type: typeof(DecimalGraphType)).Description("总占地, in m².");
        Field(p => p.ExpectedAnnualRevenue, type: typeof(DecimalGraphType)).Description("预计年营业额, in CNY; see facts for its qualifier.");
        Field(p => p.ExpectedAnnualTax, type: typeof(DecimalGraphType)).Description("利税, in CNY a year.");
        this.AddFilterableList<ProjectFactType>("facts", "Every printed figure, normalized, with the words as printed.");
        this.AddFilterableList<MilestoneType>("milestones");
        this.AddFilterableList<ArticleType>("articles");
    }
}

public sealed class ProjectFactType : ObjectGraphType<ProjectFact>
{
    public ProjectFactType()
    {
        Name = "ProjectFact";
        Field(f => f.Label, type: typeof(NonNullGraphType<StringGraphType>));
        Field(f => f.Value, type: typeof(NonNullGraphType<DecimalGraphType>));
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
        Field(m => m.Date, type: typeof(LocalDateGraphType));
        Field(m => m.Event, type: typeof(NonNullGraphType<MilestoneEventType>));
        Field(m => m.Printed, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class ProjectStatusType : EnumerationGraphType<ProjectStatus>
{
    public ProjectStatusType() => Name = "ProjectStatus";
}

public sealed class FactQualifierType : EnumerationGraphType<FactQualifier>
{
    public FactQualifierType() => Name = "FactQualifier";
}

public sealed class MilestoneEventType : EnumerationGraphType<MilestoneEvent>
{
    public MilestoneEventType() => Name = "MilestoneEvent";
}
