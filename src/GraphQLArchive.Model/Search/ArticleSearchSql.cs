using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Model.Search;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into one composable SELECT over the index returning
/// <c>Id</c> (the article) and <c>Score</c> (higher is more relevant). User text only ever travels
/// as parameters: FTS5 terms are double-quoted inside the MATCH parameter, LIKE patterns escaped.
/// </summary>
/// <remarks>
/// Terms of 3+ characters go to FTS5 MATCH on the trigram index and are ranked by bm25. The trigram
/// tokenizer cannot look up 1–2-character terms, so those are LIKE conditions on the same indexed
/// columns, in the same statement: when the query also has a long term, MATCH narrows the rows first
/// and LIKE only checks those; otherwise LIKE scans the index's stored text.
/// </remarks>
internal static class ArticleSearchSql
{
    /// <summary>bm25 column weights, in <see cref="ArticleSearchIndex.Columns"/> order: a hit in the headline counts most.</summary>
    private static readonly double[] Weights = [10, 5, 3, 1, 2];

    public static (string Sql, SqliteParameter[] Parameters) Hits(SearchQuery query, bool withScore)
    {
        var t = ArticleSearchIndex.Table;
        var parameters = new List<SqliteParameter>();
        string Parameter(object value)
        {
            var name = "@search" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new SqliteParameter(name, value));
            return name;
        }

        // Groups made only of long terms, and long exclusions, go into the one MATCH expression.
        var matchGroups = query.Groups.Where(g => g.All(term => term.UsesIndex)).ToList();
        var likeGroups = query.Groups.Where(g => !g.All(term => term.UsesIndex)).ToList();
        var conditions = new List<string>();
        string? match = null;
        if (matchGroups.Count > 0)
        {
            match = string.Join(" AND ", matchGroups.Select(g => "(" + string.Join(" OR ", g.Select(FtsString)) + ")"));
            var longExcluded = query.Excluded.Where(e => e.UsesIndex).ToList();
            if (longExcluded.Count > 0) match = $"({match}) NOT ({string.Join(" OR ", longExcluded.Select(FtsString))})";
            conditions.Add($"{t} MATCH {Parameter(match)}");
        }
        foreach (var group in likeGroups)
            conditions.Add("(" + string.Join(" OR ", group.Select(term => Contains(term, Parameter))) + ")");
        foreach (var term in query.Excluded.Where(e => match is null || !e.UsesIndex))
            conditions.Add($"ifnull({Contains(term, Parameter)}, 0) = 0"); // LIKE on a NULL column is NULL, and NOT NULL is not true

        var score = "0.0";
        if (withScore)
        {
            var parts = new List<string>();
            if (match is not null)
                parts.Add($"-bm25({t}, {string.Join(", ", Weights.Select(w => w.ToString("0.0", CultureInfo.InvariantCulture)))})");
            foreach (var term in likeGroups.SelectMany(g => g).Where(term => !term.UsesIndex).Distinct())
                parts.Add(ShortTermScore(Parameter(term.Text)));
            if (parts.Count > 0) score = string.Join(" + ", parts);
        }

        var sql = new StringBuilder()
            .Append("SELECT rowid AS Id, ").Append(score).Append(" AS Score FROM ").Append(t)
            .Append(" WHERE ").Append(string.Join(" AND ", conditions));
        return (sql.ToString(), parameters.ToArray());
    }

    /// <summary>A term as an FTS5 string: double quotes make every character literal (FTS5 doubles embedded quotes).</summary>
    private static string FtsString(SearchTerm term) => "\"" + term.Text.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Whether any indexed column contains the term. A long term inside an OR with a short one looks
    /// itself up in the index; a short one is a LIKE (ASCII-case-insensitive, like the trigram index).
    /// </summary>
    private static string Contains(SearchTerm term, Func<object, string> parameter)
    {
        var t = ArticleSearchIndex.Table;
        if (term.UsesIndex)
            return $"rowid IN (SELECT rowid FROM {t} WHERE {t} MATCH {parameter(FtsString(term))})";
        var pattern = parameter("%" + EscapeLike(term.Text) + "%");
        return "(" + string.Join(" OR ", ArticleSearchIndex.Columns.Select(c => $"{c} LIKE {pattern} ESCAPE '\\'")) + ")";
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>
    /// A bm25-like score for a short term: per column, occurrences saturating as tf / (tf + 1.2),
    /// times the column's weight. No idf: a 1–2-character term is in most articles anyway.
    /// </summary>
    private static string ShortTermScore(string term)
    {
        var columns = ArticleSearchIndex.Columns.Select((c, i) =>
        {
            var tf = $"((length(coalesce({c}, '')) - length(replace(coalesce({c}, ''), {term}, ''))) / length({term}))";
            return $"{Weights[i].ToString("0.0", CultureInfo.InvariantCulture)} * {tf} / ({tf} + 1.2)";
        });
        return "(" + string.Join(" + ", columns) + ")";
    }
}
