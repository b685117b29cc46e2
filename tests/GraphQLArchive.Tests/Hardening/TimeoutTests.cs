using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Http;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>The execution timeout stops a request with HC0045, whatever it is waiting for.</summary>
public sealed class TimeoutTests(TimeoutTests.Fixture fixture) : IClassFixture<TimeoutTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public SlowStatement Slow { get; } = new();
        public ArchiveApiFactory Api { get; }

        public Fixture() => Api = new ArchiveApiFactory
        {
            Settings = { ["Archive:Limits:ExecutionTimeout"] = "00:00:00.5" },
            ExtraServices = services => services.AddSingleton<IInterceptor>(Slow),
        };

        public Task InitializeAsync()
        {
            _ = Api.Server; // seeded before the slow statement is armed: the seeder reads Journalists too
            Slow.Armed = true;
            return Task.CompletedTask;
        }
        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    /// <summary>A statement on Journalists that only ends when its token is cancelled, and says so.</summary>
    public sealed class SlowStatement : DbCommandInterceptor
    {
        private int _cancelled;
        public volatile bool Armed;
        public int Cancelled => Volatile.Read(ref _cancelled);
        public TaskCompletionSource Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Reset() => Started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Armed || !command.CommandText.Contains("\"Journalists\"")) return result;
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            return result;
        }
    }

    [Fact]
    public async Task A_request_that_runs_past_the_timeout_is_HC0045_with_the_figure()
    {
        var response = await fixture.Api.PostAsync("{ journalists { nodes { name } } }");
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("HC0045", response.FirstErrorCode);
        Assert.Equal(0.5, (double)response.Json["errors"]![0]!["extensions"]!["timeoutSeconds"]!);
        Assert.Null(response.Json["data"]);
    }

    private const string Slow = "{ journalists { nodes { name } } }";

    private const string TimedOut = """{"message":"The request exceeded the execution timeout of 0.5 s and was stopped. Ask for smaller pages, fewer nested lists or a narrower search.","extensions":{"code":"HC0045","timeoutSeconds":0.5}}""";

    /// <summary>
    /// One timer stops a request, whichever transport brought it: 20 times over POST, over Server-Sent Events and over
    /// graphql-ws, the same status, code, message and figure (GraphQL.NET's own timeout answered the streaming
    /// transports with its own message, and raced the handler's deadline on POST).
    /// </summary>
    [Fact]
    public async Task A_timed_out_request_gets_the_same_answer_every_time_on_every_transport()
    {
        var client = fixture.Api.CreateClient();
        using var socket = await GraphQLWebSocket.ConnectAsync(fixture.Api.Server);
        await GraphQLWebSocket.SendAsync(socket, """{"type":"connection_init"}""");
        await GraphQLWebSocket.ReceiveAsync(socket);

        var posts = Enumerable.Range(0, 20).Select(async _ =>
        {
            var response = await fixture.Api.PostAsync(Slow);
            return $"{(int)response.Status} {response.Text}";
        });
        var events = Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(HardeningHttp.Json(Slow), Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("text/event-stream");
            var response = await client.SendAsync(request);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        });
        for (var i = 0; i < 20; i++)
            await GraphQLWebSocket.SendAsync(socket, new JsonObject { ["id"] = $"s{i}", ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = Slow } }.ToJsonString());
        var frames = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var frame = (await GraphQLWebSocket.ReceiveAsync(socket))!;
            frames.Add($"{frame["type"]} {frame["payload"]?.ToJsonString()}");
        }

        var expected = $$"""400 {"errors":[{{TimedOut}}]}""";
        Assert.All(await Task.WhenAll(posts), answer => Assert.Equal(expected, answer));
        Assert.All(await Task.WhenAll(events), answer => Assert.Equal(expected, answer));
        Assert.All(frames, frame => Assert.Equal($"error [{TimedOut}]", frame));
    }

    /// <summary>
    /// The race above shows only when both timers fall due in the same tick; this pins its cause: an execution the
    /// endpoint starts (its user context is the HTTP one) runs with GraphQL.NET's timeout off, any other with it on.
    /// </summary>
    [Fact]
    public async Task GraphQL_NET_s_own_timeout_is_off_for_the_endpoint_s_executions_only()
    {
        using var scope = fixture.Api.Services.CreateScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>();
        ExecutionOptions Options(IDictionary<string, object?> userContext) =>
            new() { Query = "{ __typename }", RequestServices = scope.ServiceProvider, UserContext = userContext };
        var endpoint = Options(new GraphQLHttpUserContext(new DefaultHttpContext { RequestServices = scope.ServiceProvider }));
        var other = Options(new Dictionary<string, object?>());

        await executer.ExecuteAsync(endpoint);
        await executer.ExecuteAsync(other);

        Assert.Equal(Timeout.InfiniteTimeSpan, endpoint.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(0.5), other.Timeout);
    }
}
