using BenchmarkDotNet.Running;

namespace GraphQLArchive.Benchmarks;

// Benchmarks report ratios measured side by side in one run; see README.
internal static class BenchmarkProgram
{
    private static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
