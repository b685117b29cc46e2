using System.Text.RegularExpressions;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>The <c>本报讯(记者 赵继钊 殷雪莺)</c> opening of a report's first paragraph.</summary>
internal sealed record Byline(string Printed, IReadOnlyList<string> Journalists, string Rest)
{
    public const string Marker = "本报讯";

    // Pages mix full-width and half-width brackets, sometimes within one bracket pair.
    private static readonly Regex Pattern = new(@"^本报讯\s*(?:[(（](?<credits>[^()（）]*)[)）])?", RegexOptions.CultureInvariant);

    // Longest first, so 本报记者 is not left as 本报.
    private static readonly string[] CreditRoles = ["本报记者", "见习记者", "特约记者", "摄影记者", "通讯员", "实习生", "记者"];

    public static bool StartsWith(string block) => block.StartsWith(Marker, StringComparison.Ordinal);

    public static Byline Parse(string block)
    {
        var match = Pattern.Match(block);
        var journalists = match.Groups["credits"].Value
            .Split([' ', '\u3000', '、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(StripRole)
            .Where(name => name.Length > 0)
            .ToList();
        return new Byline(match.Value.Trim(), journalists, block[match.Length..].Trim());
    }

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
