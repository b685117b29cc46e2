namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// The SQLite search index: two FTS5 tables over each article's headline, subheadline, kicker, body and photo
/// captions (rowid = article id), neither holding a copy of the text.
/// <list type="bullet">
/// <item><see cref="Trigrams"/>: the trigram tokenizer, for terms of 3+ characters. External content: the text
/// stays in <c>Articles</c> and <c>Photo</c>, read through the view <see cref="TrigramSource"/>.</item>
/// <item><see cref="Bigrams"/>: for terms of 1–2 characters, which the trigram tokenizer cannot look up. Each column
/// is indexed as its overlapping character pairs (<c>督导工作</c> → <c>督导 导工 工作 作</c>), one token each, so a
/// 2-character term is one token and a 1-character term a prefix. Contentless with <c>detail=column</c>: it stores
/// which columns of which articles hold each pair, no positions, which is all a 1–2-character term needs.</item>
/// </list>
/// Triggers keep both in step, so seeding, ingestion and merges need not know they exist. Everything here runs on
/// SQLite 3.40 (Debian's <c>sqlite3</c>): no <c>group_concat(… ORDER BY …)</c>, no contentless-delete.
/// </summary>
/// <remarks>
/// Neither table can delete a row by id alone: FTS5 removes a row's tokens from the values it was indexed with.
/// So each change deletes with the values still stored (BEFORE the write, the views show the old row) and
/// inserts the new ones AFTER it.
/// </remarks>
internal static class SqliteSearchSchema
{
    public const string Trigrams = "ArticleSearch";
    public const string Bigrams = "ArticleBigrams";
    public const string TrigramSource = "ArticleSearchSource";
    public const string BigramSource = "ArticleBigramSource";
    private const string CaptionBigrams = "PhotoCaptionBigrams";

    /// <summary>The indexed columns, in FTS5 column order (the relevance weights follow it).</summary>
    public static readonly string[] Columns = ["Headline", "Subheadline", "Kicker", "Body", "Captions"];

    private static readonly string ColumnList = string.Join(", ", Columns);

    private static string PairsOf(string text) => SearchBigrams.Sql(text);

    // The captions, one a line in photo order: the subquery orders them, group_concat keeps that order.
    private static readonly string CreateViewsSql = string.Join("\n",
        $"CREATE VIEW IF NOT EXISTS {TrigramSource} AS SELECT a.Id AS Id, a.Headline AS Headline, a.Subheadline AS Subheadline, a.Kicker AS Kicker, a.Body AS Body, " +
            "(SELECT group_concat(c.Caption, char(10)) FROM (SELECT p.Caption AS Caption FROM Photo AS p WHERE p.ArticleId = a.Id ORDER BY p.Id) AS c) AS Captions " +
            "FROM Articles AS a;",
        $"CREATE VIEW IF NOT EXISTS {CaptionBigrams} AS SELECT p.Id AS Id, p.ArticleId AS ArticleId, {PairsOf("p.Caption")} AS Pairs FROM Photo AS p;",
        // Pairs per caption, so that their order does not matter.
        $"CREATE VIEW IF NOT EXISTS {BigramSource} AS SELECT a.Id AS Id, {PairsOf("a.Headline")} AS Headline, {PairsOf("a.Subheadline")} AS Subheadline, " +
            $"{PairsOf("a.Kicker")} AS Kicker, {PairsOf("a.Body")} AS Body, " +
            $"(SELECT group_concat(b.Pairs, ' ') FROM {CaptionBigrams} AS b WHERE b.ArticleId = a.Id) AS Captions FROM Articles AS a;");

