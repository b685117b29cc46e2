using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// Stops a running SQLite statement when its request is cancelled (timeout or client gone). Microsoft.Data.Sqlite
/// looks at the token only before a statement starts, so a long scan would otherwise run to its end; here the
/// token interrupts the connection (sqlite3_interrupt) while the command and its reader are alive.
/// Npgsql needs nothing of the kind: it sends PostgreSQL's cancel request itself when the token fires.
/// </summary>
public sealed class SqliteInterruptInterceptor : DbCommandInterceptor
{
    public static readonly SqliteInterruptInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbCommand, Registration> _registrations = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    // A reader keeps stepping the statement after ReaderExecuted: it is watched until it is disposed.
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Unwatch(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Unwatch(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Unwatch(command);
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unwatch(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Unwatch(command);
        return Task.CompletedTask;
    }

    private void Watch(DbCommand command, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || command.Connection is not SqliteConnection connection) return;
        var registration = cancellationToken.UnsafeRegister(static state =>
        {
            var connection = (SqliteConnection)state!;
            if (connection.Handle is { IsInvalid: false } handle) raw.sqlite3_interrupt(handle);
        }, connection);
        _registrations.AddOrUpdate(command, new Registration(registration));
    }

    private void Unwatch(DbCommand command)
    {
        if (_registrations.TryGetValue(command, out var registration))
        {
            _registrations.Remove(command);
            registration.Token.Dispose();
        }
    }

    private sealed record Registration(CancellationTokenRegistration Token);
}
