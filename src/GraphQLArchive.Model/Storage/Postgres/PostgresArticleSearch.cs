using System.Globalization;
using GraphQLArchive.Model.Search;
using Npgsql;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>
/// Search on PostgreSQL: the same <see cref="SearchQuery"/> as on SQLite, answered by ILIKE on the searched columns
/// themselves (no copy of the text), each with a GIN trigram index (<c>pg_trgm</c>, in the model). Returns the same
/// composable <c>Id</c>/<c>Score</c> SELECT as the SQLite index, so the search field joins, filters and pages it alike.
/// </summary>
/// <remarks>
/// A term's articles are one id set: a bitmap OR of the four article columns' indexes, UNION the articles whose photo
/// captions hold it. The trigram index finds terms of 3+ characters (CJK included, since the database's character
/// type is UTF-8); a term of 1–2 characters has no trigram, so the same ILIKE reads every row: the fallback the brief
/// allows until a bigram index exists. ILIKE under collation C folds ASCII letters only, as SQLite's LIKE and the FTS5
/// trigram tokenizer do for the texts the archive holds.
/// </remarks>
public static class PostgresArticleSearch
{
    public const string Extension = "pg_trgm";

    public const string TrigramOperators = "gin_trgm_ops";

    /// <summary>Column weights as SQLite's bm25 weights: a hit in the headline counts most.</summary>
    private static readonly (string Column, double Weight)[] Columns =
        [("\"Headline\"", 10), ("\"Subheadline\"", 5), ("\"Kicker\"", 3), ("\"Body\"", 1)];

    private const double CaptionWeight = 2;

    private const string CaptionsOfArticle =
        "(SELECT string_agg(p.\"Caption\", E'\\n' ORDER BY p.\"Id\") FROM \"Photo\" AS p WHERE p.\"ArticleId\" = s.\"Id\")";

    /// <summary>Every article's photo captions, one a line in photo order, as the SQLite index's captions column.</summary>
    public const string CaptionsSql =
        "SELECT p.\"ArticleId\" AS \"Id\", string_agg(p.\"Caption\", E'\\n' ORDER BY p.\"Id\") AS \"Captions\" FROM \"Photo\" AS p GROUP BY p.\"ArticleId\"";

    /// <summary>One SELECT of <c>Id</c> and <c>Score</c> (higher is better; 0 without <paramref name="withScore"/>), user text as parameters only.</summary>
    public static (string Sql, object[] Parameters) Hits(SearchQuery query, bool withScore)
    {
        var parameters = new List<NpgsqlParameter>();
        var patterns = new Dictionary<string, string>();
        string Pattern(string term)
        {
            if (patterns.TryGetValue(term, out var existing)) return existing;
            var name = "@search" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new NpgsqlParameter(name, "%" + EscapeLike(term) + "%"));
            return patterns[term] = name;
        }

        var conditions = query.Groups
            .Select(group => $"s.\"Id\" IN ({string.Join(" UNION ", group.Select(term => ArticlesContaining(Pattern(term.Text))))})")
            .Concat(query.Excluded.Select(term => $"s.\"Id\" NOT IN ({ArticlesContaining(Pattern(term.Text))})"));

        var score = "0";
        if (withScore)
        {
            var terms = query.Groups.SelectMany(g => g).Select(t => t.Text).Distinct().ToList();
            var parts = terms.Select(term =>
            {
                var name = "@term" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                parameters.Add(new NpgsqlParameter(name, term));
                return string.Join(" + ", Columns.Select(c => Saturated($"s.{c.Column}", name, c.Weight))
                    .Append(Saturated(CaptionsOfArticle, name, CaptionWeight)));
            });
            score = string.Join(" + ", parts);
        }

        var sql = $"SELECT s.\"Id\" AS \"Id\", ({score})::double precision AS \"Score\" FROM \"Articles\" AS s WHERE {string.Join(" AND ", conditions)}";
        return (sql, parameters.ToArray<object>());
    }

    private static string ArticlesContaining(string pattern) =>
        $"SELECT a.\"Id\" FROM \"Articles\" AS a WHERE {string.Join(" OR ", Columns.Select(c => $"a.{c.Column} ILIKE {pattern}"))} " +
        $"UNION SELECT p.\"ArticleId\" FROM \"Photo\" AS p WHERE p.\"Caption\" ILIKE {pattern}";

    /// <summary>Backslash is PostgreSQL's default LIKE escape.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>
    /// As SQLite's score for short terms: occurrences in the column, saturating as tf / (tf + 1.2), times its weight.
    /// </summary>
    private static string Saturated(string column, string term, double weight)
    {
        var tf = $"((length(coalesce({column}, '')) - length(replace(coalesce({column}, ''), {term}, ''))) / length({term}))::double precision";
        return $"{weight.ToString("0.0", CultureInfo.InvariantCulture)} * {tf} / ({tf} + 1.2)";
    }
}
