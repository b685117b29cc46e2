using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Lexicon;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>A place found in the text, with where it was printed, so that neighbours can be placed under each other.</summary>
internal sealed record FoundPlace(string Name, LocationKind Kind, int Start, int End, int Article, int Block = 0, bool InHeading = false);

/// <summary>Locations: the gazetteer of provinces and cities, jieba places (ns) and suffix rules.</summary>
internal static class PlaceNames
{
    // Administrative suffixes (区, 县) are common inside ordinary words (风险区, 景区, 社区), so jieba must call the word a place.
    private static WordLexicon Words => WordLexicon.Default;

    private static IReadOnlyList<(string Suffix, LocationKind Kind)> StrongSuffixes => Words.StrongPlaceSuffixes;

    private static IReadOnlyList<(string Suffix, LocationKind Kind)> WeakSuffixes => Words.WeakPlaceSuffixes;

    private static IReadOnlyList<string> NotPlaces => Words.NotPlaces;

    private static readonly Regex Venue = new(@"在(?<name>[0-9０-９]+号[\u4e00-\u9fff]{1,4}(?:车间|厂房|展厅|会场))", RegexOptions.CultureInvariant);

    public static IEnumerable<FoundPlace> Find(string text, IReadOnlyList<Token> tokens, int article, ISet<int> stops)
    {
        foreach (var token in tokens.Where(t => t.Flag == "ns" && t.Word.Length >= 3))
        {
            var weak = WeakSuffixes.FirstOrDefault(w => token.Word.EndsWith(w.Suffix, StringComparison.Ordinal));
            if (weak.Suffix is not null && !NotPlaces.Any(n => token.Word.EndsWith(n, StringComparison.Ordinal)) && !StrongSuffixes.Any(s => token.Word.EndsWith(s.Suffix, StringComparison.Ordinal)))
            {
                stops.Add(token.End); // 尖草坪区三给片区: the next place starts here
                yield return new FoundPlace(token.Word, weak.Kind, token.Start, token.End, article);
            }
        }

        foreach (var found in SuffixNames.Find(text, StrongSuffixes.Select(s => s.Suffix).ToList(), maxPrefix: 10, stops))
        {
            var prefix = found.Name[..^found.Suffix.Length];
            if (prefix.Any(c => !Gazetteer.IsCjk(c)) || !SuffixNames.StartsNominal(found, tokens)) continue;
            yield return new FoundPlace(found.Name, StrongSuffixes.First(s => s.Suffix == found.Suffix).Kind, found.Start, found.End, article);
        }

        foreach (Match match in Venue.Matches(text))
        {
            var name = match.Groups["name"];
            yield return new FoundPlace(name.Value, LocationKind.Venue, name.Index, name.Index + name.Length, article);
        }
    }
}
