using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace GraphQLArchive.Tests.Http;

/// <summary>
/// Runs the official GraphQL-over-HTTP audit suite (npm package graphql-http, in tests/audit) against the
/// endpoint on a real Kestrel port. Every audit must pass, SHOULD and MAY ones included.
/// </summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper testOutput)
{
    private static readonly TimeSpan NpmCiTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AuditTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_graphql_http_audit_suite_passes_completely()
    {
        var auditDirectory = FindAuditDirectory();
        if (!Directory.Exists(Path.Combine(auditDirectory, "node_modules", "graphql-http")))
        {
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], auditDirectory, NpmCiTimeout);
            Assert.True(install.ExitCode == 0, $"'npm ci' failed in {auditDirectory}:\n{install.Output}");
        }

        await using var host = await TestGraphQLHost.StartOnKestrelAsync();
        var audit = await RunAsync("node", ["audit.mjs", host.GraphQLUrl.ToString()], auditDirectory, AuditTimeout);

        testOutput.WriteLine(audit.Output);
        Assert.True(audit.ExitCode == 0, $"Not every graphql-http audit passed:\n{audit.Output}");
        Assert.Contains(" audits passed", audit.Output);
    }

    private static string FindAuditDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "audit");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"tests/audit/package.json not found above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        // On Windows npm is a .cmd script, which only a shell can start.
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe", ["/c", tool, .. arguments])
            : new ProcessStartInfo(tool, arguments);
        startInfo.WorkingDirectory = workingDirectory;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (output) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (output) output.AppendLine(line.Data); };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"Could not start '{tool}' ({exception.Message}). This test needs Node.js 20 or later with npm on the PATH: install Node.js from https://nodejs.org and run the tests again.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{tool} {string.Join(' ', arguments)}' did not finish within {timeout}:\n{output}");
        }

        if (OperatingSystem.IsWindows() && process.ExitCode == 9009)
        {
            Assert.Fail($"'{tool}' was not found. This test needs Node.js 20 or later with npm on the PATH: install Node.js from https://nodejs.org and run the tests again.");
        }
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
