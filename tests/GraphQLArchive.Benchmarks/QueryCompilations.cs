using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// Counts EF Core's query compilations (<see cref="CoreEventId.QueryCompilationStarting"/>): a request that compiles
/// a LINQ query missed EF Core's compiled-query cache, which costs milliseconds on every such request.
/// </summary>
internal sealed class QueryCompilations : ILoggerProvider, ILogger
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public const string Category = "Microsoft.EntityFrameworkCore.Query";

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == CoreEventId.QueryCompilationStarting.Id) Interlocked.Increment(ref _count);
    }

    public void Dispose()
    {
    }
}
