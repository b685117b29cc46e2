using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>
/// The places a page's bare titles refer to: 市委书记 in the 太原日报 is of 中共太原市委. <see cref="County"/> and
/// <see cref="District"/> are per report: a city page covers several.
/// </summary>
public sealed record HomePlace(string? Province, string? City, string? County = null, string? District = null, string? Town = null)
{
    /// <summary>The banner (旗) a report prints most, for 旗 titles when it also prints a county (乌拉特前旗 and 五原县).</summary>
    public string? Banner { get; init; }

    private static WordLexicon Words => WordLexicon.Default;

    /// <summary>
    /// The newspaper names the place (长江日报 → 武汉市 from the lexicon, else by the city or province its name starts
    /// with: 太原日报 → 太原市, 山西日报 → 山西省); otherwise the city printed
    /// most often, counting 我市/全市 for the city a city paper is about.
    /// </summary>
    public static HomePlace Of(string? newspaper, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FromNewspaper(newspaper) is { } fromPaper)
            return fromPaper;
        var printed = Printed(text);
        // A county or district printed is evidence for its city: a county's own site may never name the city.
        var city = Words.Divisions.Cities
            .Select(c => (City: c, Count: printed.GetValueOrDefault(c.Short) + c.Counties.Sum(printed.GetValueOrDefault)))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .Select(c => c.City)
            .FirstOrDefault();
        if (city is not null)
            return new HomePlace(city.Province, city.Name);
        var province = Words.Divisions.Provinces
            .Select(p => (Province: p, Count: printed.GetValueOrDefault(p.Short)))
            .Where(p => p.Count > 0).OrderByDescending(p => p.Count).Select(p => p.Province).FirstOrDefault();
        return new HomePlace(province?.Name, null);
    }

    private static HomePlace? FromNewspaper(string? newspaper)
    {
        if (string.IsNullOrWhiteSpace(newspaper))
            return null;
        newspaper = newspaper.Trim();
        var place = Words.Newspapers.GetValueOrDefault(newspaper)
            ?? Words.Divisions.Cities.Where(c => newspaper.StartsWith(c.Short, StringComparison.Ordinal) || newspaper.StartsWith(Stem(c), StringComparison.Ordinal))
                .Select(c => c.Name).FirstOrDefault();
        // A county's own paper or media centre: 温县融媒体中心, 阿巴嘎旗融媒体中心.
        // A banner's paper keeps its banner for 旗 titles in a report that also prints a county.
        if (place is null && Words.Divisions.CountyCities.FirstOrDefault(c => newspaper.StartsWith(c.Key, StringComparison.Ordinal)) is { Key: { } county, Value: { } countyCity })
            return county[^1] switch
            {
                '区' => new HomePlace(countyCity.Province, countyCity.Name, District: county),
                '旗' => new HomePlace(countyCity.Province, countyCity.Name, County: county) { Banner = county },
                // A county-level city's media centre (武穴市融媒体中心): its 市委 and 市长 are its own, not the prefecture's.
                '市' => new HomePlace(countyCity.Province, county),
                _ => new HomePlace(countyCity.Province, countyCity.Name, County: county),
            };
        place ??= Words.Divisions.Provinces.FirstOrDefault(p => newspaper.StartsWith(p.Short, StringComparison.Ordinal))?.Name;
        if (place is null)
            return null;
        if (Words.Divisions.City(place) is { } city)
            return new HomePlace(city.Province, city.Name);
        return Words.Divisions.Province(place) is { } province ? new HomePlace(province.Name, null) : null;
    }

    /// <summary>This place narrowed to the county or district a report is about: the one of the home city it prints most.</summary>
    public HomePlace ForReport(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The home city's own counties first: a name two cities share (鼓楼区) is the home city's.
        var names = City is not null && Words.Divisions.City(City) is { } home
            ? home.Counties
            : Words.Divisions.CountyCities.Keys;
        var printed = Printed(text);
        var counties = MostPrinted(names, printed);
        // None of the home city's: a report about a place elsewhere (or a home city guessed wrong) still names its county.
        if (counties.Count == 0)
            counties = MostPrinted(Words.Divisions.CountyCities.Keys, printed);
        // None by its name: a county's own site, which its paper's name does not place, may print it by its stem alone
        // (落户曾都, 具有王益特色).
        if (counties.Count == 0 && County is null && District is null)
        {
            var stems = Gazetteer.PrintedStems(text, IsRareWord);
            counties = MostPrinted(names, stems) is { Count: > 0 } ofHome ? ofHome : MostPrinted(Words.Divisions.CountyCities.Keys, stems);
        }
        var county = counties.FirstOrDefault(c => c.Name.EndsWith('县') || c.Name.EndsWith('市') || c.Name.EndsWith('旗')).Name;
        var district = counties.FirstOrDefault(c => c.Name.EndsWith('区')).Name;
        var banner = counties.FirstOrDefault(c => c.Name.EndsWith('旗')).Name;
        return this with { County = county ?? County, District = district ?? District, Banner = banner ?? Banner };
    }

    // 曾都 is no word of its own, 雁塔 a rare one; 新城, 金台 and 和平 are words jieba sees often, not a county's stem.
    private static bool IsRareWord(string stem) => Segmenter.DictionaryFrequency(stem) <= Words.CountyStemMaxFrequency;

    private static List<(string Name, int Count)> MostPrinted(IEnumerable<string> names, Dictionary<string, int> printed) =>
        names.Select(c => (Name: c, Count: printed.GetValueOrDefault(c))).Where(c => c.Count > 0).OrderByDescending(c => c.Count).ToList();

    // A prefecture's paper drops its level: 楚雄日报 for 楚雄州, 锡林郭勒日报 for 锡林郭勒盟.
    private static string Stem(City city) =>
        city.Short.Length > 2 && city.Short[^1] is '州' or '盟' ? city.Short[..^1] : city.Short;

    /// <summary>
    /// How often each place is printed as a place: not where it straddles an office, as 长沙 does in "副州长沙学文" and 代县
    /// in "代县长王玲".
    /// </summary>
    private static Dictionary<string, int> Printed(string text) => Gazetteer.PrintedNames(text, StraddlesOffice);

    internal static bool StraddlesOffice(string text, int at, int length) =>
        Words.Offices.Any(o =>
        {
            // The office ends inside the word (州长|沙), or begins with the word and runs past it (代县|长).
            for (var inside = 1; inside < o.Length; inside++)
            {
                var start = at + inside - o.Length;
                if (inside <= length && start >= 0 && string.CompareOrdinal(text, start, o, 0, o.Length) == 0) return true;
            }
            return o.Length > length && at + o.Length <= text.Length && string.CompareOrdinal(text, at, o, 0, o.Length) == 0;
        });
}
