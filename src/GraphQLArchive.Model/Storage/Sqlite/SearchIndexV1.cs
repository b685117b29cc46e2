namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// The first index, as migration <c>AddArticleSearch</c> created it: an FTS5 trigram table with its own copy
/// of the text, and triggers using <c>group_concat(… ORDER BY …)</c> (SQLite 3.44). Kept verbatim because a
/// migration must replay what it once did; <c>SearchIndexWithoutCopies</c> replaces it.
/// </summary>
internal static class SearchIndexV1
{
    private const string Table = "ArticleSearch";

    private const string CaptionsOf = "(SELECT group_concat(p.Caption, char(10) ORDER BY p.Id) FROM Photo AS p WHERE p.ArticleId = {0})";

    private static string InsertRow(string id) =>
        $"INSERT INTO {Table}(rowid, Headline, Subheadline, Kicker, Body, Captions) " +
        $"SELECT a.Id, a.Headline, a.Subheadline, a.Kicker, a.Body, {string.Format(CaptionsOf, "a.Id")} FROM Articles AS a WHERE a.Id = {id};";

    private static string RefreshCaptions(string articleId) =>
        $"UPDATE {Table} SET Captions = {string.Format(CaptionsOf, articleId)} WHERE rowid = {articleId};";

    private static readonly string[] TriggerNames =
        ["ArticleSearch_ArticleInsert", "ArticleSearch_ArticleUpdate", "ArticleSearch_ArticleDelete",
         "ArticleSearch_PhotoInsert", "ArticleSearch_PhotoUpdate", "ArticleSearch_PhotoDelete"];

    public static readonly string CreateSql = string.Join("\n",
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {Table} USING fts5(Headline, Subheadline, Kicker, Body, Captions, tokenize = 'trigram');",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_ArticleInsert AFTER INSERT ON Articles BEGIN {InsertRow("new.Id")} END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_ArticleUpdate AFTER UPDATE OF Id, Headline, Subheadline, Kicker, Body ON Articles BEGIN " +
            $"DELETE FROM {Table} WHERE rowid = old.Id; {InsertRow("new.Id")} END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_ArticleDelete AFTER DELETE ON Articles BEGIN DELETE FROM {Table} WHERE rowid = old.Id; END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_PhotoInsert AFTER INSERT ON Photo BEGIN {RefreshCaptions("new.ArticleId")} END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_PhotoUpdate AFTER UPDATE OF ArticleId, Caption ON Photo BEGIN " +
            $"{RefreshCaptions("old.ArticleId")} {RefreshCaptions("new.ArticleId")} END;",
        $"CREATE TRIGGER IF NOT EXISTS ArticleSearch_PhotoDelete AFTER DELETE ON Photo BEGIN {RefreshCaptions("old.ArticleId")} END;",
        $"INSERT INTO {Table}(rowid, Headline, Subheadline, Kicker, Body, Captions) " +
            $"SELECT a.Id, a.Headline, a.Subheadline, a.Kicker, a.Body, {string.Format(CaptionsOf, "a.Id")} FROM Articles AS a;");

    public static readonly string DropSql =
        string.Join("\n", TriggerNames.Select(t => $"DROP TRIGGER IF EXISTS {t};")) + $"\nDROP TABLE IF EXISTS {Table};";
}
