using System.Data.Common;

namespace GraphQLArchive.Model.Search;

/// <summary>
/// The full-text index: an FTS5 table with the trigram tokenizer over each article's headline,
/// subheadline, kicker, body and photo captions (rowid = article id), kept in step by triggers on
/// Articles and Photos, so that seeding, ingestion and merges need not know it exists.
/// </summary>
/// <remarks>
/// Bulk loaders skip the per-row trigger cost: <see cref="DropTriggersAsync"/>, insert, then
/// <see cref="RebuildAsync"/>, which refills the index and puts the triggers back.
/// </remarks>
public static class ArticleSearchIndex
{
    public const string Table = "ArticleSearch";

    /// <summary>The indexed columns, in FTS5 column order (bm25 weights follow it).</summary>
    internal static readonly string[] Columns = ["Headline", "Subheadline", "Kicker", "Body", "Captions"];

    // Captions are one column, one caption a line, in photo order.
    private const string CaptionsOf = "(SELECT group_concat(p.Caption, char(10) ORDER BY p.Id) FROM Photo AS p WHERE p.ArticleId = {0})";

    private static string InsertRow(string id) =>
        $"INSERT INTO {Table}(rowid, Headline, Subheadline, Kicker, Body, Captions) " +
        $"SELECT a.Id, a.Headline, a.Subheadline, a.Kicker, a.Body, {string.Format(CaptionsOf, "a.Id")} FROM Articles AS a WHERE a.Id = {id};";

    private static string RefreshCaptions(string articleId) =>
        $"UPDATE {Table} SET Captions = {string.Format(CaptionsOf, articleId)} WHERE rowid = {articleId};";

    internal const string CreateTableSql =
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {Table} USING fts5(Headline, Subheadline, Kicker, Body, Captions, tokenize = 'trigram');";

    internal static readonly string[] TriggerNames =
        ["ArticleSearch_ArticleInsert", "ArticleSearch_ArticleUpdate", "ArticleSearch_ArticleDelete",
         "ArticleSearch_PhotoInsert", "ArticleSearch_PhotoUpdate", "ArticleSearch_PhotoDelete"];

    internal static readonly string CreateTriggersSql = string.Join("\n",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_ArticleInsert AFTER INSERT ON Articles BEGIN {InsertRow("new.Id")} END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_ArticleUpdate AFTER UPDATE OF Id, Headline, Subheadline, Kicker, Body ON Articles BEGIN " +
            $"DELETE FROM {Table} WHERE rowid = old.Id; {InsertRow("new.Id")} END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_ArticleDelete AFTER DELETE ON Articles BEGIN DELETE FROM {Table} WHERE rowid = old.Id; END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_PhotoInsert AFTER INSERT ON Photo BEGIN {RefreshCaptions("new.ArticleId")} END;",
        // A photo moved to another article changes both articles' captions.
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_PhotoUpdate AFTER UPDATE OF ArticleId, Caption ON Photo BEGIN " +
            $"{RefreshCaptions("old.ArticleId")} {RefreshCaptions("new.ArticleId")} END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_PhotoDelete AFTER DELETE ON Photo BEGIN {RefreshCaptions("old.ArticleId")} END;");

    internal static readonly string DropTriggersSql = string.Join("\n", TriggerNames.Select(t => $"DROP TRIGGER IF EXISTS {t};"));

    /// <summary>The migration's Up: the table, the triggers, and the articles already stored.</summary>
    internal static readonly string CreateSql = string.Join("\n", CreateTableSql, CreateTriggersSql, FillSql(null));

    internal static readonly string DropSql = DropTriggersSql + $"\nDROP TABLE IF EXISTS {Table};";

    private static string FillSql(string? idRange) =>
        $"INSERT INTO {Table}(rowid, Headline, Subheadline, Kicker, Body, Captions) " +
        $"SELECT a.Id, a.Headline, a.Subheadline, a.Kicker, a.Body, {string.Format(CaptionsOf, "a.Id")} FROM Articles AS a{idRange};";

    /// <summary>Stops index maintenance, before a bulk load. <see cref="RebuildAsync"/> turns it back on.</summary>
    public static async Task DropTriggersAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(connection, DropTriggersSql, cancellationToken);

    /// <summary>Turns index maintenance back on without refilling the index (when the index is known to be current).</summary>
    public static async Task CreateTriggersAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(connection, CreateTriggersSql, cancellationToken);

    /// <summary>
    /// Empties and refills the index from Articles and Photos in batches of <paramref name="batchSize"/>
    /// articles, in one transaction, then merges its segments and (re)creates the triggers.
    /// Reports (articles indexed, articles in all) after each batch. Returns the number indexed.
    /// </summary>
    public static async Task<int> RebuildAsync(DbConnection connection, IProgress<(int Done, int Total)>? progress = null,
        int batchSize = 5000, CancellationToken cancellationToken = default)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, CreateTableSql + "\n" + DropTriggersSql + $"\nDELETE FROM {Table};", cancellationToken, transaction);

        var total = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT count(*) FROM Articles;", cancellationToken));
        var done = 0;
        long lastId = long.MinValue;
        progress?.Report((0, total));
        while (done < total)
        {
            // Batches by id range (keyset), so each batch costs the same however far in.
            var upper = await ScalarAsync(connection, transaction,
                $"SELECT max(Id) FROM (SELECT Id FROM Articles WHERE Id > {lastId} ORDER BY Id LIMIT {batchSize});", cancellationToken);
            if (upper is null or DBNull) break;
            var upperId = Convert.ToInt64(upper);
            done += await ExecuteAsync(connection, FillSql($" WHERE a.Id > {lastId} AND a.Id <= {upperId}"), cancellationToken, transaction);
            lastId = upperId;
            progress?.Report((done, total));
        }

        await ExecuteAsync(connection, $"INSERT INTO {Table}({Table}) VALUES ('optimize');\n" + CreateTriggersSql, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
