using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Editions;
using GraphQLArchive.Api.Journalists;
using GraphQLArchive.Api.Locations;
using GraphQLArchive.Api.Officials;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Api.Search;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Querying;
using GraphQLArchive.Querying.Introspection;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Scalars;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Api.Schema;

public sealed class ArchiveQuery : ObjectGraphType
{
    public ArchiveQuery()
    {
        Name = "Query";
        Description = "Reading the archive: connections with `where`, `order` and cursor paging, global IDs, and search.";
        var nodes = new NodeSources()
            .Add("Article", c => Db(c).Articles)
            .Add("Official", c => Db(c).Officials)
            .Add("Location", c => Db(c).Locations)
            .Add("Project", c => Db(c).Projects)
            .Add("Organization", c => Db(c).Organizations)
            .Add("Journalist", c => Db(c).Journalists)
            .Add("Edition", c => Db(c).Editions);

        this.AddNodeFields(nodes);
        this.AddConnection<ArticleType, Model.Articles.Article>("articles", c => Db(c).Articles);
        this.AddCollectionSegment<ArticleType, Model.Articles.Article>("articlesPage", c => Db(c).Articles,
            "Articles by page number (skip/take), for lists that show numbered pages.");
        this.AddArticleSearch();
        this.AddConnection<OfficialType, Model.Officials.Official>("officials", c => Db(c).Officials);
        this.AddConnection<LocationType, Model.Locations.Location>("locations", c => Db(c).Locations);
        this.AddConnection<ProjectType, Model.Projects.Project>("projects", c => Db(c).Projects);
        this.AddConnection<OrganizationType, Model.Organizations.Organization>("organizations", c => Db(c).Organizations);
        this.AddConnection<JournalistType, Model.Journalists.Journalist>("journalists", c => Db(c).Journalists);
        this.AddConnection<EditionType, Model.Editions.Edition>("editions", c => Db(c).Editions);
        this.AddById<ArticleType>("articleById", nodes, "One article by its global ID; null when there is none.");
        this.AddById<OfficialType>("officialById", nodes, "One official by its global ID; null when there is none.");
        this.AddById<LocationType>("locationById", nodes, "One location by its global ID; null when there is none.");
        this.AddById<ProjectType>("projectById", nodes, "One project by its global ID; null when there is none.");
        this.AddById<OrganizationType>("organizationById", nodes, "One organization by its global ID; null when there is none.");
        this.AddById<JournalistType>("journalistById", nodes, "One journalist by its global ID; null when there is none.");
        this.AddById<EditionType>("editionById", nodes, "One edition by its global ID; null when there is none.");
    }

    private static ArchiveDbContext Db(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ArchiveDbContext>();
}

public sealed class ArchiveSchema : GraphQL.Types.Schema
{
    public ArchiveSchema(IServiceProvider services, ArchiveQuery query, Ingestion.ArchiveMutation mutation, Subscriptions.ArchiveSubscription subscription) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = "GraphQL Archive: a structured archive of a Chinese city daily.";
        this.UseModernIntrospection();
        this.UseCostDirectives();
        this.DescribeConventions();
        this.DescribeBuiltInScalars();
    }
}
