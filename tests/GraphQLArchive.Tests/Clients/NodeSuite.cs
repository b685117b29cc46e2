using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace GraphQLArchive.Tests.Clients;

/// <summary>Runs a Node.js suite kept in the repository (tests/audit, tests/clients): installs it from its lock, then runs it.</summary>
internal static class NodeSuite
{
    private static readonly TimeSpan NpmCiTimeout = TimeSpan.FromMinutes(5);

    private const string NodeMissing = "This test needs Node.js 20 or later with npm on the PATH: install Node.js from https://nodejs.org and run the tests again.";

    /// <summary>The suite's folder, e.g. <c>tests/clients</c>, found above the test binaries.</summary>
    public static string Directory(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException($"{relativePath}/package.json not found above {AppContext.BaseDirectory}.");
    }

    /// <summary><c>npm ci</c> from the committed lock, unless <paramref name="markerPackage"/> is installed already.</summary>
    public static async Task InstallAsync(string directory, string markerPackage)
    {
        if (System.IO.Directory.Exists(Path.Combine(directory, "node_modules", markerPackage))) return;
        var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, NpmCiTimeout);
        Assert.True(install.ExitCode == 0, $"'npm ci' failed in {directory}:\n{install.Output}");
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string[] arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // On Windows npm is a .cmd script, which only a shell can start.
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe", ["/c", tool, .. arguments])
            : new ProcessStartInfo(tool, arguments);
        startInfo.WorkingDirectory = workingDirectory;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) startInfo.Environment[key] = value;

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
            Assert.Fail($"Could not start '{tool}' ({exception.Message}). {NodeMissing}");
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
            Assert.Fail($"'{tool}' was not found. {NodeMissing}");
        }
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
