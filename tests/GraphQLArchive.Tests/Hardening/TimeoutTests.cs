using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using GraphQLArchive.Tests.Archive;
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
}
