using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Querying.Introspection;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Projection;

namespace GraphQLArchive.Api.Journalists;

public sealed class JournalistType : ObjectGraphType<Journalist>
{
    public JournalistType()
    {
        Name = "Journalist";
        Description = "A reporter or photographer credited in a byline or a photo credit.";
        this.ImplementsNode(j => j.Id);
        Field(j => j.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("The name as credited, e.g. 赵继钊.");
        Field(j => j.Role, type: typeof(NonNullGraphType<JournalistRoleType>)).Description("Whether they are credited for words or for photos.");
        this.AddFilterableList<ArticleType>("articles", "The reports whose byline credits them.");
        this.AddFilterableList<PhotoType>("photos", "The photos credited to them.");
    }
}

public sealed class JournalistRoleType : EnumerationGraphType<JournalistRole>
{
    public JournalistRoleType()
    {
        Name = "JournalistRole";
        Description = "What a journalist is credited for.";
        this.DescribeValues(("REPORTER", "Credited in a byline (记者)."), ("PHOTOGRAPHER", "Credited for photos (摄)."));
    }
}
