using System.Globalization;

namespace GraphQLArchive.Ingestion.Numbers;

/// <summary>
/// Reads numbers as Chinese newspapers print them: Arabic (5800, 8.4, full-width ５８), Chinese numerals
/// (十二, 两千, 一百零五) and both mixed with the large units (8.4万, 52亿, 1亿2000万).
/// </summary>
public static class ChineseNumber
{
    internal const string Digits = "零〇一二两三四五六七八九";
    internal const string SmallUnits = "十百千";
    internal const string LargeUnits = "万亿";

    /// <summary>The value of <paramref name="text"/>, or null when it is not a whole number expression.</summary>
    public static decimal? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim().Replace(",", "").Replace("，", "");
        if (text.Length == 0) return null;

        decimal total = 0, section = 0; // section: the part below the last 万/亿
        decimal? number = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsArabic(c) || (c is '.' or '．' && number is null))
            {
                var start = i;
                while (i < text.Length && (IsArabic(text[i]) || text[i] is '.' or '．')) i++;
                var literal = new string(text[start..i].Select(ch => ch is '．' ? '.' : char.IsDigit(ch) ? (char)('0' + (int)char.GetNumericValue(ch)) : ch).ToArray());
                if (number is not null || !decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
                number = value;
                continue;
            }
            var digit = Digits.IndexOf(c);
            if (digit >= 0)
            {
                // 零 only separates places (一百零五); a digit after a digit is read positionally (二〇二一).
                number = number is { } n && c is not '零' ? n * 10 + DigitValue(c) : DigitValue(c);
            }
            else if (SmallUnits.IndexOf(c) is var small and >= 0)
            {
                var unit = small switch { 0 => 10m, 1 => 100m, _ => 1000m };
                section += (number ?? (small == 0 ? 1 : (decimal?)null) ?? 0) * unit; // 十二: a bare 十 is 10
                if (number is null && small != 0) return null;
                number = null;
            }
            else if (c == '万')
            {
                if (number is null && section == 0) return null;
                total += (section + (number ?? 0)) * 10_000m;
                section = 0;
                number = null;
            }
            else if (c == '亿')
            {
                if (number is null && section == 0 && total == 0) return null;
                total = (total + section + (number ?? 0)) * 100_000_000m;
                section = 0;
                number = null;
            }
            else
            {
                return null;
            }
            i++;
        }
        return total + section + (number ?? 0);
    }

    internal static bool IsArabic(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    internal static bool IsNumberChar(char c) => IsArabic(c) || c is '.' or '．' || Digits.Contains(c) || SmallUnits.Contains(c) || LargeUnits.Contains(c);

    private static decimal DigitValue(char c) => c switch
    {
        '零' or '〇' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4,
        '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
