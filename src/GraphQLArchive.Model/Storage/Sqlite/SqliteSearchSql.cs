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
/// <para>Every term is looked up in the bigram index (<see cref="SqliteSearchSchema"/>), column by column: a
/// 1–2-character term exactly, a longer one as all its pairs, whose candidates are then checked in that column's
/// text. Only a term with no pair of letters or digits (<c>，</c>, <c>A-</c>), which the tokenizer does not keep, is
/// matched over the whole text. Either way the text holds a term as the index does: ignoring ASCII case.</para>
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
    /// How the bigram index finds a term: its FTS5 query (<see cref="Match"/> gives it for one column or for any), and whether
    /// the rows it returns hold the term for certain (<see cref="Exact"/>) or must be checked against the text.
    /// </summary>
    public sealed record TermLookup(string Query, bool Exact)
    {
        public string Match(string? column) => column is null ? Query : "{" + column + "} : " + Query;
    }

    /// <summary>The term's lookup in the bigram index, or null when the index cannot narrow the term down.</summary>
    public static TermLookup? Lookup(SearchTerm term)
    {
        var runes = term.Text.EnumerateRunes().ToList();
        if (runes.Count <= 2)
            return runes.Count > 0 && runes.All(Rune.IsLetterOrDigit) ? new(Quoted(term.Text) + (runes.Count == 1 ? "*" : ""), true) : null;
        // The pairs the tokenizer keeps whole; a pair with another character in it was indexed as something else.
        var pairs = runes.Zip(runes.Skip(1), (a, b) => (a, b)).Where(p => Rune.IsLetterOrDigit(p.a) && Rune.IsLetterOrDigit(p.b))
            .Select(p => Quoted(p.a.ToString() + p.b)).Distinct().ToList();
        return pairs.Count == 0 ? null : new("(" + string.Join(" ", pairs) + ")", false);
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// SQL that is true when <paramref name="text"/> (a column) holds the term, ignoring ASCII case as the index does:
    /// <c>instr</c> when the term has no ASCII letter (then case cannot matter, and instr is the faster), else LIKE.
    /// </summary>
    private static Func<string, string> Holds(SearchTerm term, Func<object, string> parameter)
    {
        if (!term.Text.Any(char.IsAsciiLetter))
        {
            var text = parameter(term.Text);
            return column => $"instr({column}, {text}) > 0";
        }
        var pattern = parameter(term.LikePattern);
        return column => $"{column} LIKE {pattern} ESCAPE '\\'";
    }

    /// <summary><c>(id, s)</c>: the articles containing the term, with the weights of the columns that do.</summary>
    private static string TermScores(SearchTerm term, Func<object, string> parameter)
    {
        if (Lookup(term) is not { } lookup)
        {
            // Nothing to look up: every article's text, through the view; materialized, or SQLite would copy the
            // score's expression into the filter and test every column twice.
            var holds = Holds(term, parameter);
            var score = string.Join(" + ", SqliteSearchSchema.Columns.Select((c, i) => $"{Weight(i)} * ifnull({holds(c)}, 0)"));
            return $"SELECT id, s FROM (WITH t AS MATERIALIZED (SELECT Id AS id, {score} AS s FROM {SqliteSearchSchema.TextSource}) SELECT id, s FROM t WHERE s > 0)";
        }
        return $"SELECT id, sum(w) AS s FROM ({ColumnHits(term, lookup, parameter)}) GROUP BY id";
    }

    /// <summary>
    /// <c>(id, w)</c>: per column, the articles whose column holds the term, with the column's weight. Each column's
    /// candidates come from the index; for a term of 3+ characters they are then checked in that column's own
    /// text (a caption in <c>Photo</c>, the rest in <c>Articles</c>), so no other column is read.
    /// </summary>
    private static string ColumnHits(SearchTerm term, TermLookup lookup, Func<object, string> parameter)
    {
        var table = SqliteSearchSchema.Bigrams;
        var holds = lookup.Exact ? null : Holds(term, parameter);
        return string.Join(" UNION ALL ", SqliteSearchSchema.Columns.Select((column, i) =>
        {
            var match = parameter(lookup.Match(column));
            if (holds is null) return $"SELECT rowid AS id, {Weight(i)} AS w FROM {table} WHERE {table} MATCH {match}";
            var candidates = $"SELECT rowid FROM {table} WHERE {table} MATCH {match}";
            var (source, articleId, text) = SqliteSearchSchema.StoredIn(column);
            return $"SELECT DISTINCT t.{articleId} AS id, {Weight(i)} AS w FROM {source} AS t WHERE t.{articleId} IN ({candidates}) AND {holds("t." + text)}";
        }));
    }

    /// <summary>The ids of the articles containing the term anywhere (for exclusions).</summary>
    private static string TermRows(SearchTerm term, Func<object, string> parameter) => Lookup(term) switch
    {
        null => $"SELECT id FROM ({TermScores(term, parameter)})",
        { Exact: true } lookup => $"SELECT rowid FROM {SqliteSearchSchema.Bigrams} WHERE {SqliteSearchSchema.Bigrams} MATCH {parameter(lookup.Match(null))}",
        var lookup => $"SELECT id FROM ({ColumnHits(term, lookup, parameter)})",
    };

    private static string Weight(int column) => Weights[column].ToString("0.0", CultureInfo.InvariantCulture);
}
