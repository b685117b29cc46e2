using GraphQLArchive.Ingestion.Pages;

namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Finds the known officials in an article, with the titles printed beside them and the role they played.</summary>
public static class OfficialMentionFinder
{
    /// <summary>One mention per distinct official named in the article, in order of first appearance.</summary>
    public static IReadOnlyList<OfficialMention> Find(ParsedArticle article, IReadOnlyCollection<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knownNames);

        var scanner = NameScanner.ForNames(knownNames);
        var headings = new[] { article.Kicker, article.Headline, article.Subheadline }.OfType<string>();
        var occurrences = headings.Select(text => (Text: text, InBody: false))
            .Concat(article.Paragraphs.Select(text => (Text: text, InBody: true)))
            .SelectMany(block => Occurrences(block.Text, block.InBody, scanner))
            .ToList();

        return occurrences
            .Select(o => o.Match.Canonical)
            .Distinct()
            .Select(name => Describe(name, occurrences.Where(o => o.Match.Canonical == name).ToList()))
            .ToList();
    }

    private sealed record Occurrence(string Text, NameMatch Match, NameMatch? Previous, IReadOnlyList<NameMatch> NamesInText, bool InBody)
    {
        public IReadOnlyList<string> Titles => TitleChain.Before(Text, Match.Start, Previous?.End ?? 0);

        public AppearanceRole? Role => RoleVerbs.Governing(Text, Match.End, NamesInText);
    }

    private static IEnumerable<Occurrence> Occurrences(string text, bool inBody, NameScanner scanner)
    {
        var names = scanner.Scan(text);
        return names.Select((match, i) => new Occurrence(text, match, i > 0 ? names[i - 1] : null, names, inBody));
    }

    private static OfficialMention Describe(string name, List<Occurrence> occurrences)
    {
        var titles = occurrences.Select(o => o.Titles).FirstOrDefault(t => t.Count > 0) ?? [];
        // The body says what the official did; a headline such as "罗清宇张新伟出席" is the fallback.
        var role = occurrences.Where(o => o.InBody).Select(o => o.Role).FirstOrDefault(r => r is not null)
            ?? occurrences.Where(o => !o.InBody).Select(o => o.Role).FirstOrDefault(r => r is not null)
            ?? AppearanceRole.Mentioned;
        return new OfficialMention(name, titles, role);
    }
}
