using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Locations;
using GraphQLArchive.Api.Officials;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Querying.Scalars;

namespace GraphQLArchive.Api.Ingestion;

public sealed class IngestPageInputType : InputObjectGraphType
{
    public IngestPageInputType()
    {
        Name = "IngestPageInput";
        Description = "A scanned page of a city daily and its edition.";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The page as scanned: headlines, then reports that start with 本报讯; at most 200,000 characters.");
        Field<NonNullGraphType<LocalDateGraphType>>("editionDate").Description("The date the page was printed; report dates such as 7月29日 resolve against it.");
        Field<StringGraphType>("newspaper").Description("The newspaper; inferred from the city the page is about when left out.");
        Field<IntGraphType>("page").Description("The page number, from 1; 1 (inferred) when left out.");
    }
}

/// <summary>What <c>ingestPage</c> returns: the page's articles, and what was extracted from it.</summary>
public sealed record IngestPagePayload(bool Created, IReadOnlyList<int> ArticleIds, ArchiveRegistry Extracted, IReadOnlySet<string> CreatedNames);

public sealed class IngestPagePayloadType : ObjectGraphType<IngestPagePayload>
{
    public IngestPagePayloadType()
    {
        Name = "IngestPagePayload";
        Description = "What `ingestPage` stored or found.";
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created)
            .Description("False when the same page was ingested before: nothing was stored and articles are the stored ones.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleType>>>>("articles")
            .Description("The page's articles, in print order.")
            .ResolveAsync(async c => await c.ProjectArticlesAsync(c.Source.ArticleIds));
        Field<NonNullGraphType<ExtractionSummaryType>>("extracted").Resolve(c => c.Source)
            .Description("The officials, locations, organizations and projects the page names, as extracted.");
    }
}

