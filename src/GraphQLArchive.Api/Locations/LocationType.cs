using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Locations;
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
        Field(l => l.Name, type: typeof(NonNullGraphType<StringGraphType>));
        Field(l => l.Kind, type: typeof(NonNullGraphType<LocationKindType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases");
        Field<LocationType>("parent");
        this.AddFilterableList<LocationType>("children");
        Field(l => l.Latitude, type: typeof(FloatGraphType));
        Field(l => l.Longitude, type: typeof(FloatGraphType));
        this.AddFilterableList<ArticleType>("articles");
        this.AddFilterableList<ProjectType>("projects");
    }
}

public sealed class LocationKindType : EnumerationGraphType<LocationKind>
{
    public LocationKindType() => Name = "LocationKind";
}
