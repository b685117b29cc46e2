namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// The second index, as migration <c>SearchIndexWithoutCopies</c> left it: today's bigram table
/// (<see cref="SqliteSearchSchema"/>) plus an external-content FTS5 trigram table for terms of 3+ characters, kept
/// in step by the same triggers. Migration <c>OneTextIndex</c> drops the trigram table; this is what its Down, and the
/// earlier migration's Up, replay.
/// </summary>
internal static class SearchIndexV2
{
    private const string Trigrams = "ArticleSearch";

    private static readonly string ColumnList = string.Join(", ", SqliteSearchSchema.Columns);

    private static string Index(string articleIds) =>
        $"INSERT INTO {Trigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {SqliteSearchSchema.TextSource} WHERE Id IN ({articleIds}); " +
        SqliteSearchSchema.Index(articleIds);

    private static string Unindex(string articleIds) =>
        $"INSERT INTO {Trigrams}({Trigrams}, rowid, {ColumnList}) SELECT 'delete', Id, {ColumnList} FROM {SqliteSearchSchema.TextSource} WHERE Id IN ({articleIds}); " +
        SqliteSearchSchema.Unindex(articleIds);

    /// <summary>From today's index to the second: the trigram table, filled from the text, and triggers that keep both.</summary>
    public static readonly string AddTrigramsSql = string.Join("\n", SqliteSearchSchema.DropTriggersSql,
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {Trigrams} USING fts5({ColumnList}, content = '{SqliteSearchSchema.TextSource}', content_rowid = 'Id', tokenize = 'trigram');",
        $"INSERT INTO {Trigrams}({Trigrams}) VALUES ('rebuild');",
        SqliteSearchSchema.CreateTriggersSqlOf(Index, Unindex));

    /// <summary>From the second index to today's: no trigram table, and triggers that keep the bigram table alone.</summary>
    public static readonly string RemoveTrigramsSql = string.Join("\n", SqliteSearchSchema.DropTriggersSql,
        $"DROP TABLE IF EXISTS {Trigrams};", SqliteSearchSchema.CreateTriggersSql);

    /// <summary>The second index, gone.</summary>
    public static readonly string DropSql = string.Join("\n", SqliteSearchSchema.DropTriggersSql, $"DROP TABLE IF EXISTS {Trigrams};", SqliteSearchSchema.DropSql);
}
