using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Organizations;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Projection;

namespace GraphQLArchive.Api.Organizations;

public sealed class OrganizationType : ObjectGraphType<Organization>
{
    public OrganizationType()
    {
        Name = "Organization";
        Description = "A party committee, government, army unit, university or company.";
        this.ImplementsNode(o => o.Id);
        Field(o => o.Name, type: typeof(NonNullGraphType<StringGraphType>));
        Field(o => o.Kind, type: typeof(NonNullGraphType<OrganizationKindType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases");
        Field<OrganizationType>("parent");
        this.AddFilterableList<ArticleType>("articles");
        this.AddFilterableList<ProjectType>("projects");
    }
}

public sealed class OrganizationKindType : EnumerationGraphType<OrganizationKind>
{
    public OrganizationKindType() => Name = "OrganizationKind";
}
