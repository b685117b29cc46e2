using System.Data.Common;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Ingestion;
using GraphQLArchive.Tests.Subscriptions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// The NOTIFY that announces a page is sent inside the transaction that stores it: a page whose transaction rolls back is
/// never announced, and one that commits always is.
/// </summary>
public sealed class NotifyInTransactionTests : IAsyncLifetime
{
    private const string Key = "notify-key-0123456789";
    private readonly string _database = PostgresServer.NewDatabaseName();
    private readonly FailingCommit _failingCommit = new();
    private ArchiveApiFactory _node = null!;

    /// <summary>Fails the next commit once armed, after everything else in its transaction has run.</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                Armed = false;
                throw new InvalidOperationException("The commit failed on purpose.");
            }
            return ValueTask.FromResult(result);
        }
    }

    public Task InitializeAsync()
    {
        var settings = TwoNodesTests.Node(_database, Key).Settings;
        _node = new ArchiveApiFactory { Settings = settings, ExtraServices = services => services.AddSingleton<IInterceptor>(_failingCommit) };
        _ = _node.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_page_whose_transaction_rolls_back_is_never_announced()
    {
        const string subscription = "subscription { pageIngested { articles { headline } } }";
        using var socket = await GraphQLWebSocket.SubscribeAsync(_node.Server, subscription);
        // Listening for certain: an event has arrived.
        await GraphQLWebSocket.IngestUntilReceivedAsync(_node, Key, () => GraphQLWebSocket.ReceiveAsync(socket), page: 21);

        _failingCommit.Armed = true;
        var rolledBack = await Ingest("李明主持召开防汛工作会议" + Guid.NewGuid().ToString("N"), page: 22);
        Assert.Equal("INTERNAL_SERVER_ERROR", rolledBack.FirstErrorCode);
        var committedHeadline = "李明主持召开秋粮收购会议" + Guid.NewGuid().ToString("N");
        var committed = await Ingest(committedHeadline, page: 23);
        Assert.True(committed.Json["data"]!["ingestPage"]!["created"]!.GetValue<bool>(), committed.Text);

        // Events arrive in commit order; the rolled-back page is not among those before the committed one.
        // An announced page that was rolled back would arrive as an event whose articles are not stored (none), or name them.
        var events = new List<List<string>>();
        while (!events.Any(headlines => headlines.Count == 0 || headlines.Contains(committedHeadline)))
            events.Add([.. (await GraphQLWebSocket.ReceiveAsync(socket))!["payload"]!["data"]!["pageIngested"]!["articles"]!.AsArray().Select(a => a!["headline"]!.GetValue<string>())]);
        Assert.All(events, headlines => Assert.NotEmpty(headlines));
        Assert.DoesNotContain(events.SelectMany(headlines => headlines), headline => headline.StartsWith("李明主持召开防汛工作会议", StringComparison.Ordinal));
        var stored = await _node.PostAsync("{ articles(where: { headline: { startsWith: \"李明主持召开防汛工作会议\" } }) { totalCount } }");
        Assert.Equal(0, stored.Json["data"]!["articles"]!["totalCount"]!.GetValue<int>());
    }

    private Task<Http.GraphQLHttpResponse> Ingest(string headline, int page) =>
        _node.PostAsync("mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }",
            new { input = new { text = SeedFiles.Page(headline, $"本报讯(记者 王涛)8月2日,省委常委、市委书记李明主持召开会议。{headline}"), editionDate = "2021-08-03", newspaper = "太原日报", page } },
            apiKey: Key);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        PostgresServer.DropDatabase(_database);
    }
}
