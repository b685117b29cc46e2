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
    /// How each parent's first items of a nested list are read. True (PostgreSQL): EF Core's window per parent, with the
    /// parents' key list inside it so that it numbers only their items. False (SQLite): a correlated key list per parent,
    /// which SQLite seeks through the child index and PostgreSQL would run once per row.
    /// </summary>
    public bool WindowsTakeKeyLists { get; set; }

    /// <summary>The options the request's services hold; the defaults (SQLite's) when they hold none.</summary>
    internal static QueryingOptions Of(IResolveFieldContext context) =>
        context.RequestServices?.GetService(typeof(QueryingOptions)) as QueryingOptions ?? Defaults;

    private static readonly QueryingOptions Defaults = new();
}
