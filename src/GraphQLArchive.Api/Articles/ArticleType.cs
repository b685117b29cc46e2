using GraphQL.Types;
using GraphQLArchive.Api.Editions;
using GraphQLArchive.Api.Journalists;
using GraphQLArchive.Api.Locations;
using GraphQLArchive.Api.Officials;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Querying.Mapping;
using GraphQLArchive.Querying.Projection;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Scalars;

namespace GraphQLArchive.Api.Articles;

public sealed class ArticleType : ObjectGraphType<Article>
{
    public ArticleType()
    {
        Name = "Article";
        Description = "A report as printed on a page: headlines, byline, body, photos, and who and what it names.";
        this.ImplementsNode(a => a.Id);
        Field(a => a.Kicker, type: typeof(StringGraphType)).Description("The line above the headline (引题), where printed.");
        Field(a => a.Headline, type: typeof(NonNullGraphType<StringGraphType>));
        Field(a => a.Subheadline, type: typeof(StringGraphType)).Description("The line below the headline (副题), where printed.");
        Field(a => a.Byline, type: typeof(StringGraphType)).Description("As printed, e.g. 本报讯(记者 赵继钊 殷雪莺).");
        Field(a => a.EventDate, type: typeof(LocalDateGraphType)).Description("The day the report is about, resolved against the edition's year.");
        Field<EditionType>("edition");
        Field<NonNullGraphType<IntGraphType>>("page").MapsTo("Edition.Page").Resolve(c => c.Source.Edition!.Page)
            .Description("The page number in the edition.");
        Field<StringGraphType>("lead").Requires("Paragraphs").Description("The first paragraph.")
            .Resolve(c => c.Source.Paragraphs.OrderBy(p => p.Ordinal).FirstOrDefault()?.Text);
        Field(a => a.Body, type: typeof(NonNullGraphType<StringGraphType>)).Description("The paragraphs, separated by blank lines.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paragraphs").Requires("Paragraphs")
            .Resolve(c => c.Source.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Text));
        Field(a => a.CharacterCount, type: typeof(NonNullGraphType<IntGraphType>)).Description("Characters in the body.");
        this.AddFilterableList<JournalistType>("journalists");
        this.AddFilterableList<OfficialType>("officials");
        this.AddFilterableList<AppearanceType>("appearances", "Each official in the report, with their role and the titles printed beside the name here.");
        this.AddFilterableList<LocationType>("locations");
        this.AddFilterableList<ProjectType>("projects");
        this.AddFilterableList<OrganizationType>("organizations");
        this.AddFilterableList<PhotoType>("photos");
        Field<NonNullGraphType<StringGraphType>>("source").MapsTo("Edition.SourceFile").Resolve(c => c.Source.Edition!.SourceFile)
            .Description("The scanned page file the report was read from.");
    }
}

public sealed class AppearanceType : ObjectGraphType<Appearance>
{
    public AppearanceType()
    {
        Name = "Appearance";
        Description = "An official in one report.";
        Field<NonNullGraphType<OfficialType>>("official");
        Field<NonNullGraphType<ArticleType>>("article");
        Field(a => a.Role, type: typeof(NonNullGraphType<AppearanceRoleType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("titles").Description("The titles printed before the name in this report, in order.");
    }
}

public sealed class AppearanceRoleType : EnumerationGraphType<GraphQLArchive.Ingestion.Mentions.AppearanceRole>
{
    public AppearanceRoleType()
    {
        Name = "AppearanceRole";
        Description = "From the verb that governs the mention: 主持 PRESIDED, 出席/参加 ATTENDED, 走访慰问 VISITED, 陪同 ACCOMPANIED.";
    }
}

public sealed class PhotoType : ObjectGraphType<Photo>
{
    public PhotoType()
    {
        Name = "Photo";
        Field(p => p.Caption, type: typeof(NonNullGraphType<StringGraphType>));
        Field(p => p.Credit, type: typeof(StringGraphType)).Description("The credit as printed, without 摄.");
        Field<JournalistType>("photographer");
    }
}
