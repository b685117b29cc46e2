using Xunit;

namespace GraphQLArchive.Tests.Archive;

/// <summary>
/// The engine the HTTP-level tests serve the archive from. <c>dotnet test</c> uses SQLite, the default users get;
/// <c>ARCHIVE_TEST_ENGINE=postgres dotnet test</c> runs the same tests against PostgreSQL 15, and <c>.ci/run</c> does both.
/// </summary>
public static class TestEngine
{
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("ARCHIVE_TEST_ENGINE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Name => IsPostgres ? "postgres" : "sqlite";
}

/// <summary>
/// A test of something only SQLite has (its file, its query planner's output, FTS5's tables, the sqlite3 tool). It is
/// skipped in the PostgreSQL run, which has its own tests for those parts.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestEngine.IsPostgres) Skip = "SQLite only: this checks SQLite's own storage.";
    }
}

/// <inheritdoc cref="SqliteFactAttribute"/>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestEngine.IsPostgres) Skip = "SQLite only: this checks SQLite's own storage.";
    }
}
