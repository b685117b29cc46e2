using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>
/// The places a page's bare titles refer to: 市委书记 in the 太原日报 is of 中共太原市委. <see cref="County"/> and
/// <see cref="District"/> are per report: a city page covers several.
/// </summary>
public sealed record HomePlace(string? Province, string? City, string? County = null, string? District = null, string? Town = null)
{
    private static WordLexicon Words => WordLexicon.Default;

    /// <summary>
    /// The newspaper names the place (太原日报 → 太原市, from the lexicon or as 〈city〉日报); otherwise the city printed
    /// most often, counting 我市/全市 for the city a city paper is about.
    /// </summary>
    public static HomePlace Of(string? newspaper, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FromNewspaper(newspaper) is { } fromPaper)
            return fromPaper;
        var city = Words.Divisions.Cities
            .Select(c => (City: c, Count: Count(text, c.Short)))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .Select(c => c.City)
            .FirstOrDefault();
        if (city is not null)
            return new HomePlace(city.Province, city.Name);
        var province = Words.Divisions.Provinces
            .Select(p => (Province: p, Count: Count(text, p.Short)))
            .Where(p => p.Count > 0).OrderByDescending(p => p.Count).Select(p => p.Province).FirstOrDefault();
        return new HomePlace(province?.Name, null);
    }

    private static HomePlace? FromNewspaper(string? newspaper)
    {
        if (string.IsNullOrWhiteSpace(newspaper))
            return null;
        newspaper = newspaper.Trim();
        var place = Words.Newspapers.GetValueOrDefault(newspaper)
            ?? Words.Divisions.Cities.Where(c => newspaper.StartsWith(c.Short, StringComparison.Ordinal)).Select(c => c.Name).FirstOrDefault();
        // A county's own paper or media centre: 温县融媒体中心, 阿巴嘎旗融媒体中心.
        if (place is null && Words.Divisions.CountyCities.FirstOrDefault(c => newspaper.StartsWith(c.Key, StringComparison.Ordinal)) is { Key: { } county, Value: { } countyCity })
            return county[^1] == '区'
                ? new HomePlace(countyCity.Province, countyCity.Name, District: county)
                : new HomePlace(countyCity.Province, countyCity.Name, County: county);
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
        var counties = names
            .Select(c => (Name: c, Count: Count(text, c)))
            .Where(c => c.Count > 0).OrderByDescending(c => c.Count).ToList();
        var county = counties.FirstOrDefault(c => c.Name.EndsWith('县') || c.Name.EndsWith('市') || c.Name.EndsWith('旗')).Name;
        var district = counties.FirstOrDefault(c => c.Name.EndsWith('区')).Name;
        return this with { County = county ?? County, District = district ?? District };
    }

    internal static int Count(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
