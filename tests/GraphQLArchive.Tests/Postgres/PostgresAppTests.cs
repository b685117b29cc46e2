using System.Diagnostics;
using GraphQLArchive.Api.Startup;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// The real app (<c>Program</c>, as <c>dotnet run</c> starts it) with <c>Database:Provider=Postgres</c> on a database that
/// does not exist yet: the migrations create it, the registry is seeded, and the seed page arrives through <c>ingestPage</c>.
/// </summary>
public sealed class PostgresAppFixture : IAsyncLifetime
{
    public const string Key = "postgres-test-key-0123456789";

    private readonly string _seeds = Path.Combine(Path.GetTempPath(), $"archive-seeds-{Guid.NewGuid():N}");

    public string Database { get; } = PostgresServer.NewDatabaseName();

    public ArchiveApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The registry without the seed page, so that the page is stored by the mutation rather than at start-up.
        var registry = Directory.CreateDirectory(Path.Combine(_seeds, "registry"));
        foreach (var file in Directory.GetFiles(SeedFiles.RegistryDirectory)) File.Copy(file, Path.Combine(registry.FullName, Path.GetFileName(file)));
        Api = new ArchiveApiFactory
        {
            Settings =
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Archive"] = PostgresServer.ConnectionString(Database),
                ["Archive:Seeds"] = _seeds,
                ["Archive:ApiKey"] = Key,
            },
        };
        _ = Api.Server;
        var ingested = await Api.PostAsync(
            "mutation($input: IngestPageInput!) { ingestPage(input: $input) { created articles { headline } } }",
            new { input = new { text = SeedFiles.SeedPageText, editionDate = "2021-07-31", newspaper = "太原日报", page = 1 } }, apiKey: Key);
        if (ingested.Json["data"]?["ingestPage"]?["created"]?.GetValue<bool>() != true)
            throw new InvalidOperationException("ingestPage did not store the seed page on PostgreSQL: " + ingested.Text);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        PostgresServer.DropDatabase(Database);
        Directory.Delete(_seeds, recursive: true);
    }
}

public sealed class PostgresAppTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Fact]
    public async Task The_app_migrates_an_empty_server_with_postgresqls_own_migrations()
    {
        using var scope = app.Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        Assert.IsType<PostgresArchiveDbContext>(db);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Contains(applied, m => m.EndsWith("_InitialPostgres", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var ready = await app.Api.CreateClient().GetAsync("/readyz");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("Articles", "EventDate", "date", null)]
    [InlineData("Projects", "TotalInvestment", "numeric", null)]
    [InlineData("Articles", "Headline", "text", "C")]
    [InlineData("Officials", "Name", "text", "C")]
    public async Task Columns_have_native_types_and_code_point_collation(string table, string column, string type, string? collation)
    {
        var row = await Column(table, column);
        Assert.Equal((type, collation), (row.Type, row.Collation));
    }

    [Fact]
    public async Task Ids_are_identity_columns_that_go_on_after_the_stored_rows()
    {
        Assert.Equal("YES", (await Column("Articles", "Id")).Identity);
        var officials = await app.Api.PostAsync("{ officials(order: [{ name: ASC }]) { totalCount } }");
        Assert.True(officials.Json["data"]!["officials"]!["totalCount"]!.GetValue<int>() > 10, officials.Text);
    }

    [Fact]
    public async Task Every_readme_query_answers_without_an_error()
    {
        foreach (var query in ReadmeExampleTests.Queries())
        {
            var response = await app.Api.PostAsync(query);
            Assert.True(response.Json["errors"] is null && response.Json["data"] is not null, $"{query}\n→ {response.Text}");
        }
    }

    [Fact]
    public async Task Merges_write_on_postgresql()
    {
        var ingest = await app.Api.PostAsync(
            "mutation($input: IngestPageInput!) { ingestPage(input: $input) { created } }",
            new { input = new { text = SeedFiles.Page("罗清字调研防汛工作", "本报讯(记者 王涛)8月2日,市委书记罗清字调研防汛工作。"), editionDate = "2021-08-03", newspaper = "太原日报", page = 2 } },
            apiKey: PostgresAppFixture.Key);
        Assert.True(ingest.Json["data"]!["ingestPage"]!["created"]!.GetValue<bool>(), ingest.Text);
        var ids = await app.Api.PostAsync("""{ officials(where: { name: { in: ["罗清宇", "罗清字"] } }, order: [{ name: ASC }]) { nodes { id name } } }""");
        var nodes = ids.Json["data"]!["officials"]!["nodes"]!.AsArray();
        var target = nodes.Single(n => n!["name"]!.GetValue<string>() == "罗清宇")!["id"]!.GetValue<string>();
        var source = nodes.Single(n => n!["name"]!.GetValue<string>() == "罗清字")!["id"]!.GetValue<string>();
        var merged = await app.Api.PostAsync("mutation($t: ID!, $s: ID!) { mergeOfficials(input: { targetId: $t, sourceIds: [$s] }) { official { name aliases } } }",
            new { t = target, s = source }, apiKey: PostgresAppFixture.Key);
        Assert.True(merged.Json["errors"] is null, merged.Text);
        Assert.Contains("罗清字", merged.Json["data"]!["mergeOfficials"]!["official"]!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    private async Task<(string Type, string? Collation, string Identity)> Column(string table, string column)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString(app.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data_type, collation_name, is_identity FROM information_schema.columns WHERE table_name = @t AND column_name = @c", connection);
        command.Parameters.AddWithValue("t", table);
        command.Parameters.AddWithValue("c", column);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no column {table}.{column}");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
    }
}

/// <summary>
/// Start-up on a PostgreSQL that cannot be used ends in one line that says what to fix, and exit code 2: the real
/// process, as a user starts it (in-process hosts hide the exit code).
/// </summary>
public sealed class PostgresStartupFailureTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=archive;Username=archive;Timeout=5", "cannot reach PostgreSQL")]
    [InlineData("Host=localhost;Database=archive;Username=archive_no_such_role;Password=wrong;Timeout=5", "PostgreSQL refused")]
    [InlineData("Hots=localhost", "not a PostgreSQL connection string")]
    public async Task A_server_that_cannot_be_used_is_one_line_and_exit_code_2(string connectionString, string expected) =>
        await AssertOneLineAndExitCode2Async(connectionString, expected);

    [Fact]
    public async Task A_read_only_connection_is_one_line_and_exit_code_2() =>
        // A standby, or a role whose transactions are read-only: the migrations cannot write their history.
        await AssertOneLineAndExitCode2Async(
            new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString("postgres", pooling: false)) { Options = "-c default_transaction_read_only=on" }.ConnectionString,
            "read-only");

    private static async Task AssertOneLineAndExitCode2Async(string connectionString, string expected)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GraphQLArchive.Api.dll")])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory,
            Environment = { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Archive"] = connectionString, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(StartupFailure.ExitCode, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("graphql-archive: ", line);
        Assert.Contains(expected, line);
    }
}

public sealed class PostgresErrorsTests
{
    [Fact]
    public void A_statement_that_times_out_is_no_start_up_failure_and_keeps_its_trace() =>
        Assert.Null(PostgresErrors.DescribeStartup(new NpgsqlException("Exception while reading from stream", new TimeoutException())));

    [Fact]
    public void A_connection_that_times_out_is_an_unreachable_server() =>
        Assert.StartsWith("cannot reach PostgreSQL", PostgresErrors.DescribeStartup(new NpgsqlException("Failed to connect to 10.0.0.1:5432", new TimeoutException())));
}
