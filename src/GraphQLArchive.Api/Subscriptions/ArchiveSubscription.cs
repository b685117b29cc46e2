using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Editions;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Querying;

namespace GraphQLArchive.Api.Subscriptions;

/// <summary>Live updates, over graphql-ws (WebSocket) and graphql-sse (Server-Sent Events) at the GraphQL endpoint.</summary>
public sealed class ArchiveSubscription : ObjectGraphType
{
    public ArchiveSubscription()
    {
        Name = "Subscription";
        Description = "Live updates: new pages and articles as they are stored. Subscribe over WebSocket (graphql-ws) or Server-Sent Events (graphql-sse) at this endpoint.";

        Field<NonNullGraphType<PageIngestedType>, PageIngested>("pageIngested")
            .Description("A page stored by `ingestPage`, once its transaction has committed. A page sent again, which stores nothing, sends nothing.")
            .ResolveStream(c => c.RequestServices!.GetRequiredService<IArchiveEvents>().PagesIngested)
            .Resolve(c => (PageIngested)c.Source!);

        // The stream carries article ids; each event is projected to what the subscriber selects.
        Field<NonNullGraphType<ArticleType>, object>("articleStored")
            .Description("Each article of a stored page, one event per article, in print order.")
            .ResolveStream(c => new ArticleIds(c.RequestServices!.GetRequiredService<IArchiveEvents>().PagesIngested))
            .ResolveAsync(async c => (await c.ProjectByKeysAsync(Db(c).Articles, new[] { (int)c.Source! })).Single());
    }

    internal static ArchiveDbContext Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ArchiveDbContext>();

    private sealed class ArticleIds(IObservable<PageIngested> pages) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer) => pages.Subscribe(new Observer(observer));

        private sealed class Observer(IObserver<object?> inner) : IObserver<PageIngested>
        {
            public void OnNext(PageIngested value)
            {
                foreach (var id in value.ArticleIds) inner.OnNext(id);
            }

            public void OnError(Exception error) => inner.OnError(error);

            public void OnCompleted() => inner.OnCompleted();
        }
    }
}

public sealed class PageIngestedType : ObjectGraphType<PageIngested>
{
    public PageIngestedType()
    {
        Name = "PageIngested";
        Description = "A newly stored page.";
        Field<NonNullGraphType<EditionType>>("edition").Description("The page's edition: newspaper, date and page number.")
            .ResolveAsync(async c => (await c.ProjectByKeysAsync(ArchiveSubscription.Db(c).Editions, new[] { c.Source.EditionId })).Single());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleType>>>>("articles").Description("The page's articles, in print order.")
            .ResolveAsync(async c => await c.ProjectByKeysAsync(ArchiveSubscription.Db(c).Articles, c.Source.ArticleIds.ToList()));
    }
}
