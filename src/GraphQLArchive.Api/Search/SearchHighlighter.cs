using System.Net;
using System.Text;

namespace GraphQLArchive.Api.Search;

/// <summary>
/// Marks the query's terms in a page's hits. Done here rather than with FTS5's highlight()/snippet():
/// those only know the terms that went through MATCH, not the 1–2-character ones found by LIKE,
/// and here the page's fifty hits at most are all the work.
/// </summary>
internal static class SearchHighlighter
{
    /// <summary>Characters of context on each side of the first match in a long field.</summary>
    private const int Context = 30;

    /// <summary>Fields up to this long are shown whole.</summary>
    private const int WholeField = 80;

    public static IReadOnlyList<SearchHighlight> Highlight(SearchTexts texts, IReadOnlyList<string> terms)
    {
        var highlights = new List<SearchHighlight>();
        Add(highlights, SearchField.Headline, texts.Headline, terms);
        Add(highlights, SearchField.Subheadline, texts.Subheadline, terms);
        Add(highlights, SearchField.Kicker, texts.Kicker, terms);
        Add(highlights, SearchField.Body, texts.Body, terms);
        foreach (var caption in texts.Captions.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Add(highlights, SearchField.Caption, caption, terms);
        return highlights;
    }

    private static void Add(List<SearchHighlight> highlights, SearchField field, string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrEmpty(text)) return;
        var matches = Matches(text, terms);
        if (matches.Count == 0) return;

        var (from, to) = (0, text.Length);
        if (text.Length > WholeField)
        {
            from = Math.Max(0, matches[0].Start - Context);
            to = Math.Min(text.Length, matches[0].Start + matches[0].Length + Context);
            // Prefer to start after a paragraph break, and never split a surrogate pair.
            var paragraph = text.LastIndexOf("\n\n", matches[0].Start, matches[0].Start - from, StringComparison.Ordinal);
            if (paragraph >= 0) from = paragraph + 2;
            var end = text.IndexOf("\n\n", matches[0].Start, to - matches[0].Start, StringComparison.Ordinal);
            if (end >= 0) to = end;
            if (from > 0 && char.IsLowSurrogate(text[from])) from--;
            if (to < text.Length && char.IsLowSurrogate(text[to])) to++;
        }

        var window = matches.Where(m => m.Start >= from && m.Start + m.Length <= to).Select(m => new SearchMatch(m.Start - from, m.Length)).ToList();
        var plain = text[from..to];
        var snippet = new StringBuilder();
        if (from > 0) snippet.Append('…');
        var at = 0;
        foreach (var m in window)
        {
            snippet.Append(WebUtility.HtmlEncode(plain[at..m.Start])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(plain.Substring(m.Start, m.Length))).Append("</mark>");
            at = m.Start + m.Length;
        }
        snippet.Append(WebUtility.HtmlEncode(plain[at..]));
        if (to < text.Length) snippet.Append('…');
        highlights.Add(new SearchHighlight(field, plain, snippet.ToString(), window));
    }

    /// <summary>Every occurrence of every term, case-insensitively like the index; overlapping matches merge.</summary>
    internal static List<SearchMatch> Matches(string text, IReadOnlyList<string> terms)
    {
        var found = new List<(int Start, int End)>();
        foreach (var term in terms)
        {
            for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0;
                 i = i + term.Length < text.Length ? text.IndexOf(term, i + term.Length, StringComparison.OrdinalIgnoreCase) : -1)
                found.Add((i, i + term.Length));
        }
        var merged = new List<SearchMatch>();
        foreach (var (start, end) in found.OrderBy(f => f.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = last with { Length = Math.Max(last.Start + last.Length, end) - last.Start };
            }
            else merged.Add(new SearchMatch(start, end - start));
        }
        return merged;
    }
}
