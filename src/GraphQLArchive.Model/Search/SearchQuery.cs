using System.Text;

namespace GraphQLArchive.Model.Search;

/// <summary>One search term: a word or a quoted phrase, matched as a substring (Chinese has no word breaks).</summary>
public sealed record SearchTerm(string Text, bool IsPhrase)
{
    /// <summary>Three or more characters: a trigram index (PostgreSQL's pg_trgm) can find it; a shorter term has no trigram.</summary>
    public bool UsesIndex => Text.EnumerateRunes().Count() >= 3;

    /// <summary>The LIKE pattern that finds the term anywhere, with backslash as its escape (PostgreSQL's default;
    /// SQLite's LIKE needs <c>ESCAPE '\'</c>).</summary>
    public string LikePattern => "%" + Text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

/// <summary>
/// A parsed search query: every group must match (AND), a group matches when any of its terms does
/// (OR), and no excluded term may match.
/// <code>
/// query   = clause { space clause }
/// clause  = ["-"] term | term { space "OR" space term }
/// term    = word | '"' phrase '"'
/// </code>
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 16;

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> groups, IReadOnlyList<SearchTerm> excluded)
    {
        Groups = groups;
        Excluded = excluded;
    }

    public IReadOnlyList<IReadOnlyList<SearchTerm>> Groups { get; }

    public IReadOnlyList<SearchTerm> Excluded { get; }

    /// <summary>The terms a hit can contain, for highlighting.</summary>
    public IEnumerable<string> PositiveTerms => Groups.SelectMany(g => g).Select(t => t.Text).Distinct();

    /// <summary>A canonical form: equal for queries that mean the same.</summary>
    public override string ToString() =>
        string.Join(" ", Groups.Select(g => string.Join(" OR ", g.Select(Quote))).Concat(Excluded.Select(t => "-" + Quote(t))));

    private static string Quote(SearchTerm term) => "\"" + term.Text + "\"";

    /// <exception cref="SearchSyntaxException">The query cannot be read; the message says what to fix.</exception>
    public static SearchQuery Parse(string? text)
    {
        var tokens = Tokenize(text ?? "");
        if (tokens.Count == 0) throw new SearchSyntaxException("The search query is empty: give at least one term, e.g. 防汛.", 0);

        var groups = new List<IReadOnlyList<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsOr)
                throw new SearchSyntaxException(i == 0 || tokens[i - 1].IsOr
                    ? $"OR at position {token.Position + 1} has no term before it: OR stands between two terms, e.g. 防汛 OR 防疫."
                    : $"OR at position {token.Position + 1} has no term after it: OR stands between two terms, e.g. 防汛 OR 防疫.", token.Position);
            var group = new List<SearchTerm> { token.Term! };
            while (i + 1 < tokens.Count && tokens[i + 1].IsOr)
            {
                if (i + 2 >= tokens.Count || tokens[i + 2].IsOr)
                    throw new SearchSyntaxException($"OR at position {tokens[i + 1].Position + 1} has no term after it: OR stands between two terms, e.g. 防汛 OR 防疫.", tokens[i + 1].Position);
                if (token.Negated || tokens[i + 2].Negated)
                    throw new SearchSyntaxException($"An excluded term cannot be part of OR (position {(token.Negated ? token : tokens[i + 2]).Position + 1}): write the exclusion as its own term, e.g. 会议 OR 部队 -防汛.", token.Position);
                group.Add(tokens[i + 2].Term!);
                i += 2;
            }
            if (token.Negated) excluded.Add(token.Term!);
            else groups.Add(group);
        }

        if (groups.Count == 0)
            throw new SearchSyntaxException("The query only excludes terms: add at least one term to find, e.g. 罗清宇 -部队.", 0);
        if (groups.Sum(g => g.Count) + excluded.Count > MaxTerms)
            throw new SearchSyntaxException($"The query has more than {MaxTerms} terms: use fewer.", 0);
        return new SearchQuery(groups, excluded);
    }

    private sealed record Token(int Position, SearchTerm? Term, bool Negated)
    {
        public bool IsOr => Term is null;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i])) { i++; continue; }
            var start = i;
            var negated = text[i] == '-';
            if (negated)
            {
                i++;
                if (i >= text.Length || IsSeparator(text[i]))
                    throw new SearchSyntaxException($"The '-' at position {start + 1} excludes nothing: put the term right after it, with no space, e.g. -部队.", start);
            }
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                    throw new SearchSyntaxException($"The quote at position {i + 1} is never closed: end the phrase with another \".", i);
                var phrase = Clean(text[(i + 1)..close]);
                if (phrase.Trim().Length == 0)
                    throw new SearchSyntaxException($"The phrase at position {i + 1} is empty: put the text to find between the quotes.", i);
                if (close + 1 < text.Length && !IsSeparator(text[close + 1]))
                    throw new SearchSyntaxException($"The phrase closed at position {close + 1} runs into the next term: put a space after the closing quote.", close);
                tokens.Add(new Token(start, new SearchTerm(phrase, IsPhrase: true), negated));
                i = close + 1;
                continue;
            }
            var end = i;
            while (end < text.Length && !IsSeparator(text[end]))
            {
                if (text[end] == '"')
                    throw new SearchSyntaxException($"The quote at position {end + 1} is inside a word: a phrase starts with a quote after a space, e.g. \"防汛减灾\".", end);
                end++;
            }
            var word = Clean(text[i..end]);
            if (word == "OR" && !negated) tokens.Add(new Token(start, null, false));
            else tokens.Add(new Token(start, new SearchTerm(word, IsPhrase: false), negated));
            i = end;
        }
        return tokens;
    }

    /// <summary>Control characters separate terms like spaces: a query made only of them is empty, not a match for everything.</summary>
    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>Control characters cannot be typed into a search box and would only confuse LIKE and MATCH.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(char.IsControl(c) ? ' ' : c);
        return builder.ToString();
    }
}

/// <summary>A search query that cannot be read. <see cref="Position"/> is the 0-based offset of the problem.</summary>
public sealed class SearchSyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
