using System.Diagnostics;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <c>profile [--articles N | --database "Host=…;Database=…;Username=…"] [--operation NAME] [--seconds S]</c>: one operation's GraphQL request in a loop, then its
/// hand-written SQL in a loop, for a profiler to attach to (<c>dotnet-trace collect -- dotnet GraphQLArchive.Benchmarks.dll profile …</c>).
/// Prints each side's wall time, the process's CPU time and the bytes allocated per run: on a busy machine the allocations
/// are the steady figure.
/// </summary>
internal static class Profiling
{
    public static async Task<int> Run(string[] args)
    {
        var seconds = HttpLoad.Option(args, "--seconds", 10);
        var names = args.SkipWhile(a => a != "--operation").Skip(1).Take(1).ToList();
        var database = BenchmarkDatabase.FromArgs(args);
        var written = await database.RowsWritten();
        var fixture = await OperationFixture.Get(database);
        if (args.SkipWhile(a => a != "--query").Skip(1).FirstOrDefault() is { } query)
        {
            var alone = await Loop(seconds, async () => await fixture.Api.PostRaw(query));
            Console.WriteLine($"{query,-30} GraphQL {alone.Wall,8:F0} µs wall {alone.Cpu,8:F0} µs CPU {alone.Bytes / 1024,7:F0} KB");
        }
        foreach (var operation in names.Count > 0 ? [fixture[names[0]]] : fixture.Operations.Where(o => o.Name != OperationFixture.OffsetName))
        {
            var ours = await Loop(seconds, async () => await fixture.Api.PostRaw(operation.Query, operation.Variables));
            var sql = await Loop(seconds / 2.0, () => Task.FromResult(fixture.RunSql(operation).Length));
            Console.WriteLine($"{operation.Name,-30} GraphQL {ours.Wall,8:F0} µs wall {ours.Cpu,8:F0} µs CPU {ours.Bytes / 1024,7:F0} KB | SQL {sql.Wall,6:F0} µs wall {sql.Cpu,6:F0} µs CPU {sql.Bytes / 1024,5:F0} KB | CPU ratio {ours.Cpu / sql.Cpu,5:F1}x");
        }
        fixture.Api.Dispose();
        await database.ReportRowsWritten(written);
        return 0;
    }

    private static async Task<(double Wall, double Cpu, double Bytes)> Loop(double seconds, Func<Task<int>> run)
    {
        for (var i = 0; i < 20; i++) await run();
        var runs = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await run();
            runs++;
        }
        var wall = clock.Elapsed.TotalMicroseconds / runs;
        return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / runs, (GC.GetTotalAllocatedBytes() - allocated) / (double)runs);
    }
}
