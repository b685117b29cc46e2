using System.Diagnostics;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// The real API as a child process (<c>dotnet GraphQLArchive.Api.dll</c>, beside the benchmark) on a loopback port, so
/// that its CPU time is the server's alone: the load generator's own work (reading and parsing answers) stays in the
/// benchmark's process. The environment is inherited (DOTNET_TieredCompilation, …); logging is cut to errors.
/// </summary>
internal sealed class ArchiveApiProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;

    private ArchiveApiProcess(Process process) => _process = process;

    public static async Task<ArchiveApiProcess> Start(string file, int port)
    {
        var startInfo = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GraphQLArchive.Api.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["ConnectionStrings__Archive"] = $"Data Source={file}";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Logging__LogLevel__Default"] = "Error";
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"// api: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ArchiveApiProcess(process);
        using var client = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with code {process.ExitCode} at start-up.");
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/readyz")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (clock.Elapsed > StartTimeout)
            {
                server.Dispose();
                throw new TimeoutException($"The API was not ready within {StartTimeout}.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The server process's CPU time so far, on all cores.</summary>
    public TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
