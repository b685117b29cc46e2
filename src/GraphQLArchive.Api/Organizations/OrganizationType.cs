using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Organizations;
using GraphQLArchive.Querying.Introspection;
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
        Field(o => o.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The full name, e.g. 中共太原市委.");
        Field(o => o.Kind, type: typeof(NonNullGraphType<OrganizationKindType>)).Description("What kind of body it is.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Short and other names the reports use, e.g. 市委.");
        Field<OrganizationType>("parent").Description("The body it belongs to, where known.");
        this.AddFilterableList<ArticleType>("articles", "The reports that name it.");
        this.AddFilterableList<ProjectType>("projects", "The projects it runs or invests in.");
    }
}

public sealed class OrganizationKindType : EnumerationGraphType<OrganizationKind>
{
    public OrganizationKindType()
    {
        Name = "OrganizationKind";
        Description = "What kind of body an organization is.";
        this.DescribeValues(
            ("PARTY_COMMITTEE", "A Communist Party committee (党委, 市委)."),
            ("GOVERNMENT", "A government or one of its bureaus (政府, 局)."),
            ("MILITARY", "An army unit or military body (部队)."),
            ("UNIVERSITY", "A university or college."),
            ("COMPANY", "A company or group."),
            ("COMMITTEE", "A standing committee, commission or congress (人大, 政协)."),
            ("OTHER", "Anything else."));
    }
}
