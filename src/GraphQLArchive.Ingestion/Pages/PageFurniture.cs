using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>
/// What a web page prints around a report: menus, breadcrumbs, publish-time and view-count lines, forum headers, share
/// and print buttons, photo placeholders. Reports copied from news sites carry it; none of it is the report.
/// </summary>
internal static class PageFurniture
{
    private static PageFurnitureWords Words => WordLexicon.Default.Furniture;

    /// <summary>The blocks without furniture, in order; what follows a closing marker (新闻推荐, 上一篇) is dropped too.</summary>
    public static List<string> Strip(IReadOnlyList<string> blocks)
    {
        var kept = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (Words.PageEnds.Any(m => block.StartsWith(m, StringComparison.Ordinal)) && kept.Count > 0) break;
            if (IsFurniture(block) || InMenu(blocks, i)) continue;
            kept.Add(block);
        }
        return kept;
    }

    private static bool IsFurniture(string block) =>
        Words.Lines.Contains(block)
        || Words.LineStarts.Any(m => block.StartsWith(m, StringComparison.Ordinal))
        // A bare date, time or rule line: 08.08.2016 14:09, ---|.
        || block.All(c => !char.IsLetter(c));

    // A menu is a run of very short lines: 首页, 时政, 要闻… A headline is never that short three times in a row.
    private static bool InMenu(IReadOnlyList<string> blocks, int index)
    {
        bool Short(int i) => i >= 0 && i < blocks.Count && blocks[i].Length <= Words.MenuItemLength && !blocks[i].Any(c => c is '。' or ',' or '，');
        if (!Short(index)) return false;
        var from = index;
        while (Short(from - 1)) from--;
        var to = index;
        while (Short(to + 1)) to++;
        return to - from + 1 >= Words.MenuRun;
    }
}
