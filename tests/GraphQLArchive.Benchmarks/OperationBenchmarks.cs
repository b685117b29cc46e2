using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// Issue 8's operations through the real GraphQL stack in-process (TestServer, so parsing, validation, execution
/// and serialization all count), each side by side with hand-written SQL that answers the same JSON. The SQL side is
/// each category's baseline, so the Ratio column is ours / SQL. The setup checks that both answer the same data.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn, MedianColumn]
public class OperationBenchmarks
{
    private OperationFixture _fixture = null!;
    private Operation _frontPage = null!, _officialMost = null!, _officialMedian = null!, _projects = null!, _deepPage = null!, _someMost = null!, _someMedian = null!, _offset = null!;

    [Params(100_000, 1_000_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _fixture = await OperationFixture.Get(Articles);
        var operations = _fixture.Operations;
        (_frontPage, _officialMost, _officialMedian, _projects, _deepPage, _someMost, _someMedian, _offset) =
            (operations[0], operations[1], operations[2], operations[3], operations[4], operations[5], operations[6], operations[7]);
    }

    // The fixtures live for the process: every case of a size shares one host, one connection and one walked cursor.

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("1 front page")]
    public Task<int> FrontPage() => Ours(_frontPage);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("1 front page")]
    public int FrontPageSql() => Sql(_frontPage);

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("2 official, most named")]
    public Task<int> OfficialMost() => Ours(_officialMost);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("2 official, most named")]
    public int OfficialMostSql() => Sql(_officialMost);

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("2 official, median")]
    public Task<int> OfficialMedian() => Ours(_officialMedian);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("2 official, median")]
    public int OfficialMedianSql() => Sql(_officialMedian);

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("3 projects in location")]
    public Task<int> Projects() => Ours(_projects);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("3 projects in location")]
    public int ProjectsSql() => Sql(_projects);

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("4 page 10,000 by cursor")]
    public Task<int> DeepPage() => Ours(_deepPage);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("4 page 10,000 by cursor")]
    public int DeepPageSql() => Sql(_deepPage);

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("5 some(official), most named")]
    public Task<int> SomeMost() => Ours(_someMost);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("5 some(official), most named")]
    public int SomeMostSql() => Sql(_someMost);

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("5 some(official), median")]
    public Task<int> SomeMedian() => Ours(_someMedian);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("5 some(official), median")]
    public int SomeMedianSql() => Sql(_someMedian);

    [Benchmark(Description = "GraphQL"), BenchmarkCategory("6 articlesPage skip 99,990")]
    public Task<int> Offset() => Ours(_offset);

    [Benchmark(Baseline = true, Description = "SQL"), BenchmarkCategory("6 articlesPage skip 99,990")]
    public int OffsetSql() => Sql(_offset);

    private Task<int> Ours(Operation operation) => _fixture.Api.PostRaw(operation.Query, operation.Variables);

    private int Sql(Operation operation) => _fixture.RunSql(operation).Length;
}
