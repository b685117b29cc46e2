using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Projection;
using GraphQLArchive.Querying.Scalars;

namespace GraphQLArchive.Api.Officials;

public sealed class OfficialType : ObjectGraphType<Official>
{
    public OfficialType()
    {
        Name = "Official";
        this.ImplementsNode(o => o.Id);
        Field(o => o.Name, type: typeof(NonNullGraphType<StringGraphType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Other spellings, e.g. a misread scan.");
        this.AddFilterableList<PositionType>("positions");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("currentTitles").Requires("Positions")
            .Description("The titles printed beside the name in the latest edition that names them.")
            .Resolve(c => c.Source.Positions
                .GroupBy(p => p.LastSeen).OrderByDescending(g => g.Key).FirstOrDefault()?.Select(p => p.Title) ?? []);
        this.AddFilterableList<AppearanceType>("appearances", "Every report the official appears in, with role and titles.");
        this.AddFilterableList<ArticleType>("articles");
        Field(o => o.ArticleCount, type: typeof(NonNullGraphType<IntGraphType>)).Computed(o => o.Appearances.Count)
            .Description("The number of reports that name the official; filterable and sortable.");
    }
}

public sealed class PositionType : ObjectGraphType<Position>
{
    public PositionType()
    {
        Name = "Position";
        Description = "A title an official held, as printed, and the editions it was seen in.";
        Field(p => p.Title, type: typeof(NonNullGraphType<StringGraphType>));
        Field<OrganizationType>("organization");
        Field(p => p.FirstSeen, type: typeof(LocalDateGraphType));
        Field(p => p.LastSeen, type: typeof(LocalDateGraphType));
    }
}
