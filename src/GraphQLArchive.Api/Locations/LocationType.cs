using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Locations;
using GraphQLArchive.Querying.Introspection;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Projection;

namespace GraphQLArchive.Api.Locations;

public sealed class LocationType : ObjectGraphType<Location>
{
    public LocationType()
    {
        Name = "Location";
        Description = "A place, in a hierarchy: 山西省 › 太原市 › 尖草坪区 › 三给片区.";
        this.ImplementsNode(l => l.Id);
        Field(l => l.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The name, e.g. 尖草坪区.");
        Field(l => l.Kind, type: typeof(NonNullGraphType<LocationKindType>)).Description("Its level in the hierarchy.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Short and other names the reports use.");
        Field<LocationType>("parent").Description("The place it lies in; null for the top.");
        this.AddFilterableList<LocationType>("children", "The places directly inside it.");
        Field(l => l.Latitude, type: typeof(FloatGraphType)).Description("Degrees north (WGS 84), where known.");
        Field(l => l.Longitude, type: typeof(FloatGraphType)).Description("Degrees east (WGS 84), where known.");
        this.AddFilterableList<ArticleType>("articles", "The reports that name the place.");
        this.AddFilterableList<ProjectType>("projects", "The projects located there.");
    }
}

public sealed class LocationKindType : EnumerationGraphType<LocationKind>
{
    public LocationKindType()
    {
        Name = "LocationKind";
        Description = "The level of a place in the hierarchy.";
        this.DescribeValues(
            ("PROVINCE", "A province (省)."),
            ("CITY", "A city (市)."),
            ("DISTRICT", "A district or county of a city (区, 县)."),
            ("DEVELOPMENT_ZONE", "A development or high-tech zone (开发区)."),
            ("AREA", "An area within a district (片区)."),
            ("PARK", "An industrial park (园区)."),
            ("VENUE", "A building, site or venue."));
    }
}
