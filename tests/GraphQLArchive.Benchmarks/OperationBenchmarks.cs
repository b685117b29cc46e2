using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// Issue 8's operations through the real GraphQL stack in-process (TestServer, so parsing, validation, execution
/// and serialization all count), each side by side with hand-written SQL that answers the same JSON. The SQL side is
/// the baseline of each (size, operation), so the Ratio column is ours / SQL. The setup checks that both answer the
/// same data (see <see cref="OperationFixture"/>).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
[MedianColumn]
public class OperationBenchmarks
{
    private OperationFixture _fixture = null!;
    private Operation _operation = null!;

    [Params(100_000, 1_000_000)]
    public int Articles { get; set; }

    [ParamsSource(nameof(Operations))]
    public string Operation { get; set; } = "";

    public static IEnumerable<string> Operations => OperationFixture.Names;

    // The fixture lives for the process: every case of a size shares one host, one connection and one walked cursor.
    [GlobalSetup]
    public async Task Setup()
    {
        _fixture = await OperationFixture.Get(Articles);
        _operation = _fixture[Operation];
    }

    [Benchmark(Description = "GraphQL")]
    public Task<int> GraphQL() => _fixture.Api.PostRaw(_operation.Query, _operation.Variables);

    [Benchmark(Baseline = true, Description = "SQL")]
    public int Sql() => _fixture.RunSql(_operation).Length;
}
