using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>SQLite's result codes that the archive reacts to.</summary>
public static class SqliteErrors
{
    /// <summary>SQLITE_BUSY or SQLITE_LOCKED: another connection holds the write lock; trying again can succeed.</summary>
    public static bool IsBusy(Exception e) =>
        (e as SqliteException ?? e.InnerException as SqliteException) is { SqliteErrorCode: 5 or 6 };
}
