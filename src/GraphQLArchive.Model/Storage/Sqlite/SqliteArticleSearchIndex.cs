using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// Search on SQLite: the hits of a query are written once into a temporary table (<c>temp.SearchHits_n</c>, id as
/// its primary key; see <see cref="SearchHitTables"/>), which the count, the page and the facets then join.
/// </summary>
public sealed class SqliteArticleSearchIndex : IArticleSearchIndex
{
    public static readonly SqliteArticleSearchIndex Instance = new();

    // SQLite names the index's schema, not the table's (see SearchHitTables.FillAsync).
    private const string RankIndexSql = "CREATE INDEX temp.\"{1}\" ON \"{0}\" (\"Score\" DESC, \"Id\");";

    public Task<SearchHits> FindAsync(ArchiveDbContext db, SearchQuery query, bool ranked, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = SqliteSearchSql.Hits(query);
        return SearchHitTables.FillAsync(db, "temp", sql, parameters, ranked ? RankIndexSql : null, cancellationToken);
    }

    public IQueryable<IndexedCaptions> Captions(ArchiveDbContext db) =>
        db.Database.SqlQueryRaw<IndexedCaptions>($"SELECT Id, Captions FROM {SqliteSearchSchema.TextSource}");

    public IQueryable<int>? Containing(ArchiveDbContext db, string column, string term)
    {
        if (!SqliteSearchSchema.Columns.Contains(column) || term.Length == 0) return null;
        // A superset for 3+ characters (the pairs, not the term): the caller's substring test narrows it.
        if (SqliteSearchSql.Lookup(new SearchTerm(term, IsPhrase: true)) is not { } lookup) return null;
        var sql = $"SELECT rowid AS Value FROM {SqliteSearchSchema.Bigrams} WHERE {SqliteSearchSchema.Bigrams} MATCH {{0}}"; // the table is ours, the term a parameter
        return db.Database.SqlQueryRaw<int>(sql, lookup.Match(column));
    }
}
