namespace GraphQLArchive.Querying;

/// <summary>What the conventions need to know about the database behind the queries.</summary>
public sealed class QueryingOptions
{
    /// <summary>
    /// Whether NULL sorts before every value in ascending order: true for SQLite and SQL Server,
    /// false for PostgreSQL. Keyset cursors must agree with the database to skip and repeat nothing.
    /// </summary>
    public bool NullsSortFirst { get; set; } = true;
}
