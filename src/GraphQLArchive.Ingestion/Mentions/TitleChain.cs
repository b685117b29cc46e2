namespace GraphQLArchive.Ingestion.Mentions;

/// <summary>Reads the titles printed right before a name: <c>省委常委、市委书记罗清宇</c> → [省委常委, 市委书记].</summary>
internal static class TitleChain
{
    // A chain starts after the previous clause or sentence.
    private const string Boundaries = ",，。；;：:！!？?“”\n";

    // "市领导刘鹤、杨继承" lists officials without giving their titles.
    private static readonly string[] LeaderMarkers = ["省领导", "市领导", "区领导", "县领导", "领导"];

    // What a printed title ends with: 书记, 常委, 政委, 市长, 秘书长, 司令员, 主任…; this keeps text such
    // as "会议由" or "随后" from being read as a title.
    private static readonly string[] TitleEndings = ["书记", "委", "长", "员", "主任", "主席", "司令", "经理", "理事", "代表", "负责人", "总监", "总裁"];

    /// <summary>
    /// The titles before the name starting at <paramref name="nameStart"/>, reading back no further than
    /// <paramref name="floor"/> (the end of the previous name, so "刘鹤、杨继承" gives 杨继承 no titles).
    /// </summary>
    public static IReadOnlyList<string> Before(string text, int nameStart, int floor)
    {
        var start = nameStart;
        while (start > floor && !Boundaries.Contains(text[start - 1]))
            start--;

        var segments = Segments(text[start..nameStart]);
        // Keep the titles nearest the name; stop at the first segment that is not a title.
        var titles = new List<string>();
        for (var i = segments.Count - 1; i >= 0 && IsTitle(segments[i]); i--)
            titles.Insert(0, segments[i]);
        return titles;
    }

    /// <summary>True when <paramref name="prefix"/> holds nothing but titles, a leader marker, or nothing at all.</summary>
    public static bool IsOnlyTitles(string prefix) => Segments(prefix).All(IsTitle);

    private static List<string> Segments(string chain)
    {
        chain = chain.Trim();
        foreach (var marker in LeaderMarkers)
        {
            if (chain.StartsWith(marker, StringComparison.Ordinal))
            {
                chain = chain[marker.Length..];
                break;
            }
        }
        return chain.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static bool IsTitle(string segment) => TitleEndings.Any(ending => segment.EndsWith(ending, StringComparison.Ordinal));
}
