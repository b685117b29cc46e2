namespace GraphQLArchive.Model.Storage;

/// <summary>
/// Short text messages between the servers that share one database: each message published reaches every listener of
/// every server (the publisher's too), in publish order. Delivery is at most once: a listener that is reconnecting misses
/// what was sent meanwhile.
/// </summary>
public interface INotificationChannel
{
    Task PublishAsync(string message, CancellationToken cancellationToken);

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> fires, passing each message to <paramref name="received"/>, and
    /// reconnecting after a failure.
    /// </summary>
    Task ListenAsync(Action<string> received, CancellationToken cancellationToken);
}