public sealed class ExtractionSummaryType : ObjectGraphType<IngestPagePayload>
{
    public ExtractionSummaryType()
    {
        Name = "ExtractionSummary";
        Description = "What the extractor found on the page, and whether each was new to the archive.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedOfficialType>>>>("officials").Description("The officials named, with their titles.")
            .Resolve(c => c.Source.Extracted.Officials.Select(o => (o, c.Source.CreatedNames.Contains("official:" + o.Name))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedLocationType>>>>("locations").Description("The places named, with their parents.")
            .Resolve(c => c.Source.Extracted.Locations.Select(l => (l, c.Source.CreatedNames.Contains("location:" + l.Name))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedOrganizationType>>>>("organizations").Description("The organizations named.")
            .Resolve(c => c.Source.Extracted.Organizations.Select(o => (o, c.Source.CreatedNames.Contains("organization:" + o.Name))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedProjectType>>>>("projects").Description("The projects named, with their figures.")
            .Resolve(c => c.Source.Extracted.Projects.Select(p => (p, c.Source.CreatedNames.Contains("project:" + p.Name))));
    }
}

public sealed class ExtractedOfficialType : ObjectGraphType<(RegistryOfficial Official, bool Created)>
{
    public ExtractedOfficialType()
    {
        Name = "ExtractedOfficial";
        Description = "An official found on the page.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Official.Name).Description("The name as printed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedPositionType>>>>("positions").Resolve(c => c.Source.Official.Positions).Description("The titles printed beside the name.");
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created).Description("True when this page created the official; false when it linked to a known one.");
    }
}

public sealed class ExtractedPositionType : ObjectGraphType<RegistryPosition>
{
    public ExtractedPositionType()
    {
        Name = "ExtractedPosition";
        Description = "A title found beside an official's name.";
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title).Description("As printed, e.g. 市委书记.");
        Field<StringGraphType>("organization").Resolve(c => c.Source.Organization).Description("The body the title belongs to, e.g. 中共太原市委.");
    }
}

public sealed class ExtractedLocationType : ObjectGraphType<(RegistryLocation Location, bool Created)>
{
    public ExtractedLocationType()
    {
        Name = "ExtractedLocation";
        Description = "A place found on the page.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Location.Name).Description("The name as printed.");
        Field<NonNullGraphType<LocationKindType>>("kind").Resolve(c => c.Source.Location.Kind).Description("Its level, from its suffix or the registry.");
        Field<StringGraphType>("parent").Resolve(c => c.Source.Location.Parent).Description("The name of the place it lies in, where known.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Location.Aliases).Description("Other names for it.");
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created).Description("True when this page created it; false when it linked to a known one.");
    }
}

public sealed class ExtractedOrganizationType : ObjectGraphType<(RegistryOrganization Organization, bool Created)>
{
    public ExtractedOrganizationType()
    {
        Name = "ExtractedOrganization";
        Description = "An organization found on the page.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Organization.Name).Description("The full name.");
        Field<NonNullGraphType<OrganizationKindType>>("kind").Resolve(c => c.Source.Organization.Kind).Description("What kind of body it is.");
        Field<StringGraphType>("parent").Resolve(c => c.Source.Organization.Parent).Description("The name of the body it belongs to, where known.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Organization.Aliases).Description("Short and other names for it.");
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created).Description("True when this page created it; false when it linked to a known one.");
    }
}

public sealed class ExtractedProjectType : ObjectGraphType<(RegistryProject Project, bool Created)>
{
    public ExtractedProjectType()
    {
        Name = "ExtractedProject";
        Description = "A project found on the page, with the figures printed about it.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Project.Name).Description("The name as printed.");
        Field<NonNullGraphType<ProjectStatusType>>("status").Resolve(c => c.Source.Project.Status).Description("How far it has got, by this page.");
        Field<StringGraphType>("location").Resolve(c => c.Source.Project.Location).Description("The name of the place it is built in, where printed.");
        Field<StringGraphType>("organization").Resolve(c => c.Source.Project.Organization).Description("The name of the company or body behind it, where printed.");
        Field<ExactDecimalGraphType>("totalInvestment").Resolve(c => c.Source.Project.TotalInvestment).Description("总投资, in CNY.");
        Field<ExactDecimalGraphType>("floorArea").Resolve(c => c.Source.Project.FloorArea).Description("总建筑面积, in m².");
        Field<ExactDecimalGraphType>("siteArea").Resolve(c => c.Source.Project.SiteArea).Description("总占地, in m².");
        Field<ExactDecimalGraphType>("expectedAnnualRevenue").Resolve(c => c.Source.Project.ExpectedAnnualRevenue).Description("预计年营业额, in CNY.");
        Field<ExactDecimalGraphType>("expectedAnnualTax").Resolve(c => c.Source.Project.ExpectedAnnualTax).Description("利税, in CNY a year.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedFactType>>>>("facts").Resolve(c => c.Source.Project.Facts).Description("Every printed figure, normalized.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedMilestoneType>>>>("milestones").Resolve(c => c.Source.Project.Milestones).Description("The dated steps printed.");
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created).Description("True when this page created it; false when it linked to a known one.");
    }
}

public sealed class ExtractedFactType : ObjectGraphType<RegistryFact>
{
    public ExtractedFactType()
    {
        Name = "ExtractedFact";
        Description = "A printed figure, normalized to a number and a unit.";
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => c.Source.Label).Description("What the figure measures, as printed.");
        Field<NonNullGraphType<ExactDecimalGraphType>>("value").Resolve(c => c.Source.Value).Description("The figure in `unit`.");
        Field<NonNullGraphType<StringGraphType>>("unit").Resolve(c => c.Source.Unit).Description("CNY, m², 台, month, …");
        Field<NonNullGraphType<FactQualifierType>>("qualifier").Resolve(c => c.Source.Qualifier).Description("How the figure is hedged.");
        Field<NonNullGraphType<StringGraphType>>("printed").Resolve(c => c.Source.Printed).Description("The words as printed.");
    }
}

public sealed class ExtractedMilestoneType : ObjectGraphType<RegistryMilestone>
{
    public ExtractedMilestoneType()
    {
        Name = "ExtractedMilestone";
        Description = "A dated step of a project, as printed.";
        Field<LocalDateGraphType>("date").Resolve(c => c.Source.Date).Description("When, where the page says.");
        Field<NonNullGraphType<MilestoneEventType>>("event").Resolve(c => c.Source.Event).Description("What happened.");
        Field<NonNullGraphType<StringGraphType>>("printed").Resolve(c => c.Source.Printed).Description("The words as printed.");
    }
}

public sealed class MergeOfficialsInputType : InputObjectGraphType
{
    public MergeOfficialsInputType()
    {
        Name = "MergeOfficialsInput";
        Description = "Officials to merge into one, e.g. a name misread by the scan into the right one.";
        Field<NonNullGraphType<IdGraphType>>("targetId").Description("The official that stays.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sourceIds").Description("The officials merged into it and removed; their names become its aliases.");
    }
}

public sealed record MergeOfficialsPayload(int OfficialId);

public sealed class MergeOfficialsPayloadType : ObjectGraphType<MergeOfficialsPayload>
{
    public MergeOfficialsPayloadType()
    {
        Name = "MergeOfficialsPayload";
        Description = "What `mergeOfficials` left.";
        Field<NonNullGraphType<OfficialType>>("official").Description("The merged official, with every appearance, position and alias.")
            .ResolveAsync(async c => (await c.ProjectOfficialsAsync([c.Source.OfficialId])).Single());
    }
}
