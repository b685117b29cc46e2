namespace GraphQLArchive.Ingestion.Pages;

/// <summary>Splits a raw page of a Chinese city daily into articles.</summary>
public static class PageParser
{
    // Headlines are short; anything longer is running text even without a full stop.
    private const int MaxTitleLength = 50;

    // Kicker (引题), headline, subheadline.
    private const int MaxTitleLines = 3;

    /// <summary>Parses <paramref name="text"/>; month-day dates resolve against <paramref name="editionDate"/>.</summary>
    public static ParsedPage Parse(string text, DateOnly editionDate)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Blank lines carry no meaning of their own: whether a break is a paragraph end or a
        // column break is decided by the punctuation that ends the block.
        var blocks = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var starts = FindArticleStarts(blocks);

        var articles = new List<ParsedArticle>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].TitleStart : blocks.Count;
            articles.Add(ReadArticle(i + 1, blocks, starts[i], end, editionDate));
        }
        return new ParsedPage(articles);
    }

    private readonly record struct ArticleStart(int TitleStart, int BylineIndex);

    /// <summary>An article starts at the title lines right above each <c>本报讯</c> paragraph.</summary>
    private static List<ArticleStart> FindArticleStarts(List<string> blocks)
    {
        var starts = new List<ArticleStart>();
        for (var byline = 0; byline < blocks.Count; byline++)
        {
            if (!Byline.StartsWith(blocks[byline]))
                continue;

            var floor = starts.Count > 0 ? starts[^1].BylineIndex + 1 : 0;
            var titleStart = byline;
            while (titleStart > floor && byline - titleStart < MaxTitleLines && LooksLikeTitle(blocks[titleStart - 1]))
                titleStart--;

            // A fragment such as "对" continuing a sentence cut by a column break is not a kicker;
            // a lone title line, though, is always kept as the headline.
            if (byline - titleStart >= 2 && titleStart > 0 && ContinuesBrokenSentence(blocks[titleStart - 1]))
                titleStart++;

            // Without a title there is no new article; the paragraph stays with the one before.
            if (titleStart < byline)
                starts.Add(new ArticleStart(titleStart, byline));
        }
        return starts;
    }

    private static bool LooksLikeTitle(string block) =>
        block.Length <= MaxTitleLength
        && !Byline.StartsWith(block)
        && !PhotoCaption.IsCaption(block)
        && !PhotoCaption.IsCredit(block)
        && !block.Contains('。')
        && !Punctuation.EndsSentence(block)
        && !EndsWithClauseBreak(block);

    private static bool ContinuesBrokenSentence(string previous) =>
        !LooksLikeTitle(previous) && !PhotoCaption.IsCredit(previous) && !Punctuation.EndsSentence(previous);

    private static bool EndsWithClauseBreak(string block) => block[^1] is ',' or '，' or '、';

    private static ParsedArticle ReadArticle(int ordinal, List<string> blocks, ArticleStart start, int end, DateOnly editionDate)
    {
        var titles = blocks[start.TitleStart..start.BylineIndex];
        var (kicker, headline, subheadline) = titles.Count switch
        {
            1 => (null, titles[0], null),
            2 => (null, titles[0], titles[1]),
            _ => (titles[0], titles[1], (string?)titles[2]),
        };

        var byline = Byline.Parse(blocks[start.BylineIndex]);
        var body = new List<string>();
        if (byline.Rest.Length > 0)
            body.Add(byline.Rest);
        body.AddRange(blocks[(start.BylineIndex + 1)..end]);

        var (paragraphs, photos) = LayoutRepair.Repair(body);
        return new ParsedArticle(
            ordinal,
            kicker,
            headline,
            subheadline,
            byline.Printed,
            byline.Journalists,
            EventDates.FromLead(paragraphs.FirstOrDefault(), editionDate),
            paragraphs,
            photos);
    }
}
