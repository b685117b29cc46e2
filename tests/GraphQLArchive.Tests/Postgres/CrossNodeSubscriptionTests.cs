using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Subscriptions;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// Two nodes on one PostgreSQL database, as behind a load balancer: a page stored through one reaches the subscribers of
/// the other (LISTEN/NOTIFY), and those of the node that stored it, once each.
/// </summary>
public sealed class CrossNodeSubscriptionTests : IAsyncLifetime
{
    private const string Key = "cross-node-key-0123456789";
    private const string PageIngested = "subscription { pageIngested { edition { page } articles { headline } } }";
    private readonly string _database = PostgresServer.NewDatabaseName();
    private ArchiveApiFactory _writer = null!;
    private ArchiveApiFactory _reader = null!;

    public Task InitializeAsync()
    {
        _writer = Node();
        _ = _writer.Server; // migrates and seeds
        _reader = Node();
        _ = _reader.Server;
        return Task.CompletedTask;
    }

    private ArchiveApiFactory Node() => TwoNodesTests.Node(_database, Key);

    [Fact]
    public async Task A_page_ingested_through_one_node_reaches_a_subscriber_of_the_other_and_of_its_own_once()
    {
        using var elsewhere = await GraphQLWebSocket.SubscribeAsync(_reader.Server, PageIngested);
        using var here = await GraphQLWebSocket.SubscribeAsync(_writer.Server, PageIngested);

        var (headlines, next) = await GraphQLWebSocket.IngestUntilReceivedAsync(_writer, Key, () => GraphQLWebSocket.ReceiveAsync(elsewhere), page: 11);

        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal(11, next["payload"]!["data"]!["pageIngested"]!["edition"]!["page"]!.GetValue<int>());
        var headline = Headline(next);
        Assert.Contains(headline, headlines);

        // One more page, seen by the other node, so that both nodes are surely listening by now.
        var (last, _) = await GraphQLWebSocket.IngestUntilReceivedAsync(_writer, Key, () => GraphQLWebSocket.ReceiveAsync(elsewhere), page: 12);

        // The storing node's own subscriber hears its pages through the channel too, each once, in order, up to the last.
        var own = new List<string>();
        while (!own.Contains(last[^1]))
            own.Add(Headline((await GraphQLWebSocket.ReceiveAsync(here))!));
        Assert.Equal(own.Distinct(), own);
    }

    [Fact]
    public async Task A_page_stored_by_the_ingest_command_reaches_a_subscriber_of_a_running_node()
    {
        using var subscriber = await GraphQLWebSocket.SubscribeAsync(_reader.Server, PageIngested);
        var message = GraphQLWebSocket.ReceiveAsync(subscriber);
        var folder = Directory.CreateTempSubdirectory("archive-cli-");
        try
        {
            // The command runs on a node's services, as `dotnet run -- ingest` runs on the app's; the first NOTIFY may come
            // before the other node listens, so a few pages are stored until one is heard.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var headline = $"李明主持召开防汛工作会议{Guid.NewGuid():N}";
                var file = Path.Combine(folder.FullName, $"page-{attempt}.txt");
                await File.WriteAllTextAsync(file, Ingestion.SeedFiles.Page(headline, $"本报讯(记者 王涛)8月2日,省委常委、市委书记李明主持召开会议。{headline}"));
                var output = new StringWriter();
                Assert.Equal(0, await Api.Cli.Ingest.RunAsync(_writer.Services, ["ingest", file, "--edition-date", "2021-08-03", "--newspaper", "太原日报", "--page", "13"], output, TextWriter.Null));
                Assert.Contains("1 created", output.ToString());
                if (await Task.WhenAny(message, Task.Delay(TimeSpan.FromSeconds(2))) != message) continue;
                var next = (await message)!;
                Assert.Equal(13, next["payload"]!["data"]!["pageIngested"]!["edition"]!["page"]!.GetValue<int>());
                Assert.StartsWith("李明主持召开防汛工作会议", Headline(next));
                return;
            }
            Assert.Fail("No event arrived after 5 pages stored by the ingest command.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Headline(System.Text.Json.Nodes.JsonNode next) =>
        next["payload"]!["data"]!["pageIngested"]!["articles"]![0]!["headline"]!.GetValue<string>();

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _reader.DisposeAsync();
        PostgresServer.DropDatabase(_database);
    }
}
