namespace GraphQLArchive.Api.Subscriptions;

/// <summary>A page stored by <c>ingestPage</c>: its edition and articles, by key.</summary>
public sealed record PageIngested(int EditionId, IReadOnlyList<int> ArticleIds);

/// <summary>
/// What the archive tells subscribers. In-process for now: events reach the subscribers of this server only,
/// so pages stored by another node or by the <c>ingest</c> command are not seen. On PostgreSQL,
/// <c>LISTEN/NOTIFY</c> behind this same interface would carry them across nodes.
/// </summary>
public interface IArchiveEvents
{
    IObservable<PageIngested> PagesIngested { get; }

    void Publish(PageIngested page);
}

internal sealed class InProcessArchiveEvents : IArchiveEvents, IObservable<PageIngested>
{
    private readonly object _gate = new();
    private IObserver<PageIngested>[] _observers = [];

    public IObservable<PageIngested> PagesIngested => this;

    public void Publish(PageIngested page)
    {
        // A copy-on-write array: publishing never holds the lock while a subscriber runs.
        foreach (var observer in Volatile.Read(ref _observers)) observer.OnNext(page);
    }

    public IDisposable Subscribe(IObserver<PageIngested> observer)
    {
        lock (_gate) _observers = [.. _observers, observer];
        return new Unsubscriber(this, observer);
    }

    private sealed class Unsubscriber(InProcessArchiveEvents events, IObserver<PageIngested> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (events._gate) events._observers = [.. events._observers.Where(o => o != observer)];
        }
    }
}
