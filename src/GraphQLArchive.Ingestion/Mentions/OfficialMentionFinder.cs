using GraphQLArchive.Ingestion.Extraction;
using GraphQLArchive.Ingestion.Lexicon;
using GraphQLArchive.Ingestion.Pages;

namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Finds the known officials in an article, with the titles printed beside them and the role they played.</summary>
public static class OfficialMentionFinder
{
    private const string SentenceEnds = "。！!？?；;\n";

    /// <summary>
    /// One mention per distinct official named in the article, in order of first appearance. With a
    /// <paramref name="normalizer"/>, titles are also split into office and organization, in the places of the report.
    /// </summary>
    public static IReadOnlyList<OfficialMention> Find(ParsedArticle article, IReadOnlyCollection<string> knownNames, TitleNormalizer? normalizer = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knownNames);

        var scanner = NameScanner.ForNames(knownNames);
        var place = normalizer?.Home.ForReport(article.FullText);
        var headings = new[] { article.Kicker, article.Headline, article.Subheadline }.OfType<string>().Where(h => h.Length > 0);
        var occurrences = headings.Select(text => (Text: text, InBody: false))
            .Concat(article.Paragraphs.Select(text => (Text: text, InBody: true)))
            .SelectMany(block => Occurrences(block.Text, block.InBody, scanner, normalizer, place))
            .ToList();

        return occurrences
            .Select(o => o.Match.Canonical)
            .Distinct()
            .Select(name => Describe(name, occurrences.Where(o => o.Match.Canonical == name).ToList()))
            .ToList();
    }

    private sealed record Occurrence(NameMatch Match, IReadOnlyList<string> Titles, IReadOnlyList<NormalizedTitle> Positions, AppearanceRole? Role, bool InBody);

    private static List<Occurrence> Occurrences(string text, bool inBody, NameScanner scanner, TitleNormalizer? normalizer, HomePlace? place)
    {
        var names = scanner.Scan(text);
        var result = new List<Occurrence>();
        var context = normalizer?.NewContext(place);
        // Whether the paragraph is a roll depends on the paragraph alone: decided once, when a name first needs it.
        var roll = new Lazy<AppearanceRole?>(() => inBody ? RoleVerbs.InRoll(text, names) : null);
        for (var i = 0; i < names.Count; i++)
        {
            var match = names[i];
            var floor = i > 0 ? names[i - 1].End : 0;
            var gap = text[floor..match.Start];
            // The places and prefixes a chain establishes hold for the rest of its sentence, no further.
            if (normalizer is not null && (i == 0 || gap.Any(c => SentenceEnds.Contains(c))))
                context = normalizer.NewContext(place);

            var titles = TitleChain.Before(text, match.Start, floor);
            if (titles.Count == 0)
                titles = TitleChain.After(text, match.End);
            IReadOnlyList<NormalizedTitle> positions;
            // A title printed once before a list is every listed name's: 市人大常委会副主任于川、卢展明、秦军.
            if (titles.Count == 0 && i > 0 && gap.Trim() == "、" && result[^1].Titles.Count > 0)
                (titles, positions) = (result[^1].Titles, result[^1].Positions);
            else
                positions = normalizer is null || context is null ? [] : normalizer.Normalize(titles, context);

            var role = RoleVerbs.Governing(text, match, names) ?? roll.Value;
            result.Add(new Occurrence(match, titles, positions, role, inBody));
        }
        return result;
    }

    private static OfficialMention Describe(string name, List<Occurrence> occurrences)
    {
        var titled = occurrences.FirstOrDefault(o => o.Titles.Count > 0);
        // The body says what the official did; a headline such as "罗清宇张新伟出席" is the fallback.
        // Whoever presided anywhere in the report presided ("…出席会议,会议由蔡梅生主持"); likewise a speech.
        var bodyRoles = occurrences.Where(o => o.InBody).Select(o => o.Role).OfType<AppearanceRole>().ToList();
        var role = WordLexicon.Default.RolePriority.Where(bodyRoles.Contains).Cast<AppearanceRole?>().FirstOrDefault()
            ?? occurrences.Where(o => o.InBody).Select(o => o.Role).FirstOrDefault(r => r is not null)
            ?? occurrences.Where(o => !o.InBody).Select(o => o.Role).FirstOrDefault(r => r is not null)
            ?? AppearanceRole.Mentioned;
        return new OfficialMention(name, titled?.Titles ?? [], role) { Positions = titled?.Positions ?? [] };
    }
}
