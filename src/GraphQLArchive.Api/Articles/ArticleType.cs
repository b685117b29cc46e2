using GraphQL.Types;
using GraphQLArchive.Api.Editions;
using GraphQLArchive.Api.Journalists;
using GraphQLArchive.Api.Locations;
using GraphQLArchive.Api.Officials;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Api.Schema;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Querying.Introspection;
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
        Field(a => a.Headline, type: typeof(NonNullGraphType<StringGraphType>)).Description("The main headline (主题), as printed.");
        Field(a => a.Subheadline, type: typeof(StringGraphType)).Description("The line below the headline (副题), where printed.");
        Field(a => a.Byline, type: typeof(StringGraphType)).Description("As printed, e.g. 本报讯(记者 赵继钊 殷雪莺).");
        Field(a => a.EventDate, type: typeof(LocalDateGraphType)).Description("The day the report is about, resolved against the edition's year.");
        Field<EditionType>("edition").Description("The newspaper page the report was printed on.");
        Field<NonNullGraphType<IntGraphType>>("page").MapsTo("Edition.Page").Resolve(c => c.Source.Edition!.Page)
            .Description("The page number in the edition.");
        Field<StringGraphType>("lead").Requires("Body").Description("The first paragraph.")
            .Resolve(c => Article.LeadOf(c.Source.Body)).FieldType.Cost(TextWeights.Paragraph);
        Field(a => a.Body, type: typeof(NonNullGraphType<StringGraphType>)).Description("The paragraphs, separated by blank lines.").FieldType.Cost(TextWeights.Body);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paragraphs").Requires("Body").Description("The body's paragraphs, in order, with page-layout breaks repaired.")
            .Resolve(c => Article.ParagraphsOf(c.Source.Body)).FieldType.Cost(TextWeights.Body);
        Field(a => a.CharacterCount, type: typeof(NonNullGraphType<IntGraphType>)).Description("Characters in the body.");
        this.AddFilterableList<JournalistType>("journalists", "The reporters and photographers credited.");
        this.AddFilterableList<OfficialType>("officials", "The officials the report names; `appearances` adds their role and titles.");
        this.AddFilterableList<AppearanceType>("appearances", "Each official in the report, with their role and the titles printed beside the name here.");
        this.AddFilterableList<LocationType>("locations", "The places the report names.");
        this.AddFilterableList<ProjectType>("projects", "The projects the report names.");
        this.AddFilterableList<OrganizationType>("organizations", "The party committees, governments, units and companies the report names.");
        this.AddFilterableList<PhotoType>("photos", "The photos printed with the report, lifted out of the text with their captions.");
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
        Field<NonNullGraphType<OfficialType>>("official").Description("Who appears.");
        Field<NonNullGraphType<ArticleType>>("article").Description("The report they appear in.");
        Field(a => a.Role, type: typeof(NonNullGraphType<AppearanceRoleType>)).Description("What they did in the report, from the verb that governs the mention.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("titles").Description("The titles printed before the name in this report, in order.");
        Field(a => a.EventDate, type: typeof(LocalDateGraphType))
            .Description("The report's event date. Order an official's appearances by it (`order: [{ eventDate: DESC }]`): an index serves that order, where `article: { eventDate }` sorts every appearance.");
    }
}

public sealed class AppearanceRoleType : EnumerationGraphType<GraphQLArchive.Ingestion.Mentions.AppearanceRole>
{
    public AppearanceRoleType()
    {
        Name = "AppearanceRole";
        Description = "From the verb that governs the mention: 主持 PRESIDED, 出席/参加/列席 ATTENDED, 走访慰问/调研 VISITED, 陪同 ACCOMPANIED, 讲话/致辞 SPOKE, 会见/座谈 MET.";
        this.DescribeValues(
            ("PRESIDED", "Presided over the meeting or event (主持)."),
            ("ATTENDED", "Attended it (出席, 参加)."),
            ("VISITED", "Visited or called on someone (走访, 慰问, 调研)."),
            ("ACCOMPANIED", "Accompanied the visit (陪同)."),
            ("SPOKE", "Spoke or gave instructions (讲话, 强调)."),
            ("MENTIONED", "Named without a governing verb."),
            ("MET", "Met with a visiting delegation or guest (会见)."));
    }
}

public sealed class PhotoType : ObjectGraphType<Photo>
{
    public PhotoType()
    {
        Name = "Photo";
        Description = "A photo printed with a report: its caption and credit.";
        Field(p => p.Caption, type: typeof(NonNullGraphType<StringGraphType>)).Description("The caption as printed, e.g. 图为奠基仪式现场。");
        Field(p => p.Credit, type: typeof(StringGraphType)).Description("The credit as printed, without 摄.");
        Field<JournalistType>("photographer").Description("The journalist credited, when the credit names a known one.");
    }
}
