using System.Diagnostics;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// <c>alternate [--articles N | --database "Host=…;Database=…;Username=…"] [--rounds R]</c>: issue 8's operations
/// in-process, on a generated SQLite file or on a PostgreSQL archive, alternating one GraphQL request with one run of
/// the hand-written SQL of that engine, R times each (after a few warm-up rounds), so that a busy machine slows both
/// sides alike. Prints p50 and p90 of each side and the ratio of the p50s. Quicker than BenchmarkDotNet, and also
/// the way to see the setup's checks, statements and query plans alone.
/// </summary>
internal static class Alternating
{
    public static async Task<int> Run(string[] args)
    {
        var rounds = HttpLoad.Option(args, "--rounds", 50);
        var database = BenchmarkDatabase.FromArgs(args);
        var written = await database.RowsWritten();
        var fixture = await OperationFixture.Get(database);
        var loadAtStart = HttpLoad.LoadAverage();
        var results = new List<(string Name, List<double> Ours, List<double> Sql, int Compilations, List<double> Executing)>();
        foreach (var operation in fixture.Operations)
        {
            List<double> ours = [], sql = [], executing = [];
            var compilations = 0;
            for (var round = -3; round < rounds; round++)
            {
                var compiled = fixture.Api.Compilations.Count;
                var executed = fixture.Api.Statements.Executing;
                var start = Stopwatch.GetTimestamp();
                await fixture.Api.PostRaw(operation.Query, operation.Variables);
                var oursTime = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                _ = fixture.RunSql(operation).Length;
                var sqlTime = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (round < 0) continue;
                compilations += fixture.Api.Compilations.Count - compiled;
                executing.Add((fixture.Api.Statements.Executing - executed).TotalMilliseconds);
                ours.Add(oursTime);
                sql.Add(sqlTime);
            }
            results.Add((operation.Name, ours, sql, compilations, executing));
        }

        Console.WriteLine();
        Console.WriteLine($"In-process, {fixture.Articles:N0} articles on {fixture.Database.Engine} ({fixture.Database.Name}), one GraphQL request then one SQL run, {rounds} rounds; load average {loadAtStart} at the start, {HttpLoad.LoadAverage()} at the end:");
        Console.WriteLine($"  {"operation",-30} {"GraphQL p50",12} {"SQL p50",10} {"ratio",8} {"GraphQL p90",12} {"SQL p90",10} {"GraphQL's SQL p50",18}  EF Core compilations a request");
        foreach (var (name, ours, sql, compilations, executing) in results)
            Console.WriteLine($"  {name,-30} {Percentile(ours, 50),9:F2} ms {Percentile(sql, 50),7:F2} ms {Percentile(ours, 50) / Percentile(sql, 50),7:F1}x {Percentile(ours, 90),9:F2} ms {Percentile(sql, 90),7:F2} ms {Percentile(executing, 50),15:F2} ms  {compilations / (double)rounds:F1}");
        fixture.Api.Dispose();
        await database.ReportRowsWritten(written);
        return 0;
    }

    public static double Percentile(List<double> values, int p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1))];
    }
}
