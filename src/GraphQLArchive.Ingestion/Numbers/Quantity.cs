using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Numbers;

/// <summary>A printed figure normalized: 52亿元 → 5200000000 CNY; 3个多月 → 3 month, more than.</summary>
public sealed record Quantity(decimal Value, string Unit, FactQualifier Qualifier);

/// <summary>A quantity found in running text, with where it is printed.</summary>
public sealed record QuantityMatch(Quantity Quantity, int Start, int Length, string Printed);

/// <summary>Reads figures with units and qualifiers: 约2000平方米, 7亿元以上, 5800万元, 3个多月, 180台.</summary>
public static class QuantityParser
{
    // Unit as printed → normalized unit. Longest first, so 平方公里 is not read as 平方 + 公里.
    private static readonly (string Printed, string Unit, decimal Factor)[] Units =
    [
        ("平方公里", "km²", 1m), ("平方米", "m²", 1m), ("公顷", "ha", 1m), ("公里", "km", 1m), ("千瓦", "kW", 1m), ("兆瓦", "MW", 1m),
        ("个月", "month", 1m), ("元", "CNY", 1m), ("亩", "mu", 1m), ("台", "台", 1m), ("件", "件", 1m), ("套", "套", 1m),
        ("辆", "辆", 1m), ("吨", "t", 1m), ("天", "day", 1m), ("家", "家", 1m), ("人", "人", 1m), ("名", "人", 1m), ("条", "条", 1m),
    ];

    private const string PlaceEnds = "县区市镇乡村山";

    private const string NumberChars = "0-9０-９.．零〇一二两三四五六七八九十百千万亿";

    private static readonly Regex Pattern = new(
        $@"(?<pre>大约|约|近|逾|超过)?(?<num>[{NumberChars}]+?)(?<mid>多|余)?(?<unit>{string.Join("|", Units.Select(u => u.Printed == "个月" ? "个(?:多|余)?月" : Regex.Escape(u.Printed)))})(?<post>以上|以下|左右|多)?",
        RegexOptions.CultureInvariant);

    /// <summary>Parses a whole printed figure such as <c>7亿元以上</c>; null when it is not one.</summary>
    public static Quantity? Parse(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var match = Pattern.Match(printed.Trim());
        return match.Success && match.Length == printed.Trim().Length ? Read(match) : null;
    }

    /// <summary>Every figure with a unit in <paramref name="text"/>, left to right.</summary>
    public static IReadOnlyList<QuantityMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<QuantityMatch>();
        foreach (Match match in Pattern.Matches(text))
        {
            // A numeral inside a word (一批, 第一) is not a figure: Arabic digits always are.
            if (match.Index > 0 && ChineseNumber.IsNumberChar(text[match.Index - 1])) continue;
            // 三台县, 五台山: a numeral and a unit character that begin a place name.
            var after = match.Index + match.Length;
            if (after < text.Length && PlaceEnds.Contains(text[after]) && !match.Groups["num"].Value.Any(ChineseNumber.IsArabic)) continue;
            if (Read(match) is { } quantity)
                found.Add(new QuantityMatch(quantity, match.Index, match.Length, match.Value));
        }
        return found;
    }

    private static Quantity? Read(Match match)
    {
        var digits = match.Groups["num"].Value;
        var unitText = match.Groups["unit"].Value;
        var many = match.Groups["mid"].Success || unitText.Contains('多') || unitText.Contains('余') || match.Groups["post"].Value == "多";
        if (ChineseNumber.Parse(digits) is not { } value) return null;
        var unit = Units.First(u => u.Printed == (unitText.StartsWith('个') ? "个月" : unitText));

        var qualifier = match.Groups["post"].Value switch
        {
            "以上" => FactQualifier.AtLeast,
            "以下" => FactQualifier.AtMost,
            "左右" => FactQualifier.Approximately,
            _ when many => FactQualifier.MoreThan,
            _ => match.Groups["pre"].Value switch
            {
                "约" or "大约" or "近" => FactQualifier.Approximately,
                "逾" or "超过" => FactQualifier.MoreThan,
                _ => FactQualifier.Exact,
            },
        };
        return new Quantity(value * unit.Factor, unit.Unit, qualifier);
    }
}
