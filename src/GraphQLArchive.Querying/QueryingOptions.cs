using GraphQL;

namespace GraphQLArchive.Querying;

/// <summary>What the conventions need to know about the database behind the queries.</summary>
public sealed class QueryingOptions
{
    /// <summary>
    /// Whether NULL sorts before every value in ascending order: true for SQLite and SQL Server,
    /// false for PostgreSQL. Keyset cursors must agree with the database to skip and repeat nothing.
    /// </summary>
    public bool NullsSortFirst { get; set; } = true;

    /// <summary>
    /// Whether the database joins to a correlated subquery (LATERAL, as PostgreSQL does): then each parent's first
    /// items of a nested list are read through one. SQLite has none, and reads them with a correlated key list, which
    /// PostgreSQL would run once per row.
    /// </summary>
    public bool LateralJoins { get; set; }

    /// <summary>The options the request's services hold; the defaults (SQLite's) when they hold none.</summary>
    internal static QueryingOptions Of(IResolveFieldContext context) =>
        context.RequestServices?.GetService(typeof(QueryingOptions)) as QueryingOptions ?? Defaults;

    private static readonly QueryingOptions Defaults = new();
}
