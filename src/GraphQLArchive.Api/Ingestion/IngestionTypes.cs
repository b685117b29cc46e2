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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedOfficialType>>>>("officials")
            .Resolve(c => c.Source.Extracted.Officials.Select(o => (o, c.Source.CreatedNames.Contains("official:" + o.Name))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedLocationType>>>>("locations")
            .Resolve(c => c.Source.Extracted.Locations.Select(l => (l, c.Source.CreatedNames.Contains("location:" + l.Name))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedOrganizationType>>>>("organizations")
            .Resolve(c => c.Source.Extracted.Organizations.Select(o => (o, c.Source.CreatedNames.Contains("organization:" + o.Name))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedProjectType>>>>("projects")
            .Resolve(c => c.Source.Extracted.Projects.Select(p => (p, c.Source.CreatedNames.Contains("project:" + p.Name))));
    }
}

public sealed class ExtractedOfficialType : ObjectGraphType<(RegistryOfficial Official, bool Created)>
{
    public ExtractedOfficialType()
    {
        Name = "ExtractedOfficial";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Official.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedPositionType>>>>("positions").Resolve(c => c.Source.Official.Positions);
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created).Description("True when this page created the official; false when it linked to a known one.");
    }
}

public sealed class ExtractedPositionType : ObjectGraphType<RegistryPosition>
{
    public ExtractedPositionType()
    {
        Name = "ExtractedPosition";
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title).Description("As printed, e.g. 市委书记.");
        Field<StringGraphType>("organization").Resolve(c => c.Source.Organization).Description("The body the title belongs to, e.g. 中共太原市委.");
    }
}

public sealed class ExtractedLocationType : ObjectGraphType<(RegistryLocation Location, bool Created)>
{
    public ExtractedLocationType()
    {
        Name = "ExtractedLocation";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Location.Name);
        Field<NonNullGraphType<LocationKindType>>("kind").Resolve(c => c.Source.Location.Kind);
        Field<StringGraphType>("parent").Resolve(c => c.Source.Location.Parent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Location.Aliases);
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created);
    }
}

public sealed class ExtractedOrganizationType : ObjectGraphType<(RegistryOrganization Organization, bool Created)>
{
    public ExtractedOrganizationType()
    {
        Name = "ExtractedOrganization";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Organization.Name);
        Field<NonNullGraphType<OrganizationKindType>>("kind").Resolve(c => c.Source.Organization.Kind);
        Field<StringGraphType>("parent").Resolve(c => c.Source.Organization.Parent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Organization.Aliases);
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created);
    }
}

public sealed class ExtractedProjectType : ObjectGraphType<(RegistryProject Project, bool Created)>
{
    public ExtractedProjectType()
    {
        Name = "ExtractedProject";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Project.Name);
        Field<NonNullGraphType<ProjectStatusType>>("status").Resolve(c => c.Source.Project.Status);
        Field<StringGraphType>("location").Resolve(c => c.Source.Project.Location);
        Field<StringGraphType>("organization").Resolve(c => c.Source.Project.Organization);
        Field<DecimalGraphType>("totalInvestment").Resolve(c => c.Source.Project.TotalInvestment);
        Field<DecimalGraphType>("floorArea").Resolve(c => c.Source.Project.FloorArea);
        Field<DecimalGraphType>("siteArea").Resolve(c => c.Source.Project.SiteArea);
        Field<DecimalGraphType>("expectedAnnualRevenue").Resolve(c => c.Source.Project.ExpectedAnnualRevenue);
        Field<DecimalGraphType>("expectedAnnualTax").Resolve(c => c.Source.Project.ExpectedAnnualTax);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedFactType>>>>("facts").Resolve(c => c.Source.Project.Facts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedMilestoneType>>>>("milestones").Resolve(c => c.Source.Project.Milestones);
        Field<NonNullGraphType<BooleanGraphType>>("created").Resolve(c => c.Source.Created);
    }
}

public sealed class ExtractedFactType : ObjectGraphType<RegistryFact>
{
    public ExtractedFactType()
    {
        Name = "ExtractedFact";
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<DecimalGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<FactQualifierType>>("qualifier").Resolve(c => c.Source.Qualifier);
        Field<NonNullGraphType<StringGraphType>>("printed").Resolve(c => c.Source.Printed);
    }
}

public sealed class ExtractedMilestoneType : ObjectGraphType<RegistryMilestone>
{
    public ExtractedMilestoneType()
    {
        Name = "ExtractedMilestone";
        Field<LocalDateGraphType>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<MilestoneEventType>>("event").Resolve(c => c.Source.Event);
        Field<NonNullGraphType<StringGraphType>>("printed").Resolve(c => c.Source.Printed);
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
        Field<NonNullGraphType<OfficialType>>("official").Description("The merged official, with every appearance, position and alias.")
            .ResolveAsync(async c => (await c.ProjectOfficialsAsync([c.Source.OfficialId])).Single());
    }
}
