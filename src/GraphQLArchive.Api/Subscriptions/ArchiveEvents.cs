using System.Text.Json;
using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Ingestion;
using GraphQLArchive.Model.Storage;

namespace GraphQLArchive.Api.Subscriptions;

/// <summary>A page stored by <c>ingestPage</c> or the <c>ingest</c> command: its edition and articles, by key.</summary>
public sealed record PageIngested(int EditionId, IReadOnlyList<int> ArticleIds);

/// <summary>
/// What the archive tells subscribers. On SQLite (one server per file) in-process; on PostgreSQL through
/// <c>LISTEN/NOTIFY</c> (<see cref="ChannelArchiveEvents"/>), so that a page stored through one node reaches the
/// subscribers of every node; the <c>ingest</c> command announces through it as the mutation does (<see cref="AnnouncedIngestion"/>).
/// An event is announced in two steps, so that no event names a page that was rolled back, and none is lost once the
/// page is stored: <see cref="EnlistAsync"/> inside the page's transaction, <see cref="Committed"/> after its commit.
/// </summary>
public interface IArchiveEvents
{
    IObservable<PageIngested> PagesIngested { get; }

    /// <summary>Inside the page's transaction, before it commits (<see cref="PageStoring"/>): on PostgreSQL the NOTIFY itself.</summary>
    Task EnlistAsync(ArchiveDbContext db, PageIngested page, CancellationToken cancellationToken);

    /// <summary>Once the page's transaction has committed: the in-process bus delivers here.</summary>
    void Committed(PageIngested page);
}

internal sealed class InProcessArchiveEvents : IArchiveEvents, IObservable<PageIngested>
{
    private readonly object _gate = new();
    private IObserver<PageIngested>[] _observers = [];

    public IObservable<PageIngested> PagesIngested => this;

    public Task EnlistAsync(ArchiveDbContext db, PageIngested page, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Passes <paramref name="page"/> to this server's subscribers: after its commit here, or when the channel hears it
    /// (<see cref="ChannelArchiveEvents"/>).
    /// </summary>
    public void Committed(PageIngested page)
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

/// <summary>
/// Events through a <see cref="INotificationChannel"/> that every node of one database listens on. A node hears its own
/// events on the channel too, so each subscriber gets each page once, whichever node stored it.
/// </summary>
internal sealed class ChannelArchiveEvents(INotificationChannel channel, ILogger<ChannelArchiveEvents> logger) : BackgroundService, IArchiveEvents
{
    private readonly InProcessArchiveEvents _local = new();

    public IObservable<PageIngested> PagesIngested => _local;

    // A NOTIFY that fails fails the page's transaction: stored pages are always announced.
    public Task EnlistAsync(ArchiveDbContext db, PageIngested page, CancellationToken cancellationToken) =>
        channel.PublishAsync(db, JsonSerializer.Serialize(page), cancellationToken);

    // Every node, this one included, hears the event on the channel once PostgreSQL delivers it.
    public void Committed(PageIngested page) { }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        channel.ListenAsync(Receive, stoppingToken);

    private void Receive(string message)
    {
        PageIngested? page;
        try
        {
            page = JsonSerializer.Deserialize<PageIngested>(message);
        }
        catch (JsonException)
        {
            page = null;
        }
        // Anyone with access to the database may NOTIFY on the channel: what is not an event of ours is dropped.
        if (page is { ArticleIds.Count: > 0 }) _local.Committed(page);
        else logger.LogWarning("Ignored a notification that is not a stored page: {Message}", message.Length > 200 ? message[..200] : message);
    }
}

public static class AnnouncedIngestion
{
    /// <summary>
    /// Stores a page as <see cref="PageIngestor.IngestAsync"/> does and announces it to subscribers when it was new: inside
    /// its transaction (PostgreSQL's NOTIFY, heard by every node on the database) or once it has committed (the in-process
    /// bus). The mutation and the <c>ingest</c> command both store pages this way.
    /// </summary>
    public static async Task<IngestResult> IngestAnnouncedAsync(this PageIngestor ingestor, IArchiveEvents events, PageSource source,
        ArchiveRegistry registry, CancellationToken cancellationToken)
    {
        PageIngested? stored = null;
        var result = await ingestor.IngestAsync(source, registry, cancellationToken,
            (db, editionId, articleIds, token) => events.EnlistAsync(db, stored = new PageIngested(editionId, articleIds), token));
        if (result.Created && stored is not null) events.Committed(stored);
        return result;
    }
}
