using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GraphQLArchive.Benchmarks;

// Benchmarks report ratios measured side by side in one run; see README.
internal static class BenchmarkProgram
{
    private static void Main(string[] args)
    {
        // A short in-process run: a few minutes in all, and no separate build of a generated project.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args, config);

        Console.WriteLine();
        Console.WriteLine("Deep page / first page, by category (mean latency):");
        foreach (var category in summaries.SelectMany(s => s.Reports).GroupBy(r => string.Join("/", r.BenchmarkCase.Descriptor.Categories)))
        {
            var first = category.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics?.Mean;
            foreach (var deep in category.Where(r => !r.BenchmarkCase.Descriptor.Baseline && r.ResultStatistics is not null))
                Console.WriteLine(first is { } f
                    ? $"  {category.Key,-28} {deep.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,-12} {deep.ResultStatistics!.Mean / f,8:F2}x   ({f / 1000:F1} µs → {deep.ResultStatistics.Mean / 1000:F1} µs)"
                    : $"  {category.Key,-28} no baseline measured");
        }
    }
}
