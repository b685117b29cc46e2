using GraphQLArchive.Tests.Archive;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GraphQLArchive.Tests.Clients;

/// <summary>
/// Runs the front-end client suite (tests/clients: Apollo Client, urql with graphcache, graphql-request,
/// graphql-ws, graphql-sse, graphql-codegen, graphql-inspector) against the real API on a Kestrel port.
/// </summary>
public sealed class ClientSuiteTests(ITestOutputHelper testOutput)
{
    private static readonly TimeSpan SuiteTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Every_client_in_the_suite_works_against_the_server_unchanged()
    {
        var suite = NodeSuite.Directory(Path.Combine("tests", "clients"));
        await NodeSuite.InstallAsync(suite, "@apollo");

        // Batching is off by default (as in Hot Chocolate); the suite's BatchHttpLink test needs it on.
        await using var api = new ArchiveApiFactory { Settings = { ["Archive:ApiKey"] = KeyedArchiveApiFactory.Key, ["Archive:Batching:Enabled"] = "true" } };
        api.UseKestrel(port: 0);
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var run = await NodeSuite.RunAsync("node", ["--test", "--test-reporter=spec"], suite, SuiteTimeout, new Dictionary<string, string>
        {
            ["GRAPHQL_URL"] = address.TrimEnd('/') + "/graphql",
            ["ARCHIVE_API_KEY"] = KeyedArchiveApiFactory.Key,
            ["SCHEMA_FILE"] = Path.Combine(suite, "..", "..", "schema", "schema.graphql"),
            ["NO_COLOR"] = "1",
        });

        testOutput.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"The client suite failed:\n{run.Output}");
        Assert.Contains("ℹ pass", run.Output);
    }
}
