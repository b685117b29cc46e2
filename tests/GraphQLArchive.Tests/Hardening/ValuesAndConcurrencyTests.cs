using GraphQLArchive.Api.Http;
using GraphQLArchive.Model.Storage.Sqlite;
using GraphQLArchive.Querying.Paging;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Tests.Hardening;

public sealed class CursorSigningTests(CursorSigningTests.Fixture fixture) : IClassFixture<CursorSigningTests.Fixture>
{
    public const string Secret = "a-test-cursor-secret-of-some-length";

    public sealed class Fixture : IAsyncLifetime
    {
        public ArchiveApiFactory Api { get; } = new() { Settings = { ["Archive:CursorKey"] = Secret } };
        public Task InitializeAsync() { _ = Api.Server; return Task.CompletedTask; }
        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    private static string Mint(string ordering, object?[] values, string secret)
    {
        using (KeysetCursor.UseKey(CursorSigningKey.FromSecret(secret).Key))
            return KeysetCursor.Encode(ordering, values);
    }

    [Fact]
    public async Task A_cursor_signed_under_another_key_is_HC0078()
    {
        var page = await fixture.Api.PostAsync("{ articles(first: 1) { pageInfo { endCursor } } }");
        var cursor = (string)page.Json["data"]!["articles"]!["pageInfo"]!["endCursor"]!;
        var payload = Convert.FromBase64String(cursor)[..^16];
        var ordering = System.Text.Json.JsonDocument.Parse(payload).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Array, ordering.ValueKind);

        // The same payload signed with the salt that used to be in the source is refused.
        var forged = Convert.ToBase64String([.. payload, .. System.Security.Cryptography.SHA256.HashData([.. "GraphQLArchive.Keyset.v1"u8.ToArray(), .. payload])[..16]]);
        var response = await fixture.Api.PostAsync("query($c: String) { articles(after: $c) { nodes { headline } } }", new { c = forged });
        Assert.Equal("HC0078", response.FirstErrorCode);

        var ours = await fixture.Api.PostAsync("query($c: String) { articles(after: $c) { nodes { headline } } }", new { c = cursor });
        Assert.Null(ours.Json["errors"]);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(1.5, 99999999, 1)]
    [InlineData("x", 1, 1)]
    public async Task A_validly_signed_search_cursor_with_bad_values_is_HC0078_not_a_crash(object? score, object? day, object? id)
    {
        var cursor = Mint("Relevance|\"罗清宇\"", [score, day, id], Secret);
        var response = await fixture.Api.PostAsync("query($c: String) { search(query: \"罗清宇\", after: $c) { totalCount } }", new { c = cursor });
        Assert.Equal("HC0078", response.FirstErrorCode);
    }

    [SqliteFact]
    public async Task Without_a_configured_key_one_is_generated_beside_the_database_and_kept()
    {
        await using var api = new ArchiveApiFactory { Settings = { ["Archive:CursorKey"] = "" } };
        var first = await api.PostAsync("{ articles(first: 1) { pageInfo { endCursor } } }");
        var keyFile = api.DatabaseFile + ".cursor-key";
        Assert.True(File.Exists(keyFile));
        var cursor = (string)first.Json["data"]!["articles"]!["pageInfo"]!["endCursor"]!;

        // A second server on the same database (a restart, another node) accepts the cursor.
        await using var again = new ArchiveApiFactory(api.DatabaseFile + ".copy") { Settings = { ["Archive:CursorKey"] = "" } };
        File.Copy(keyFile, again.DatabaseFile + ".cursor-key");
        var response = await again.PostAsync("query($c: String) { articles(after: $c) { nodes { headline } } }", new { c = cursor });
        Assert.Null(response.Json["errors"]);
    }
}

public sealed class ConcurrentIngestionTests(KeyedArchiveApiFactory fixture) : IClassFixture<KeyedArchiveApiFactory>
{
    [Fact]
    public async Task The_same_new_page_posted_ten_times_at_once_is_stored_once_and_the_others_get_created_false()
    {
        var text = SeedFiles.Page("王涛主持召开并州市防汛工作会议", "本报讯(记者 李娜)8月9日,市委书记王涛主持召开会议,部署防汛工作。");
        var tasks = Enumerable.Range(0, 10).Select(_ => fixture.Api.PostAsync(
            "mutation($input: IngestPageInput!) { ingestPage(input: $input) { created articles { headline } } }",
            new { input = new { text, editionDate = "2021-08-10", newspaper = "太原日报", page = 3 } },
            apiKey: KeyedArchiveApiFactory.Key)).ToList();
        var responses = await Task.WhenAll(tasks);

        Assert.All(responses, r => Assert.True(r.Json["errors"] is null, r.Text));
        Assert.Equal(1, responses.Count(r => (bool)r.Json["data"]!["ingestPage"]!["created"]!));
        Assert.All(responses, r => Assert.Single(r.Json["data"]!["ingestPage"]!["articles"]!.AsArray()));
    }
}

/// <summary>A cancelled token stops a running SQLite statement instead of letting it run to its end.</summary>
public sealed class SqliteInterruptTests
{
    [Fact]
    public async Task Cancelling_interrupts_a_statement_that_is_already_running()
    {
        var started = new Started();
        // Not disposed unless the statement stopped: closing a connection that is still counting would block.
        var db = new Model.Storage.ArchiveDbContext(new DbContextOptionsBuilder<Model.Storage.ArchiveDbContext>()
            .UseSqlite("Data Source=:memory:").AddInterceptors(SqliteInterruptInterceptor.Instance, started).Options);
        using var cancel = new CancellationTokenSource();
        // The first row comes at once, the second after counting to ten billion: minutes of work for SQLite while
        // the reader steps, which Microsoft.Data.Sqlite does not interrupt by itself.
        // Microsoft.Data.Sqlite steps a statement synchronously, so it runs on its own thread here, as under a request.
        var running = Task.Run(() => db.Database.SqlQueryRaw<long>(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) SELECT x AS Value FROM c WHERE x = 1 OR x = 10000000000")
            .ToListAsync(cancel.Token));
        await started.Signal.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await Task.Delay(500); // the first row is read, the reader is counting towards the second
        cancel.Cancel();
        var outcome = await Task.WhenAny(running, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.Same(running, outcome);
        using var stopped = db;
        var error = await Assert.ThrowsAnyAsync<Exception>(() => running);
        Assert.True(error is OperationCanceledException or SqliteException { SqliteErrorCode: 9 }, error.ToString());
    }

    private sealed class Started : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public TaskCompletionSource Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override System.Data.Common.DbDataReader ReaderExecuted(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result)
        {
            Signal.TrySetResult();
            return result;
        }

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            Signal.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }
}
