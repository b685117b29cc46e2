using System.Net.Sockets;
using GraphQLArchive.Model.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GraphQLArchive.Api.Startup;

/// <summary>
/// Turns the ways start-up commonly fails into one line that says what to fix, instead of a stack trace.
/// Anything else is rethrown: it is a bug and its trace is wanted.
/// </summary>
internal static class StartupFailure
{
    public const int ExitCode = 2;

    public static async Task<int> GuardAsync(Func<Task<int>> run, TextWriter error)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (Describe(e) is { } line)
        {
            await error.WriteLineAsync($"graphql-archive: {line}");
            return ExitCode;
        }
    }

    internal static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }:
                case IOException when e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase):
                    return $"cannot listen: {FirstLine(e.Message)} Stop the other server, or choose another address with ASPNETCORE_URLS (e.g. http://localhost:5050).";
                case UnauthorizedAccessException:
                    return $"cannot write a file the server keeps: {FirstLine(e.Message)} Make the database folder writable, or set Archive:CursorKey.";
                case SqliteException sqlite:
                    return Sqlite(sqlite);
                case NpgsqlException or ArgumentException when PostgresErrors.DescribeStartup(e) is { } postgres:
                    return postgres;
                case InvalidOperationException when e.Message.StartsWith("Database:Provider", StringComparison.Ordinal)
                                                    || e.Message.StartsWith("Archive:PersistedOperations", StringComparison.Ordinal):
                    return e.Message;
                case InvalidOperationException when e.Message.Contains("Failed to convert configuration value", StringComparison.Ordinal):
                    return $"a configuration value is invalid: {FirstLine(e.Message)} Fix it in appsettings.json or the environment.";
            }
        }
        return null;
    }

    private static string Sqlite(SqliteException e) => e.SqliteErrorCode switch
    {
        8 => "the database file or its folder is read-only. Make them writable by this user, or point ConnectionStrings:Archive at a writable file.",
        14 => "the database file cannot be opened: its folder is missing or not writable. Create the folder, or point ConnectionStrings:Archive at a file in an existing one.",
        11 or 26 => "the database file is corrupt or not a SQLite database. Move it away (a new one is created and seeded), or restore it from a backup.",
        5 or 6 => "the database is locked by another process. Stop the other process, or use another file in ConnectionStrings:Archive.",
        13 => "the disk is full. Free some space, or put the database elsewhere with ConnectionStrings:Archive.",
        _ => $"the database failed to open: {FirstLine(e.Message)} Check ConnectionStrings:Archive.",
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
