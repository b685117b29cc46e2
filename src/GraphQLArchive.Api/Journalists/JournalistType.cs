using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Projection;

namespace GraphQLArchive.Api.Journalists;

public sealed class JournalistType : ObjectGraphType<Journalist>
{
    public JournalistType()
    {
        Name = "Journalist";
        this.ImplementsNode(j => j.Id);
        Field(j => j.Name, type: typeof(NonNullGraphType<StringGraphType>));
        Field(j => j.Role, type: typeof(NonNullGraphType<JournalistRoleType>));
        this.AddFilterableList<ArticleType>("articles");
        this.AddFilterableList<PhotoType>("photos");
    }
}

public sealed class JournalistRoleType : EnumerationGraphType<JournalistRole>
{
    public JournalistRoleType() => Name = "JournalistRole";
}
