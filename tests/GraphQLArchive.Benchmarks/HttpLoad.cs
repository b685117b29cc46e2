using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <c>http [--articles N | --database "Host=…;Database=…;Username=…"] [--seconds S] [--connections C]</c>: issue 8's operations 1, 2 and 4 over HTTP on loopback.
/// The real API on Kestrel, and a minimal ASP.NET endpoint that runs the hand-written SQL of
/// <see cref="HandWrittenSql"/> and writes the same JSON by hand, both in this process on their own loopback ports.
/// A closed-loop load generator (C connections, each one request at a time, for S seconds a side) measures
/// requests/s and latency percentiles. The sides alternate A B B A in halves of S, so drift on a shared
/// machine falls on both alike.
/// </summary>
internal static class HttpLoad
{
    public static async Task<int> Run(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var connections = Option(args, "--connections", 8);

        var apiPort = FreePort();
        var database = BenchmarkDatabase.FromArgs(args, 1_000_000);
        var written = await database.RowsWritten();
        var fixture = await OperationFixture.Get(database, apiPort);
        var minimalPort = FreePort();
        await using var minimal = await StartMinimal(fixture.Database.OpenSql, minimalPort);
        using var check = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{minimalPort}") };

        var results = new List<(Operation Operation, Load Ours, Load Minimal)>();
        foreach (var operation in fixture.Operations.Where(o => o.OverHttp))
        {
            // The minimal endpoint must answer what the hand-written SQL answers, which the setup compared with GraphQL.
            var expected = Encoding.UTF8.GetString(fixture.RunSql(operation));
            var actual = await check.GetStringAsync(operation.MinimalPath);
            if (actual != expected)
                throw new InvalidOperationException($"{operation.Name}: the minimal endpoint answers differently from the hand-written SQL.");

            var body = JsonSerializer.SerializeToUtf8Bytes(new { query = operation.Query, variables = operation.Variables });
            HttpRequestMessage Ours() => new(HttpMethod.Post, $"http://127.0.0.1:{apiPort}/graphql")
            {
                Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
            };
            HttpRequestMessage Minimal() => new(HttpMethod.Get, $"http://127.0.0.1:{minimalPort}{operation.MinimalPath}");

            Console.WriteLine($"// {operation.Name}: warming up, then {seconds} s a side, {connections} connections …");
            var (ours, theirs) = await Alternate(Ours, Minimal, connections, seconds);
            Console.WriteLine($"//   GraphQL {ours}\n//   minimal {theirs}");
            results.Add((operation, ours, theirs));
        }

        Console.WriteLine();
        Console.WriteLine($"Over HTTP on loopback, {fixture.Articles:N0} articles ({fixture.Database.Engine}), {connections} connections, {seconds} s a side (A B B A):");
        Console.WriteLine($"  {"operation",-28} {"GraphQL req/s",14} {"minimal req/s",14} {"ratio",7}   {"GraphQL p50/p99 ms",19} {"minimal p50/p99 ms",19}");
        foreach (var (operation, ours, theirs) in results)
            Console.WriteLine($"  {operation.Name,-28} {ours.PerSecond,14:F0} {theirs.PerSecond,14:F0} {ours.PerSecond / theirs.PerSecond,7:F2}   {ours.Percentile(50),9:F2}/{ours.Percentile(99),-9:F2} {theirs.Percentile(50),9:F2}/{theirs.Percentile(99),-9:F2}");
        fixture.Api.Dispose();
        await database.ReportRowsWritten(written);
        return 0;
    }

    /// <summary>Both sides warmed for 2 s, then A B B A in halves of <paramref name="seconds"/> a side.</summary>
    public static async Task<(Load A, Load B)> Alternate(Func<HttpRequestMessage> a, Func<HttpRequestMessage> b, int connections, int seconds)
    {
        await Generate(a, connections, TimeSpan.FromSeconds(2));
        await Generate(b, connections, TimeSpan.FromSeconds(2));
        var half = TimeSpan.FromSeconds(seconds / 2.0);
        var a1 = await Generate(a, connections, half);
        var b1 = await Generate(b, connections, half);
        var b2 = await Generate(b, connections, half);
        var a2 = await Generate(a, connections, half);
        return (a1 + a2, b1 + b2);
    }

    /// <summary>Requests answered in a closed loop: each connection sends the next request when the last one is read.</summary>
    internal sealed record Load(List<double> Milliseconds, int Failures, TimeSpan Elapsed)
    {
        public double PerSecond => Milliseconds.Count / Elapsed.TotalSeconds;

        public double Percentile(int p) => Alternating.Percentile(Milliseconds, p);

        public static Load operator +(Load a, Load b) => new([.. a.Milliseconds, .. b.Milliseconds], a.Failures + b.Failures, a.Elapsed + b.Elapsed);

        public override string ToString() =>
            $"{PerSecond:F0} req/s, p50 {Percentile(50):F2} ms, p99 {Percentile(99):F2} ms, {Milliseconds.Count:N0} answered, {Failures} failed";
    }

    private static async Task<Load> Generate(Func<HttpRequestMessage> request, int connections, TimeSpan duration)
    {
        var clients = Enumerable.Range(0, connections)
            .Select(_ => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseProxy = false }) { Timeout = TimeSpan.FromMinutes(2) })
            .ToList();
        var latencies = new ConcurrentBag<List<double>>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request());
                await response.Content.LoadIntoBufferAsync();
                if (response.StatusCode == HttpStatusCode.OK) mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
            latencies.Add(mine);
        })));
        var elapsed = clock.Elapsed;
        foreach (var client in clients) client.Dispose();
        return new Load(latencies.SelectMany(l => l).ToList(), failures, elapsed);
    }

    /// <summary>The physical limit of this stack: Kestrel, a pooled connection with prepared statements, JSON by hand.</summary>
    private static async Task<WebApplication> StartMinimal(Func<HandWrittenSql> open, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var pool = new ConcurrentBag<HandWrittenSql>();

        async Task Answer(HttpContext http, Action<HandWrittenSql, Utf8JsonWriter> run)
        {
            if (!pool.TryTake(out var sql)) sql = open();
            try
            {
                http.Response.ContentType = "application/json";
                using var json = new Utf8JsonWriter(http.Response.BodyWriter, OperationFixture.JsonOptions);
                run(sql, json);
                json.Flush();
            }
            finally
            {
                pool.Add(sql);
            }
            await http.Response.BodyWriter.FlushAsync();
        }

        string Query(HttpContext http, string name) => http.Request.Query[name].ToString();
        app.MapGet("/front-page", http => Answer(http, (s, j) => s.FrontPage(j)));
        app.MapGet("/official", http => Answer(http, (s, j) => s.OfficialAppearances(j, Query(http, "name"))));
        app.MapGet("/projects", http => Answer(http, (s, j) => s.ProjectsIn(j, Query(http, "location"))));
        app.MapGet("/articles", http => Answer(http, (s, j) => s.ArticlesAfter(j, Query(http, "after") is { Length: > 0 } after ? after : null)));
        app.MapGet("/articles-with", http => Answer(http, (s, j) => s.ArticlesWithOfficial(j, Query(http, "name"))));
        app.MapGet("/articles-page", http => Answer(http, (s, j) => s.ArticlesPage(j, int.Parse(Query(http, "skip")), int.Parse(Query(http, "take")))));
        await app.StartAsync();
        return app;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static int Option(string[] args, string name, int fallback) => StringOption(args, name) is { } value ? int.Parse(value) : fallback;

    public static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The 1, 5 and 15 minute load averages: the machine is shared, and they say how much.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
