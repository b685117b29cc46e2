using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GraphQLArchive.Benchmarks;

// Benchmarks report ratios measured side by side in one run; see README.
internal static class BenchmarkProgram
{
    private static async Task<int> Main(string[] args)
    {
        if (args is ["http", .. var httpArgs]) return await HttpLoad.Run(httpArgs);
        if (args is ["alternate", .. var alternateArgs]) return await Alternating.Run(alternateArgs);
        if (args is ["search", .. var searchArgs]) return await SearchAlternating.Run(searchArgs);
        if (args is ["profile", .. var profileArgs]) return await Profiling.Run(profileArgs);
        if (args is ["peer", .. var peerArgs]) return await PostGraphilePeer.Run(peerArgs);
        if (args is ["bombs", .. var bombArgs]) return await Bombs.Run(bombArgs);

        // A short in-process run: a few minutes in all, and no separate build of a generated project.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args, config);

        Console.WriteLine();
        Console.WriteLine("Each case / its category's baseline, by category and parameters (median latency):");
        foreach (var group in summaries.SelectMany(s => s.Reports)
                     .GroupBy(r => (Category: string.Join("/", r.BenchmarkCase.Descriptor.Categories), Parameters: string.Join(", ", r.BenchmarkCase.Parameters.Items.Select(p => $"{p.Name}={p.Value}")))))
        {
            var baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics?.Median;
            foreach (var other in group.Where(r => !r.BenchmarkCase.Descriptor.Baseline && r.ResultStatistics is not null))
                Console.WriteLine(baseline is { } b
                    ? $"  {$"{group.Key.Category} {group.Key.Parameters}".Trim(),-60} {other.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,-12} {other.ResultStatistics!.Median / b,8:F2}x   ({Milliseconds(b)} → {Milliseconds(other.ResultStatistics.Median)})"
                    : $"  {$"{group.Key.Category} {group.Key.Parameters}".Trim(),-60} no baseline measured");
        }
        return 0;
    }

    private static string Milliseconds(double nanoseconds) => nanoseconds >= 1e6 ? $"{nanoseconds / 1e6:F2} ms" : $"{nanoseconds / 1e3:F1} µs";
}
