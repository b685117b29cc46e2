using GraphQL;
using GraphQLArchive.Api.Http;

namespace GraphQLArchive.Api.Subscriptions;

/// <summary>
/// For a streaming transport, after <see cref="EndpointExecution.ExecuteAsync"/>: a subscription's results, one per event
/// until it ends or is cancelled (a query or mutation gives its one result directly).
/// </summary>
internal static class SubscriptionExecution
{
    /// <summary>Calls <paramref name="onResult"/> for each event of the operation's stream until it completes or is cancelled.</summary>
    public static async Task StreamAsync(IObservable<ExecutionResult> stream, Func<ExecutionResult, Task> onResult, CancellationToken cancellationToken)
    {
        var events = System.Threading.Channels.Channel.CreateUnbounded<ExecutionResult>(new() { SingleReader = true });
        using var subscription = stream.Subscribe(new ChannelObserver(events.Writer));
        try
        {
            await foreach (var result in events.Reader.ReadAllAsync(cancellationToken))
                await onResult(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client stopped the subscription or went away.
        }
    }

    /// <summary>Decouples the publisher's thread from the network: events queue up and are written one at a time.</summary>
    private sealed class ChannelObserver(System.Threading.Channels.ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => writer.TryWrite(value);

        // The source failed: the subscriber gets a coded error (never the exception's text), then the end.
        public void OnError(Exception error)
        {
            writer.TryWrite(new ExecutionResult(new ExecutionError("The event source failed; subscribe again.") { Code = "INTERNAL_SERVER_ERROR" }));
            writer.TryComplete();
        }

        public void OnCompleted() => writer.TryComplete();
    }
}
