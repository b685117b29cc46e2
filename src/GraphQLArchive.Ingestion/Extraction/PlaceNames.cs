using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>A place found in the text, with where it was printed, so that neighbours can be placed under each other.</summary>
internal sealed record FoundPlace(string Name, LocationKind Kind, int Start, int End, int Article, int Block = 0, bool InHeading = false);

/// <summary>Locations: the gazetteer of provinces and cities, jieba places (ns) and suffix rules.</summary>
internal static class PlaceNames
{
    private static readonly (string Suffix, LocationKind Kind)[] StrongSuffixes =
    [
        ("高新技术产业开发区", LocationKind.DevelopmentZone), ("经济技术开发区", LocationKind.DevelopmentZone),
        ("开发区", LocationKind.DevelopmentZone), ("高新区", LocationKind.DevelopmentZone), ("片区", LocationKind.Area),
        ("产业园", LocationKind.Park), ("工业园", LocationKind.Park), ("新城", LocationKind.Area), ("新区", LocationKind.Area),
    ];

    // Administrative suffixes are common inside ordinary words (风险区, 景区, 社区), so jieba must call the word a place.
    private static readonly (string Suffix, LocationKind Kind)[] WeakSuffixes =
    [
        ("区", LocationKind.District), ("县", LocationKind.District), ("镇", LocationKind.Area), ("乡", LocationKind.Area),
    ];

    private static readonly string[] NotPlaces = ["风险区", "景区", "社区", "小区", "城区", "市区", "园区", "辖区", "警备区", "片区", "开发区", "高新区", "新城"];

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

    /// <summary>The city the page is about: the gazetteer city printed most often (太原 in 太原警备区, 太原速度…).</summary>
    public static (string Name, string Short, string Province)? HomeCity(string text) =>
        Gazetteer.Cities
            .Select(c => (City: c, Count: Count(text, c.Short)))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .Select(c => ((string, string, string)?)c.City)
            .FirstOrDefault();

    private static int Count(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
