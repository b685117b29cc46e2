using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>
/// <see cref="INotificationChannel"/> over PostgreSQL's <c>LISTEN</c>/<c>NOTIFY</c>: one connection per server stays open
/// and listens; a message is one <c>pg_notify</c> in the writer's transaction, which PostgreSQL delivers to every listening
/// session once that transaction commits, and drops when it rolls back. A payload must stay under PostgreSQL's 8,000 bytes.
/// </summary>
public sealed class PostgresNotificationChannel(string connectionString, string channel, ILogger<PostgresNotificationChannel> logger) : INotificationChannel
{
    /// <summary>PostgreSQL's limit on a NOTIFY payload is 8,000 bytes; refuse before the server does, with a clearer message.</summary>
    public const int MaxPayloadBytes = 7_999;

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    public async Task PublishAsync(ArchiveDbContext db, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (System.Text.Encoding.UTF8.GetByteCount(message) > MaxPayloadBytes)
            throw new ArgumentException($"A notification holds at most {MaxPayloadBytes} bytes of UTF-8.", nameof(message));
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A notification is sent inside the transaction whose commit it announces; begin one first.");
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({channel}, {message})", cancellationToken);
    }

    public async Task ListenAsync(Action<string> received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Keepalive: a listener waits without sending, so a dead peer would go unnoticed without it.
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 15, Pooling = false }.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, e) => received(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                while (true) await connection.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(e, "Listening on PostgreSQL channel {Channel} failed; reconnecting in {Retry}. Messages sent meanwhile are missed.", channel, Retry);
                try { await Task.Delay(Retry, cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
