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
/// A term's articles are one id set: a bitmap OR of the article columns' indexes, UNION the articles whose photo captions
/// hold it. Terms of 3+ characters go through the GIN trigram indexes (<c>pg_trgm</c>; CJK included, since the database's
/// character type is UTF-8). pg_trgm finds no trigram in a term of 1–2 characters, so those go through a second GIN
/// pair of indexes, one over each text's characters (<see cref="CharactersFunction"/>) and one over its character pairs
/// (<see cref="PairsFunction"/>), and ILIKE checks
/// the rows it returns. ILIKE under collation C folds ASCII letters only, as SQLite's LIKE and the FTS5 trigram
/// tokenizer do for the texts the archive holds; the grams are folded the same way.
/// </remarks>
public static class PostgresArticleSearch
{
    public const string Extension = "pg_trgm";

    public const string TrigramOperators = "gin_trgm_ops";

    /// <summary>The article's own text columns with their <see cref="SearchWeights"/>; captions are scored apart.</summary>
    private static readonly (string Column, double Weight)[] Columns =
        [("\"Headline\"", SearchWeights.Headline), ("\"Subheadline\"", SearchWeights.Subheadline), ("\"Kicker\"", SearchWeights.Kicker), ("\"Body\"", SearchWeights.Body)];

    private const string CaptionsOfArticle =
        "(SELECT string_agg(p.\"Caption\", E'\\n' ORDER BY p.\"Id\") FROM \"Photo\" AS p WHERE p.\"ArticleId\" = s.\"Id\")";

    /// <summary>Every article's photo captions, one a line in photo order, as the SQLite index's captions column.</summary>
    public const string CaptionsSql =
        "SELECT p.\"ArticleId\" AS \"Id\", string_agg(p.\"Caption\", E'\\n' ORDER BY p.\"Id\") AS \"Captions\" FROM \"Photo\" AS p GROUP BY p.\"ArticleId\"";

    /// <summary>One SELECT of <c>Id</c> and <c>Score</c> (higher is better), user text as parameters only.</summary>
    public static (string Sql, object[] Parameters) Hits(SearchQuery query)
    {
        var parameters = new List<NpgsqlParameter>();
        var names = new Dictionary<string, string>();
        string Parameter(string value)
        {
            if (names.TryGetValue(value, out var existing)) return existing;
            var name = "@search" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new NpgsqlParameter(name, value));
            return names[value] = name;
        }
        string Contains(SearchTerm term) => ArticlesContaining(term, Parameter(term.LikePattern), term.UsesIndex ? null : Parameter(term.Text));
        var conditions = query.Groups
            .Select(group => $"s.\"Id\" IN ({string.Join(" UNION ", group.Select(Contains))})")
            .Concat(query.Excluded.Select(term => $"s.\"Id\" NOT IN ({Contains(term)})"));

        // As on SQLite: each term of each group scores the weights of the columns that contain it, so relevance depends
        // on the article alone and a cursor over it is the same on both engines.
        var score = string.Join(" + ", query.Groups.SelectMany(g => g).Select(term => Parameter(term.LikePattern)).Select(pattern =>
            string.Join(" + ", Columns.Select(c => Contained($"s.{c.Column}", pattern, c.Weight))
                .Append(Contained(CaptionsOfArticle, pattern, SearchWeights.Caption)))));

