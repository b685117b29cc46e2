using System.Globalization;
using System.Text;
using GraphQLArchive.Model.Search;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into one SELECT of <c>(Id, Score)</c> over the index tables. User text only
/// ever travels as parameters, each term double-quoted inside its MATCH string.
/// </summary>
/// <remarks>
/// <para>Every term is looked up in an index: 3+ characters in the trigram table, 1–2 in the bigram table (a
/// 2-character term is one token there, a 1-character term a prefix query). Only a short term with a character
/// that is no letter or digit (<c>，</c>, <c>A-</c>), which the bigram tokenizer does not keep, is matched with
/// <c>instr</c> over the text.</para>
/// <para>A term's score is the sum of the weights of the columns that contain it; a hit's score is the sum over
/// its terms. It depends on the article alone, not on the rest of the archive (as bm25's document frequencies
/// do), so a relevance cursor keeps its place when articles are added between two pages.</para>
/// </remarks>
internal static class SqliteSearchSql
{
    /// <summary>The <see cref="SearchWeights"/>, in <see cref="SqliteSearchSchema.Columns"/> order.</summary>
    public static readonly double[] Weights = [SearchWeights.Headline, SearchWeights.Subheadline, SearchWeights.Kicker, SearchWeights.Body, SearchWeights.Caption];

    public static (string Sql, SqliteParameter[] Parameters) Hits(SearchQuery query)
    {
        var parameters = new List<SqliteParameter>();
        string Parameter(object value)
        {
            var name = "@search" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new SqliteParameter(name, value));
            return name;
        }

        var groups = query.Groups.Select(g => g.Count == 1
            ? TermScores(g[0], Parameter)
            : $"SELECT id, sum(s) AS s FROM ({string.Join(" UNION ALL ", g.Select(t => TermScores(t, Parameter)))}) GROUP BY id").ToList();

        var sql = new StringBuilder("SELECT g0.id AS Id, ")
            .Append(string.Join(" + ", groups.Select((_, i) => $"g{i}.s"))).Append(" AS Score FROM (").Append(groups[0]).Append(") AS g0");
        for (var i = 1; i < groups.Count; i++) sql.Append($" JOIN ({groups[i]}) AS g{i} ON g{i}.id = g0.id");
        if (query.Excluded.Count > 0)
            sql.Append(" WHERE ").Append(string.Join(" AND ", query.Excluded.Select(t => $"g0.id NOT IN ({TermRows(t, Parameter)})")));
        return (sql.ToString(), parameters.ToArray());
    }

    /// <summary>Which index serves a term, and the FTS5 query string that finds it, restricted to one column or not.</summary>
    public static (string Table, string? Match) Lookup(SearchTerm term, string? column)
    {
        var filter = column is null ? "" : "{" + column + "} : ";
        var quoted = "\"" + term.Text.Replace("\"", "\"\"") + "\"";
        if (term.UsesIndex) return (SqliteSearchSchema.Trigrams, filter + quoted);
        if (!term.Text.All(char.IsLetterOrDigit)) return ("", null); // the bigram tokenizer drops such characters
        return (SqliteSearchSchema.Bigrams, filter + quoted + (term.Text.EnumerateRunes().Count() == 1 ? "*" : ""));
    }

    /// <summary><c>(id, s)</c>: the articles containing the term, with the weights of the columns that do.</summary>
    private static string TermScores(SearchTerm term, Func<object, string> parameter)
    {
        var columns = SqliteSearchSchema.Columns;
        if (Lookup(term, null).Match is null)
        {
            var text = parameter(term.Text);
            var score = string.Join(" + ", columns.Select((c, i) => $"{Weight(i)} * (ifnull(instr({c}, {text}), 0) > 0)"));
            return $"SELECT id, s FROM (SELECT Id AS id, {score} AS s FROM {SqliteSearchSchema.TrigramSource}) WHERE s > 0";
        }
        var perColumn = columns.Select((c, i) =>
        {
            var (table, match) = Lookup(term, c);
            return $"SELECT rowid AS id, {Weight(i)} AS w FROM {table} WHERE {table} MATCH {parameter(match!)}";
        });
        return $"SELECT id, sum(w) AS s FROM ({string.Join(" UNION ALL ", perColumn)}) GROUP BY id";
    }

    /// <summary>The ids of the articles containing the term anywhere (for exclusions).</summary>
    private static string TermRows(SearchTerm term, Func<object, string> parameter)
    {
        var (table, match) = Lookup(term, null);
        if (match is null)
        {
            var text = parameter(term.Text);
            return $"SELECT Id FROM {SqliteSearchSchema.TrigramSource} WHERE " +
                   string.Join(" OR ", SqliteSearchSchema.Columns.Select(c => $"instr({c}, {text}) > 0"));
        }
        return $"SELECT rowid FROM {table} WHERE {table} MATCH {parameter(match)}";
    }

    private static string Weight(int column) => Weights[column].ToString("0.0", CultureInfo.InvariantCulture);
}
