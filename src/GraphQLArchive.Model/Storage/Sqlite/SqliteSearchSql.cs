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
/// <para>Every term is looked up in the bigram index (<see cref="SqliteSearchSchema"/>): a 1–2-character term
/// exactly, a longer one as all its pairs, whose rows are then checked with LIKE against the text (which, like the
/// index, ignores ASCII case). Only a term with no pair of letters or digits (<c>，</c>, <c>A-</c>), which the
/// tokenizer does not keep, is matched with <c>instr</c> over the whole text.</para>
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

    /// <summary>
    /// The FTS5 query that finds a term in the bigram index, restricted to one column or not, and whether its rows
    /// hold the term for certain (<c>Exact</c>) or must be checked against the text; null when the index cannot
    /// narrow the term down.
    /// </summary>
    public static (string Match, bool Exact)? Lookup(SearchTerm term, string? column)
    {
        var filter = column is null ? "" : "{" + column + "} : ";
        var runes = term.Text.EnumerateRunes().ToList();
        if (runes.Count <= 2)
            return runes.Count > 0 && runes.All(Rune.IsLetterOrDigit) ? (filter + Quoted(term.Text) + (runes.Count == 1 ? "*" : ""), true) : null;
        // The pairs the tokenizer keeps whole; a pair with another character in it was indexed as something else.
        var pairs = runes.Zip(runes.Skip(1), (a, b) => (a, b)).Where(p => Rune.IsLetterOrDigit(p.a) && Rune.IsLetterOrDigit(p.b))
            .Select(p => Quoted(p.a.ToString() + p.b)).Distinct().ToList();
        return pairs.Count == 0 ? null : (filter + "(" + string.Join(" ", pairs) + ")", false);
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>The LIKE pattern that finds <paramref name="text"/> anywhere, with <c>\</c> as its escape.</summary>
    private static string Pattern(string text) => "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Per column, whether it holds the term: <c>(Headline LIKE … ESCAPE '\') + …</c> with each column's weight.</summary>
    private static string ColumnScores(Func<string, string> holds) =>
        string.Join(" + ", SqliteSearchSchema.Columns.Select((c, i) => $"{Weight(i)} * ifnull({holds(c)}, 0)"));

    private static string AnyColumn(Func<string, string> holds) =>
        string.Join(" OR ", SqliteSearchSchema.Columns.Select(c => holds(c)));

    /// <summary><c>(id, s)</c>: the articles containing the term, with the weights of the columns that do.</summary>
    private static string TermScores(SearchTerm term, Func<object, string> parameter)
    {
        var source = SqliteSearchSchema.TextSource;
        var table = SqliteSearchSchema.Bigrams;
        switch (Lookup(term, null))
        {
            case null:
                var text = parameter(term.Text);
                return Holding($"SELECT Id AS id, {ColumnScores(c => $"instr({c}, {text}) > 0")} AS s FROM {source}");
            case (var match, false):
                var pattern = parameter(Pattern(term.Text));
                return Holding($"SELECT Id AS id, {ColumnScores(c => $"{c} LIKE {pattern} ESCAPE '\\'")} AS s FROM {source} " +
                               $"WHERE Id IN (SELECT rowid FROM {table} WHERE {table} MATCH {parameter(match)})");
            default:
                var perColumn = SqliteSearchSchema.Columns.Select((c, i) =>
                    $"SELECT rowid AS id, {Weight(i)} AS w FROM {table} WHERE {table} MATCH {parameter(Lookup(term, c)!.Value.Match)}");
                return $"SELECT id, sum(w) AS s FROM ({string.Join(" UNION ALL ", perColumn)}) GROUP BY id";
        }
    }

    /// <summary>The rows of <paramref name="scores"/> (<c>id, s</c>) whose score is not 0. Materialized, because SQLite
    /// would otherwise copy the score's expression into the filter and test every column twice.</summary>
    private static string Holding(string scores) => $"SELECT id, s FROM (WITH t AS MATERIALIZED ({scores}) SELECT id, s FROM t WHERE s > 0)";

    /// <summary>The ids of the articles containing the term anywhere (for exclusions).</summary>
    private static string TermRows(SearchTerm term, Func<object, string> parameter)
    {
        var source = SqliteSearchSchema.TextSource;
        var table = SqliteSearchSchema.Bigrams;
        switch (Lookup(term, null))
        {
            case null:
                var text = parameter(term.Text);
                return $"SELECT Id FROM {source} WHERE {AnyColumn(c => $"instr({c}, {text}) > 0")}";
            case (var match, false):
                var pattern = parameter(Pattern(term.Text));
                return $"SELECT Id FROM {source} WHERE Id IN (SELECT rowid FROM {table} WHERE {table} MATCH {parameter(match)}) " +
                       $"AND ({AnyColumn(c => $"{c} LIKE {pattern} ESCAPE '\\'")})";
            case var (match, _):
                return $"SELECT rowid FROM {table} WHERE {table} MATCH {parameter(match)}";
        }
    }

    private static string Weight(int column) => Weights[column].ToString("0.0", CultureInfo.InvariantCulture);
}