        var sql = $"SELECT s.\"Id\" AS \"Id\", ({score})::double precision AS \"Score\" FROM \"Articles\" AS s WHERE {string.Join(" AND ", conditions)}";
        return (sql, parameters.ToArray<object>());
    }

    /// <summary>
    /// The ids of the articles whose <paramref name="column"/> (one of the searched article columns) contains
    /// <paramref name="term"/>, through the same indexes as a search: ILIKE, which the trigram index serves for 3+
    /// characters, narrowed for shorter terms by the short-term indexes. ILIKE folds ASCII letters, so this is a superset of a
    /// case-sensitive test; null for a column that is not searched.
    /// </summary>
    public static (string Sql, object[] Parameters)? Containing(string column, string term)
    {
        if (!Columns.Any(c => c.Column == $"\"{column}\"")) return null;
        // Plain values in {n} placeholders: EF Core names them apart when two of these sit in one query. Named
        // NpgsqlParameters would share one name, and EF Core would send the first value for both.
        var searched = new SearchTerm(term, IsPhrase: true);
        var pattern = searched.LikePattern;
        if (searched.UsesIndex)
            return ($"SELECT a.\"Id\" AS \"Value\" FROM \"Articles\" AS a WHERE a.\"{column}\" ILIKE {{0}}", [pattern]);
        return ($"SELECT a.\"Id\" AS \"Value\" FROM \"Articles\" AS a WHERE {HasGram(ArticleText("a"), "{1}", searched)} AND a.\"{column}\" ILIKE {{0}}", [pattern, term]);
    }

    private static string ArticlesContaining(SearchTerm term, string pattern, string? gram)
    {
        var articleGrams = gram is null ? "" : $"{HasGram(ArticleText("a"), gram, term)} AND ";
        var captionGrams = gram is null ? "" : $"{HasGram("p.\"Caption\"", gram, term)} AND ";
        return $"SELECT a.\"Id\" FROM \"Articles\" AS a WHERE {articleGrams}({string.Join(" OR ", Columns.Select(c => $"a.{c.Column} ILIKE {pattern}"))}) " +
               $"UNION SELECT p.\"ArticleId\" FROM \"Photo\" AS p WHERE {captionGrams}p.\"Caption\" ILIKE {pattern}";
    }

    /// <summary>
    /// The short-term indexes' test that <paramref name="text"/> holds <paramref name="term"/>'s text (1–2 characters,
    /// passed as the parameter <paramref name="gram"/>): its character, or its pair.
    /// </summary>
    private static string HasGram(string text, string gram, SearchTerm term) =>
        $"{(term.Text.EnumerateRunes().Count() == 1 ? CharactersFunction : PairsFunction)}({text}) @> ARRAY[lower({gram} COLLATE \"C\")]";

    /// <summary>The first short-term index's function (a migration's history): a text's characters and pairs, ASCII letters folded.</summary>
    public const string ShortGramsFunction = "archive_short_grams";

    /// <summary>The short-term index of 1-character terms: a text's characters, ASCII letters folded.</summary>
    public const string CharactersFunction = "archive_characters";

    /// <summary>The short-term index of 2-character terms: a text's character pairs, ASCII letters folded.</summary>
    public const string PairsFunction = "archive_character_pairs";

    /// <summary>An article's searched columns as one text, the expression its short-term index is built on (NULLs as empty).</summary>
    private static string ArticleText(string alias) =>
        $"({alias}.\"Headline\" || E'\\n' || coalesce({alias}.\"Subheadline\", '') || E'\\n' || coalesce({alias}.\"Kicker\", '') || E'\\n' || {alias}.\"Body\")";

    /// <summary>
    /// The first short-term index, for its migration (and the next one's Down): its function and a GIN index over the
    /// articles' searched text and over the captions. A pair across the line break between two columns is an extra key, never a missing one; ILIKE rechecks.
    /// </summary>
    public static readonly string CreateShortTermIndexSql = string.Join("\n",
        // Linear in the text: its characters, then each beside the next (substr by position would rescan UTF-8 from the
        // start for every pair). Keys repeat; GIN keeps each once per row.
        $"CREATE FUNCTION {ShortGramsFunction}(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$",
        "  SELECT f.c || ARRAY(SELECT p.x || p.y FROM (SELECT x, lead(x) OVER () AS y FROM unnest(f.c) AS x) AS p WHERE p.y IS NOT NULL)",
        "  FROM (SELECT string_to_array(lower(t COLLATE \"C\"), NULL) AS c) AS f",
        "$$;",
        $"CREATE INDEX \"IX_Articles_ShortGrams\" ON \"Articles\" USING gin ({ShortGramsFunction}({ArticleText("\"Articles\"")}));",
        $"CREATE INDEX \"IX_Photo_Caption_ShortGrams\" ON \"Photo\" USING gin ({ShortGramsFunction}(\"Caption\"));");

    public static readonly string DropShortTermIndexSql =
        $"DROP INDEX IF EXISTS \"IX_Photo_Caption_ShortGrams\"; DROP INDEX IF EXISTS \"IX_Articles_ShortGrams\"; DROP FUNCTION IF EXISTS {ShortGramsFunction}(text);";

    /// <summary>
    /// The short-term indexes since the first one was split: one over the characters and one over the pairs, so that two
    /// connections build them at once after a bulk copy (each half the keys; see <c>PostgresArchiveCopy</c>).
    /// </summary>
    /// <remarks>
    /// The pairs come from two regexp_replace passes, pairs from the first character and from the second, cut apart at a
    /// separator, in C inside PostgreSQL: half the time of pairing the characters row by row in SQL (unnest, lead), which
    /// stays for the rare text that holds the separator itself. A text of odd length leaves its last character as one more
    /// key, which no 2-character term looks for.
    /// </remarks>
    public static readonly string CreateSplitShortTermIndexesSql = string.Join("\n",
        $"CREATE FUNCTION {CharactersFunction}(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$",
        "  SELECT string_to_array(lower(t COLLATE \"C\"), NULL)",
        "$$;",
        $"CREATE FUNCTION {PairsFunction}(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$",
        "  SELECT CASE WHEN strpos(f.s, E'\\x01') = 0",
        "    THEN array_remove(string_to_array(regexp_replace(f.s, '..', E'\\\\&\\x01', 'g'), E'\\x01')",
        "                   || string_to_array(regexp_replace(substr(f.s, 2), '..', E'\\\\&\\x01', 'g'), E'\\x01'), '')",
        "    ELSE ARRAY(SELECT p.x || p.y FROM (SELECT x, lead(x) OVER () AS y FROM unnest(string_to_array(f.s, NULL)) AS x) AS p WHERE p.y IS NOT NULL) END",
        "  FROM (SELECT lower(t COLLATE \"C\") AS s) AS f",
        "$$;",
        $"CREATE INDEX \"IX_Articles_Characters\" ON \"Articles\" USING gin ({CharactersFunction}({ArticleText("\"Articles\"")}));",
        $"CREATE INDEX \"IX_Articles_CharacterPairs\" ON \"Articles\" USING gin ({PairsFunction}({ArticleText("\"Articles\"")}));",
        $"CREATE INDEX \"IX_Photo_Caption_Characters\" ON \"Photo\" USING gin ({CharactersFunction}(\"Caption\"));",
        $"CREATE INDEX \"IX_Photo_Caption_CharacterPairs\" ON \"Photo\" USING gin ({PairsFunction}(\"Caption\"));");

    public static readonly string DropSplitShortTermIndexesSql =
        "DROP INDEX IF EXISTS \"IX_Photo_Caption_CharacterPairs\"; DROP INDEX IF EXISTS \"IX_Photo_Caption_Characters\"; " +
        "DROP INDEX IF EXISTS \"IX_Articles_CharacterPairs\"; DROP INDEX IF EXISTS \"IX_Articles_Characters\"; " +
        $"DROP FUNCTION IF EXISTS {PairsFunction}(text); DROP FUNCTION IF EXISTS {CharactersFunction}(text);";

    /// <summary>
    /// As SQLite's score for short terms: occurrences in the column, saturating as tf / (tf + 1.2), times its weight.
    /// </summary>
    private static string Contained(string column, string pattern, double weight) =>
        $"(CASE WHEN {column} ILIKE {pattern} THEN {weight.ToString("0.0", CultureInfo.InvariantCulture)} ELSE 0 END)";
}
