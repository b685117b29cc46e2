using GraphQLArchive.Tests.Clients;
using Xunit.Abstractions;

namespace GraphQLArchive.Tests.Http;

/// <summary>
/// Runs the official GraphQL-over-HTTP audit suite (npm package graphql-http, in tests/audit) against the
/// endpoint on a real Kestrel port. Every audit must pass, SHOULD and MAY ones included.
/// </summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper testOutput)
{
    private static readonly TimeSpan AuditTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_graphql_http_audit_suite_passes_completely()
    {
        var auditDirectory = NodeSuite.Directory(Path.Combine("tests", "audit"));
        await NodeSuite.InstallAsync(auditDirectory, "graphql-http");

        await using var host = await TestGraphQLHost.StartOnKestrelAsync();
        var audit = await NodeSuite.RunAsync("node", ["audit.mjs", host.GraphQLUrl.ToString()], auditDirectory, AuditTimeout);

        testOutput.WriteLine(audit.Output);
        Assert.True(audit.ExitCode == 0, $"Not every graphql-http audit passed:\n{audit.Output}");
        Assert.Contains(" audits passed", audit.Output);
    }
}
