namespace GraphQLArchive.Model.Storage;

/// <summary>
/// Short text messages between the servers that share one database: each message published reaches every listener of
/// every server (the publisher's too), in publish order. Delivery is at most once: a listener that is reconnecting misses
/// what was sent meanwhile.
/// </summary>
public interface INotificationChannel
{
    /// <summary>
    /// Sends <paramref name="message"/> within <paramref name="db"/>'s current transaction: listeners get it once that
    /// commits, and never when it rolls back.
    /// </summary>
    Task PublishAsync(ArchiveDbContext db, string message, CancellationToken cancellationToken);

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> fires, passing each message to <paramref name="received"/>, and
    /// reconnecting after a failure.
    /// </summary>
    Task ListenAsync(Action<string> received, CancellationToken cancellationToken);
}
