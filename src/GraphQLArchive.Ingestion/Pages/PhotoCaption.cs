using System.Text.RegularExpressions;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>Recognizes photo captions (<c>图为奠基仪式现场。</c>) and credit lines (<c>梁琛 摄</c>) set into the running text.</summary>
internal static class PhotoCaption
{
    private static readonly Regex CaptionStart = new(@"^[上下左右]?图为", RegexOptions.CultureInvariant);

    // A credit is a few names and 摄: "梁琛 摄", "本报记者 梁琛 摄", "梁琛、王涛 摄".
    private static readonly Regex Credit = new(@"^(?<who>[^\s,，。；;:：]{1,12}(?:[\s、]+[^\s,，。；;:：]{1,12}){0,3})\s*摄$", RegexOptions.CultureInvariant);

    // A caption that carries its credit on the same line: "图为奠基仪式现场。梁琛 摄".
    private static readonly Regex CaptionWithCredit = new(@"^(?<caption>.*[。！？!?])\s*(?<credit>[^。！？!?]{1,40}摄)$", RegexOptions.CultureInvariant);

    public static bool IsCaption(string block) => CaptionStart.IsMatch(block);

    public static bool IsCredit(string block) => Credit.IsMatch(block);

    /// <summary>The photographer in a credit line, without the 摄 and any role word.</summary>
    public static string? ReadCredit(string block)
    {
        var match = Credit.Match(block.Trim());
        return match.Success ? Byline.StripRole(match.Groups["who"].Value.Trim()) : null;
    }

    /// <summary>Splits a caption block into caption and credit when both are printed on one line.</summary>
    public static ParsedPhoto Read(string captionBlock)
    {
        var match = CaptionWithCredit.Match(captionBlock);
        if (match.Success && ReadCredit(match.Groups["credit"].Value) is { } credit)
            return new ParsedPhoto(match.Groups["caption"].Value.Trim(), credit);
        return new ParsedPhoto(captionBlock, null);
    }
}
