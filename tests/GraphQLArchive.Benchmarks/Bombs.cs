using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <c>bombs [--articles N] [--connections C] [--rounds R]</c>: issue 11's resource attacks over real sockets, against the
/// real API on Kestrel over a generated archive (20,000 articles by default). For each bomb, C connections send it R times
/// each at once; then the process's CPU time is sampled until it is idle, which gives how long the server kept working
/// after the last answer. Last, C clients send an expensive request and hang up mid-way, and the same is measured from the
/// hang-up. The server is a child process (<see cref="ArchiveApiProcess"/>), so its CPU time excludes the load generator's
/// reading and parsing of the answers.
/// Figures, not assertions: the tests hold the behaviour (limits, timeout, cancellation); this shows its cost.
/// </summary>
internal static class Bombs
{
    /// <summary>A 100 ms window with more CPU than this (a fifth of one core) counts as busy.</summary>
    private static readonly TimeSpan BusyPerWindow = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    public static async Task<int> Run(string[] args)
    {
        var articles = HttpLoad.Option(args, "--articles", 20_000);
        var connections = HttpLoad.Option(args, "--connections", 8);
        var rounds = HttpLoad.Option(args, "--rounds", 3);

        var port = HttpLoad.FreePort();
        var file = BenchmarkArchive.EnsureFile(articles);
        using var api = await ArchiveApiProcess.Start(file, port);
        var endpoint = new Uri($"http://127.0.0.1:{port}/graphql");
        Console.WriteLine($"// {articles:N0} articles ({file}), {connections} connections, {rounds} rounds each");

        var results = new List<string>();
        await SendAll(endpoint, "{ __typename }", 1, 1);
        await IdleAsync(api, TimeSpan.FromSeconds(30));
        var (idleBusy, idleCpu) = await BusyAfterAsync(api);
        results.Add($"  {"idle: no request at all",-79} {"",8} {"",9} {"",9} {idleBusy.TotalMilliseconds,8:F0} {idleCpu.TotalMilliseconds,8:F0}");
        foreach (var (name, query) in Attacks())
        {
            // Warm: the first request builds the schema, and each code path is compiled once before it is measured.
            await SendAll(endpoint, query, 1, 1);
            await IdleAsync(api, TimeSpan.FromSeconds(30));
            var cpuBefore = api.Cpu();
            var clock = Stopwatch.StartNew();
            var answers = await SendAll(endpoint, query, connections, rounds);
            var answered = clock.Elapsed;
            var cpuAnswered = api.Cpu() - cpuBefore;
            var (busyAfter, cpuAfter) = await BusyAfterAsync(api);
            var line = $"  {name,-34} {Describe(answers),-44} {answers.Max(a => a.Milliseconds),8:F0} {answered.TotalMilliseconds,9:F0} {cpuAnswered.TotalMilliseconds,9:F0} {busyAfter.TotalMilliseconds,8:F0} {cpuAfter.TotalMilliseconds,8:F0}";
            Console.WriteLine(line);
            results.Add(line);
        }

        // Disconnects: each client hangs up after a fixed time, while its request runs.
        foreach (var (name, query, hangUpAfter) in Disconnects())
        {
            await IdleAsync(api, TimeSpan.FromSeconds(30));
            var alone = Stopwatch.StartNew();
            var full = await SendAll(endpoint, query, 1, 1);
            var aloneMs = alone.Elapsed.TotalMilliseconds;
            await IdleAsync(api, TimeSpan.FromSeconds(30));
            var cpuBefore = api.Cpu();
            await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => HangUpAsync(endpoint, query, hangUpAfter)));
            var cpuAnswered = api.Cpu() - cpuBefore;
            var (busyAfter, cpuAfter) = await BusyAfterAsync(api);
            var line = $"  {name + $" (alone {aloneMs:F0} ms, {Describe(full)})",-79} {hangUpAfter.TotalMilliseconds,8:F0} {"",9} {cpuAnswered.TotalMilliseconds,9:F0} {busyAfter.TotalMilliseconds,8:F0} {cpuAfter.TotalMilliseconds,8:F0}";
            Console.WriteLine(line);
            results.Add(line);
        }

        Console.WriteLine();
        Console.WriteLine($"Bombs over HTTP, {articles:N0} articles, {connections} connections × {rounds} rounds (ms; CPU is the server process's, all cores):");
        Console.WriteLine($"  {"request",-34} {"answers",-44} {"max",8} {"all done",9} {"CPU",9} {"busy +",8} {"CPU +",8}");
        Console.WriteLine("  (disconnects: \"max\" is when each client hung up; \"busy +\" counts from the last hang-up)");
        foreach (var line in results) Console.WriteLine(line);
        Console.WriteLine($"  busy +: time after the last answer until CPU stayed under {BusyPerWindow.TotalMilliseconds:F0} ms per {Window.TotalMilliseconds:F0} ms; CPU +: CPU used in that time.");
        return 0;
    }

    /// <summary>The requests that cost far more than they look, as the issue lists them.</summary>
    private static IEnumerable<(string Name, string Query)> Attacks()
    {
        // What an idle server does after cheap requests (tiered JIT, GC): the line the others are read against.
        yield return ("control: { __typename }", "{ __typename }");
        var fragments = new StringBuilder("query { ...F0 }\n");
        for (var i = 0; i < 30; i++) fragments.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
        yield return ("fragment bomb (30 doublings)", fragments.Append("fragment F30 on Query { __typename }\n").ToString());
        yield return ("repeated fields (20,000 __typename)", "{ " + string.Concat(Enumerable.Repeat("__typename ", 20_000)) + "}");
        yield return ("alias bomb (500 conflicting)", "{ " + string.Concat(Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? "x: articles { totalCount } " : "x: officials { totalCount } ")) + "}");
        yield return ("alias bomb (500 distinct)", "{ " + string.Concat(Enumerable.Range(0, 500).Select(i => $"a{i}: articles(first: 50) {{ nodes {{ headline body }} }} ")) + "}");
        yield return ("introspection (500 × __schema)", "{ " + string.Concat(Enumerable.Range(0, 500).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name args {{ name }} }} }} }} ")) + "}");
        yield return ("introspection (nested __type)", "{ __type(name: \"Article\") { " + string.Concat(Enumerable.Repeat("fields { type { ", 6)) + "name" + string.Concat(Enumerable.Repeat(" } }", 6)) + " } }");
        yield return ("unbounded list (first: 1e6)", "{ articles(first: 1000000) { nodes { headline body officials { name } } } }");
        yield return ("nested lists at their page maxima", "{ articles(first: 50) { nodes { headline body paragraphs officials(first: 50) { name appearances(first: 50) { titles article { headline } } } } } }");
        yield return ("1-character search with facets", "{ search(query: \"市\", first: 50) { totalCount facets { total months { month count } officials { value { name } count } locations { value { name } count } projects { value { name } count } journalists { value { name } count } } nodes { headline } } }");
    }

    private static IEnumerable<(string Name, string Query, TimeSpan HangUpAfter)> Disconnects()
    {
        yield return ("hang-up: 1-character search with facets", "{ search(query: \"市\", first: 50) { totalCount facets { total months { month count } officials { value { name } count } locations { value { name } count } } nodes { headline body } } }", TimeSpan.FromMilliseconds(50));
        yield return ("hang-up: body contains, counted", "{ articles(where: { body: { contains: \"会\" } }) { totalCount nodes { headline } } }", TimeSpan.FromMilliseconds(50));
    }

    private sealed record Answer(int Status, string Code, double Milliseconds, int Bytes);

    private static async Task<List<Answer>> SendAll(Uri endpoint, string query, int connections, int rounds)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query });
        var answers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseProxy = false }) { Timeout = TimeSpan.FromMinutes(3) };
            var mine = new List<Answer>();
            for (var round = 0; round < rounds; round++)
            {
                var start = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } } };
                request.Headers.Accept.ParseAdd("application/graphql-response+json");
                using var response = await client.SendAsync(request);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                mine.Add(new Answer((int)response.StatusCode, ErrorCode(bytes), Stopwatch.GetElapsedTime(start).TotalMilliseconds, bytes.Length));
            }
            return mine;
        })));
        return [.. answers.SelectMany(a => a)];
    }

    /// <summary>Sends the request and closes the connection after <paramref name="after"/>, whatever the server is doing.</summary>
    private static async Task HangUpAsync(Uri endpoint, string query, TimeSpan after)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseProxy = false });
        using var cancel = new CancellationTokenSource(after);
        try
        {
            using var response = await client.PostAsync(endpoint, new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"), cancel.Token);
            await response.Content.ReadAsByteArrayAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // hung up, as intended
        }
    }

    private static string ErrorCode(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body)?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? "data";
        }
        catch (JsonException)
        {
            return "not JSON";
        }
    }

    private static string Describe(List<Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => (a.Status, a.Code)).Select(g => $"{g.Count()}× {g.Key.Status} {g.Key.Code}")) +
        $", ≤{answers.Max(a => a.Bytes) / 1024.0:F0} KB";

    /// <summary>From now, how long until a window stays under the busy line, and the CPU used until then (at most <paramref name="atMost"/>, 120 s by default).</summary>
    private static async Task<(TimeSpan Busy, TimeSpan Cpu)> BusyAfterAsync(ArchiveApiProcess api, TimeSpan? atMost = null)
    {
        var start = api.Cpu();
        var clock = Stopwatch.StartNew();
        var lastBusy = TimeSpan.Zero;
        var quietWindows = 0;
        var previous = start;
        var limit = atMost ?? TimeSpan.FromSeconds(120);
        while (clock.Elapsed < limit && quietWindows < 10)
        {
            await Task.Delay(Window);
            var now = api.Cpu();
            if (now - previous > BusyPerWindow)
            {
                lastBusy = clock.Elapsed;
                quietWindows = 0;
            }
            else quietWindows++;
            previous = now;
        }
        // The CPU up to the end of the last busy window, not the quiet tail measured to be sure.
        return (lastBusy, previous - start);
    }

    /// <summary>Waits until the process is quiet (for a second), so that one bomb's tail is not the next one's.</summary>
    private static async Task IdleAsync(ArchiveApiProcess api, TimeSpan atMost) => await BusyAfterAsync(api, atMost);
}
