using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GraphQLArchive.Benchmarks;

/// <summary>Keeps the SQL that EF Core sends while capturing, to print it with its query plan.</summary>
internal sealed class StatementLog : DbCommandInterceptor
{
    private readonly List<(string Sql, List<(string Name, object Value)> Parameters)> _captured = [];

    private long _executionTicks;

    public bool Capture { get; set; }

    /// <summary>
    /// The time EF Core reports for executing statements so far (until each reader is open or each scalar read):
    /// the database's part of a request, without materializing the rows.
    /// </summary>
    public TimeSpan Executing => TimeSpan.FromTicks(Interlocked.Read(ref _executionTicks));

    /// <summary>The statements captured so far, and forgets them.</summary>
    public List<(string Sql, List<(string Name, object Value)> Parameters)> Take()
    {
        lock (_captured)
        {
            var taken = _captured.ToList();
            _captured.Clear();
            return taken;
        }
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Keep(command, eventData);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Keep(command, eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuted(command, eventData, result));

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuted(command, eventData, result));

    private void Keep(DbCommand command, CommandExecutedEventData eventData)
    {
        Interlocked.Add(ref _executionTicks, eventData.Duration.Ticks);
        if (Capture)
            lock (_captured)
                _captured.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));
    }

    /// <summary>Prints each statement on one line, followed by its plan on <paramref name="engine"/>'s connection.</summary>
    public static void PrintWithPlans(HandWrittenSql engine, IEnumerable<(string Sql, List<(string Name, object Value)> Parameters)> statements, string indent = "// ") =>
        PrintWithPlans(engine.Explain, statements, indent);

    /// <summary>Prints each statement on one line, followed by its plan from <paramref name="explain"/> (sql, parameters → lines).</summary>
    public static void PrintWithPlans(Func<string, IReadOnlyList<(string Name, object Value)>, IEnumerable<string>> explain,
        IEnumerable<(string Sql, List<(string Name, object Value)> Parameters)> statements, string indent = "// ")
    {
        foreach (var (sql, parameters) in statements)
        {
            Console.WriteLine($"{indent}SQL: {sql.ReplaceLineEndings(" ")}");
            foreach (var line in explain(sql, parameters)) Console.WriteLine($"{indent}  plan: {line}");
        }
    }
}