    public static readonly string CreateTablesSql = string.Join("\n",
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {Trigrams} USING fts5({ColumnList}, content = '{TrigramSource}', content_rowid = 'Id', tokenize = 'trigram');",
        // remove_diacritics 0: match as the trigram index does (é is not e).
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {Bigrams} USING fts5({ColumnList}, content = '', detail = column, tokenize = 'unicode61 remove_diacritics 0');");

    private static string Index(string articleIds) =>
        $"INSERT INTO {Trigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {TrigramSource} WHERE Id IN ({articleIds}); " +
        $"INSERT INTO {Bigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {BigramSource} WHERE Id IN ({articleIds});";

    private static string Unindex(string articleIds) =>
        $"INSERT INTO {Trigrams}({Trigrams}, rowid, {ColumnList}) SELECT 'delete', Id, {ColumnList} FROM {TrigramSource} WHERE Id IN ({articleIds}); " +
        $"INSERT INTO {Bigrams}({Bigrams}, rowid, {ColumnList}) SELECT 'delete', Id, {ColumnList} FROM {BigramSource} WHERE Id IN ({articleIds});";

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("ArticleSearch_ArticleInsert", $"AFTER INSERT ON Articles BEGIN {Index("new.Id")} END"),
        ("ArticleSearch_ArticleUpdateOld", $"BEFORE UPDATE OF Id, Headline, Subheadline, Kicker, Body ON Articles BEGIN {Unindex("old.Id")} END"),
        ("ArticleSearch_ArticleUpdateNew", $"AFTER UPDATE OF Id, Headline, Subheadline, Kicker, Body ON Articles BEGIN {Index("new.Id")} END"),
        ("ArticleSearch_ArticleDelete", $"BEFORE DELETE ON Articles BEGIN {Unindex("old.Id")} END"),
        ("ArticleSearch_PhotoInsertOld", $"BEFORE INSERT ON Photo BEGIN {Unindex("new.ArticleId")} END"),
        ("ArticleSearch_PhotoInsertNew", $"AFTER INSERT ON Photo BEGIN {Index("new.ArticleId")} END"),
        // A photo moved to another article changes both articles' captions.
        ("ArticleSearch_PhotoUpdateOld", $"BEFORE UPDATE OF ArticleId, Caption ON Photo BEGIN {Unindex("old.ArticleId, new.ArticleId")} END"),
        ("ArticleSearch_PhotoUpdateNew", $"AFTER UPDATE OF ArticleId, Caption ON Photo BEGIN {Index("old.ArticleId, new.ArticleId")} END"),
        ("ArticleSearch_PhotoDeleteOld", $"BEFORE DELETE ON Photo BEGIN {Unindex("old.ArticleId")} END"),
        ("ArticleSearch_PhotoDeleteNew", $"AFTER DELETE ON Photo BEGIN {Index("old.ArticleId")} END"),
    ];

    public static readonly string CreateTriggersSql = string.Join("\n", Triggers.Select(t => $"CREATE TRIGGER IF NOT EXISTS {t.Name} {t.Sql};"));

    public static readonly string DropTriggersSql = string.Join("\n", Triggers.Select(t => $"DROP TRIGGER IF EXISTS {t.Name};"));

    /// <summary>Empties both tables (FTS5's own command, as neither has rows of its own to delete).</summary>
    public static readonly string EmptySql =
        $"INSERT INTO {Trigrams}({Trigrams}) VALUES ('delete-all'); INSERT INTO {Bigrams}({Bigrams}) VALUES ('delete-all');";

    /// <summary>The migration's Up: views, tables and triggers, and the articles already stored (in SQL: fine for a
    /// small archive; <c>search reindex</c> rebuilds a large one in batches).</summary>
    public static readonly string CreateSql = string.Join("\n", CreateViewsSql, CreateTablesSql, CreateTriggersSql,
        $"INSERT INTO {Trigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {TrigramSource};",
        $"INSERT INTO {Bigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {BigramSource};");

    public static readonly string DropSql = string.Join("\n", DropTriggersSql,
        $"DROP TABLE IF EXISTS {Trigrams};", $"DROP TABLE IF EXISTS {Bigrams};",
        $"DROP VIEW IF EXISTS {BigramSource};", $"DROP VIEW IF EXISTS {CaptionBigrams};", $"DROP VIEW IF EXISTS {TrigramSource};");

    /// <summary>Bulk rows for <see cref="Trigrams"/>: the view, by id range.</summary>
    public static string IndexTrigramRangeSql(long afterId, long lastId) =>
        $"INSERT INTO {Trigrams}(rowid, {ColumnList}) SELECT Id, {ColumnList} FROM {TrigramSource} WHERE Id > {afterId} AND Id <= {lastId};";

    public static readonly string InsertBigramsSql =
        $"INSERT INTO {Bigrams}(rowid, {ColumnList}) VALUES ($id, $headline, $subheadline, $kicker, $body, $captions);";
}
