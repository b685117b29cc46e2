using System.Text.RegularExpressions;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>
/// The credit lines of a report, in each form papers print them: a dateline opening the lead (<c>本报讯(记者 赵继钊)</c>,
/// <c>新华社太原7月29日电(记者 X)</c>, <c>大同日报讯</c>), a line of its own (<c>本报记者 X 报道</c>, <c>记者 X 通讯员 Y</c>), or a
/// bracket closing the last paragraph (<c>(记者 X)</c>).
/// </summary>
internal sealed record Byline(string Printed, IReadOnlyList<string> Journalists, string Rest, (int Month, int Day)? Dateline = null)
{
    private const string Numerals = "0-9０-９一二三四五六七八九十〇";

    // 本报讯, 本报太原3月9日讯, 新华社南京12月19日电, 大同日报讯, 太原新闻网讯; then the credits in brackets, if any.
    // Pages mix full-width and half-width brackets, sometimes within one bracket pair.
    private static readonly Regex DatelinePattern = new(
        $@"^(?:本报|新华社|中新社|[\u4e00-\u9fff]{{2,8}}(?:日报|晚报|新闻网|融媒体中心|报))(?<place>[\u4e00-\u9fff]{{0,6}}?)(?:(?<month>[{Numerals}]{{1,3}})月(?<day>[{Numerals}]{{1,3}})日)?(?:讯|电)\s*(?:[(（](?<credits>[^()（）]*)[)）])?",
        RegexOptions.CultureInvariant);

    // A line of credits only: roles and names, maybe 报道, at most a few of each.
    private static readonly Regex CreditLine = new(
        @"^[□■◎●]?\s*(?:(?:本报|全媒体)?(?:记者|通讯员|见习记者|特约记者|实习生|摄影记者)[\s:：]*[\u4e00-\u9fff]{2,4}(?:[\s、,，]+[\u4e00-\u9fff]{2,4}){0,3}\s*)+(?:报道)?$",
        RegexOptions.CultureInvariant);

    // (记者 邢晓丽) or （记者 阎思远 通讯员 周琳） closing a paragraph.
    private static readonly Regex Closing = new(
        @"[(（]\s*(?<credits>(?:本报|全媒体)?(?:记者|通讯员|见习记者|特约记者|实习生)[^()（）]{1,40})[)）]\s*$", RegexOptions.CultureInvariant);

    // Longest first, so 本报记者 is not left as 本报.
    private static readonly string[] CreditRoles = ["全媒体记者", "本报记者", "见习记者", "特约记者", "摄影记者", "本报通讯员", "通讯员", "实习生", "记者"];

    public static bool StartsWith(string block) => DatelinePattern.IsMatch(block);

    public static bool IsCreditLine(string block) => block.Length <= 40 && CreditLine.IsMatch(block);

    /// <summary>Splits the dateline and credits off the start of a lead paragraph.</summary>
    public static Byline Parse(string block)
    {
        var match = DatelinePattern.Match(block);
        if (!match.Success)
            return new Byline("", [], block);
        (int Month, int Day)? dateline = null;
        if (Numbers.ChineseNumber.Parse(match.Groups["month"].Value) is { } month && Numbers.ChineseNumber.Parse(match.Groups["day"].Value) is { } day)
            dateline = ((int)month, (int)day);
        return new Byline(match.Value.Trim(), Names(match.Groups["credits"].Value), block[match.Length..].Trim(), dateline);
    }

    /// <summary>The names on a credit line of its own.</summary>
    public static Byline ParseLine(string block) => new(block.Trim(), Names(block.Replace("报道", " ")), "");

    /// <summary>Splits a closing <c>(记者 X)</c> off a paragraph: the paragraph without it, and the names.</summary>
    public static (string Paragraph, IReadOnlyList<string> Journalists, string? Printed) SplitClosing(string block)
    {
        var match = Closing.Match(block);
        return match.Success ? (block[..match.Index].TrimEnd(), Names(match.Groups["credits"].Value), match.Value.Trim()) : (block, [], null);
    }

    private static List<string> Names(string credits) =>
        credits.Split([' ', '\u3000', '、', ',', '，', ':', '：', '□', '■'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(StripRole)
            .Where(name => name.Length > 0)
            .ToList();

    /// <summary><c>记者</c> → empty; <c>记者赵继钊</c> → 赵继钊.</summary>
    internal static string StripRole(string credit)
    {
        foreach (var role in CreditRoles)
        {
            if (credit.StartsWith(role, StringComparison.Ordinal))
                return credit[role.Length..].Trim();
        }
        return credit;
    }
}
