namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// The SQLite search index: one FTS5 table, <see cref="Bigrams"/>, over each article's headline, subheadline, kicker,
/// body and photo captions (rowid = article id), holding no copy of the text. Each column is indexed as its
/// overlapping character pairs (<c>督导工作</c> → <c>督导 导工 工作 作</c>), one token each, with <c>detail=column</c>:
/// which columns of which articles hold each pair, no positions.
/// <list type="bullet">
/// <item>A 2-character term is one token, a 1-character term a prefix: the index answers them exactly.</item>
/// <item>A term of 3+ characters is all of its pairs in one column; the articles the index returns are checked against
/// the text itself (<see cref="TextSource"/>), because a column can hold the pairs apart.</item>
/// </list>
/// One table, not a trigram table beside it: a trigram index with positions was twice this one's size (2.0 GB at
/// 1,000,000 articles, against 0.96 GB), and checking the few rows the pairs leave costs less than storing it.
/// Triggers keep it in step, so seeding, ingestion and merges need not know it exists. Everything here runs on
/// SQLite 3.40 (Debian's <c>sqlite3</c>): no <c>group_concat(… ORDER BY …)</c>, no contentless-delete.
/// </summary>
/// <remarks>
/// A contentless table cannot delete a row by id alone: FTS5 removes a row's tokens from the values it was indexed
/// with. So each change deletes with the values still stored (BEFORE the write, the views show the old row) and
/// inserts the new ones AFTER it.
/// </remarks>
internal static class SqliteSearchSchema
{
    public const string Bigrams = "ArticleBigrams";
    /// <summary>The indexed text as stored, one row an article (its captions one a line, in photo order).</summary>
    public const string TextSource = "ArticleSearchSource";
    public const string BigramSource = "ArticleBigramSource";
    private const string CaptionBigrams = "PhotoCaptionBigrams";

    /// <summary>The indexed columns, in FTS5 column order (the relevance weights follow it).</summary>
    public static readonly string[] Columns = ["Headline", "Subheadline", "Kicker", "Body", "Captions"];

    private static readonly string ColumnList = string.Join(", ", Columns);

    /// <summary>Where an indexed column's text is stored: the table, its article id and its text column (each
    /// caption is its own row of <c>Photo</c>).</summary>
    public static (string Table, string ArticleId, string Text) StoredIn(string column) =>
        column == "Captions" ? ("Photo", "ArticleId", "Caption") : ("Articles", "Id", column);

    private static string PairsOf(string text) => SearchBigrams.Sql(text);

    // The captions, one a line in photo order: the subquery orders them, group_concat keeps that order.
    private static readonly string CreateViewsSql = string.Join("\n",
        $"CREATE VIEW IF NOT EXISTS {TextSource} AS SELECT a.Id AS Id, a.Headline AS Headline, a.Subheadline AS Subheadline, a.Kicker AS Kicker, a.Body AS Body, " +
            "(SELECT group_concat(c.Caption, char(10)) FROM (SELECT p.Caption AS Caption FROM Photo AS p WHERE p.ArticleId = a.Id ORDER BY p.Id) AS c) AS Captions " +
            "FROM Articles AS a;",
        $"CREATE VIEW IF NOT EXISTS {CaptionBigrams} AS SELECT p.Id AS Id, p.ArticleId AS ArticleId, {PairsOf("p.Caption")} AS Pairs FROM Photo AS p;",
        // Pairs per caption, so that their order does not matter.
        $"CREATE VIEW IF NOT EXISTS {BigramSource} AS SELECT a.Id AS Id, {PairsOf("a.Headline")} AS Headline, {PairsOf("a.Subheadline")} AS Subheadline, " +
            $"{PairsOf("a.Kicker")} AS Kicker, {PairsOf("a.Body")} AS Body, " +
            $"(SELECT group_concat(b.Pairs, ' ') FROM {CaptionBigrams} AS b WHERE b.ArticleId = a.Id) AS Captions FROM Articles AS a;");

    // remove_diacritics 0: é is not e.
    private static readonly string CreateTableSql =
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {Bigrams} USING fts5({ColumnList}, content = '', detail = column, tokenize = 'unicode61 remove_diacritics 0');";

    internal static string Index(string articleIds) =>
        $"INSERT INTO {Bigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {BigramSource} WHERE Id IN ({articleIds});";

    internal static string Unindex(string articleIds) =>
        $"INSERT INTO {Bigrams}({Bigrams}, rowid, {ColumnList}) SELECT 'delete', Id, {ColumnList} FROM {BigramSource} WHERE Id IN ({articleIds});";

    /// <summary>The triggers' names, and their SQL around the statements that index and unindex articles (given
    /// their ids), so that an earlier version (<see cref="SearchIndexV2"/>) can name its own.</summary>
    internal static IEnumerable<(string Name, string Sql)> Triggers(Func<string, string> index, Func<string, string> unindex) =>
    [
        ("ArticleSearch_ArticleInsert", $"AFTER INSERT ON Articles BEGIN {index("new.Id")} END"),
        ("ArticleSearch_ArticleUpdateOld", $"BEFORE UPDATE OF Id, Headline, Subheadline, Kicker, Body ON Articles BEGIN {unindex("old.Id")} END"),
        ("ArticleSearch_ArticleUpdateNew", $"AFTER UPDATE OF Id, Headline, Subheadline, Kicker, Body ON Articles BEGIN {index("new.Id")} END"),
        ("ArticleSearch_ArticleDelete", $"BEFORE DELETE ON Articles BEGIN {unindex("old.Id")} END"),
        ("ArticleSearch_PhotoInsertOld", $"BEFORE INSERT ON Photo BEGIN {unindex("new.ArticleId")} END"),
        ("ArticleSearch_PhotoInsertNew", $"AFTER INSERT ON Photo BEGIN {index("new.ArticleId")} END"),
        // A photo moved to another article changes both articles' captions.
        ("ArticleSearch_PhotoUpdateOld", $"BEFORE UPDATE OF ArticleId, Caption ON Photo BEGIN {unindex("old.ArticleId, new.ArticleId")} END"),
        ("ArticleSearch_PhotoUpdateNew", $"AFTER UPDATE OF ArticleId, Caption ON Photo BEGIN {index("old.ArticleId, new.ArticleId")} END"),
        ("ArticleSearch_PhotoDeleteOld", $"BEFORE DELETE ON Photo BEGIN {unindex("old.ArticleId")} END"),
        ("ArticleSearch_PhotoDeleteNew", $"AFTER DELETE ON Photo BEGIN {index("old.ArticleId")} END"),
    ];

    internal static string CreateTriggersSqlOf(Func<string, string> index, Func<string, string> unindex) =>
        string.Join("\n", Triggers(index, unindex).Select(t => $"CREATE TRIGGER IF NOT EXISTS {t.Name} {t.Sql};"));

    public static readonly string CreateTriggersSql = CreateTriggersSqlOf(Index, Unindex);

    public static readonly string DropTriggersSql = string.Join("\n", Triggers(Index, Unindex).Select(t => $"DROP TRIGGER IF EXISTS {t.Name};"));

    /// <summary>Empties the table (FTS5's own command, as it has no rows of its own to delete).</summary>
    public static readonly string EmptySql = $"INSERT INTO {Bigrams}({Bigrams}) VALUES ('delete-all');";

    /// <summary>Views, table and triggers, and the articles already stored (in SQL: fine for a small archive;
    /// <c>search reindex</c> rebuilds a large one in batches).</summary>
    public static readonly string CreateSql = string.Join("\n", CreateViewsSql, CreateTableSql, CreateTriggersSql,
        $"INSERT INTO {Bigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {BigramSource};");

    public static readonly string DropSql = string.Join("\n", DropTriggersSql, $"DROP TABLE IF EXISTS {Bigrams};",
        $"DROP VIEW IF EXISTS {BigramSource};", $"DROP VIEW IF EXISTS {CaptionBigrams};", $"DROP VIEW IF EXISTS {TextSource};");

    /// <summary>Merges the index's segments into one, after a bulk load: smaller, and each lookup reads one b-tree.</summary>
    public static readonly string OptimizeSql = $"INSERT INTO {Bigrams}({Bigrams}) VALUES ('optimize');";

    public static readonly string InsertBigramsSql =
        $"INSERT INTO {Bigrams}(rowid, {ColumnList}) VALUES ($id, $headline, $subheadline, $kicker, $body, $captions);";
}
