using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>
/// Splits a raw page of a Chinese daily into its reports. A report is a headline block (kicker, headline,
/// subheadline: short lines without a full stop), maybe a credit line, then the body. It starts at a headline block
/// above a lead, or at a lead that opens with a dateline (本报讯, 新华社…电) even when no headline is printed.
/// </summary>
public static class PageParser
{
    // Headlines are short; anything longer is running text even without a full stop.
    private const int MaxTitleLength = 50;

    // Kicker (引题), headline, subheadline.
    private const int MaxTitleLines = 3;

    private static readonly string Undated = string.Join('|', WordLexicon.Default.UndatedTimeWords.Select(Regex.Escape));

    // How a lead without a dateline opens: with the event's date or a word of time. Section headings inside a long
    // report are followed by running text, not by this.
    private static readonly Regex LeadOpening = new(
        "^" + EventDates.PrintedDate + "|^(?:" + EventDates.RelativeDay + "|" + Undated + "|"
        + string.Join('|', WordLexicon.Default.LeadOpenings.Select(Regex.Escape)) + ")"
        // A purpose clause or a sentence of background first: 为推进…,近日,…; 某县持续推进…。3月5日,…
        + @"|^[^\n]{0,40}?[,，。](?:" + Undated + "|" + EventDates.PrintedDate + ")",
        RegexOptions.CultureInvariant);

    /// <summary>Parses <paramref name="text"/>; month-day dates resolve against <paramref name="editionDate"/>.</summary>
    public static ParsedPage Parse(string text, DateOnly editionDate)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Blank lines carry no meaning of their own: whether a break is a paragraph end or a
        // column break is decided by the punctuation that ends the block.
        var blocks = PageFurniture.Strip(text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList());
        var starts = FindArticleStarts(blocks);

        var articles = new List<ParsedArticle>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].TitleStart : blocks.Count;
            articles.Add(ReadArticle(i + 1, blocks, starts[i], end, editionDate));
        }
        return new ParsedPage(articles);
    }

    /// <summary>Where a report starts: its first title line (none when <c>TitleStart == LeadIndex</c>), and its lead.</summary>
    private readonly record struct ArticleStart(int TitleStart, int CreditLine, int LeadIndex);

    private static List<ArticleStart> FindArticleStarts(List<string> blocks)
    {
        var starts = new List<ArticleStart>();
        for (var lead = 0; lead < blocks.Count; lead++)
        {
            var block = blocks[lead];
            if (LooksLikeTitle(block) || Byline.IsCreditLine(block) || PhotoCaption.IsCaption(block) || PhotoCaption.IsCredit(block))
                continue;

            var floor = starts.Count > 0 ? starts[^1].LeadIndex + 1 : 0;
            var creditLine = lead > floor && Byline.IsCreditLine(blocks[lead - 1]) ? lead - 1 : lead;
            var titleStart = creditLine;
            while (titleStart > floor && creditLine - titleStart < MaxTitleLines && LooksLikeTitle(blocks[titleStart - 1]))
                titleStart--;

            // A fragment such as "对" continuing a sentence cut by a column break is not a kicker.
            if (titleStart < creditLine && titleStart > 0 && ContinuesBrokenSentence(blocks, titleStart - 1))
                titleStart = creditLine - titleStart >= 2 ? titleStart + 1 : creditLine;

            var titled = titleStart < creditLine;
            var atPageStart = titleStart == 0 || starts.Count == 0 && blocks.Take(titleStart).All(b => PhotoCaption.IsCaption(b) || PhotoCaption.IsCredit(b));
            var opensReport = Byline.StartsWith(block) || creditLine < lead || LeadOpening.IsMatch(block);
            // Without a title and a lead, there is no new report; the paragraph stays with the one before.
            if ((titled && (opensReport || atPageStart)) || (!titled && Byline.StartsWith(block) && !ContinuesBrokenSentence(blocks, lead - 1))
                || (!titled && starts.Count == 0 && atPageStart && (opensReport || creditLine < lead)))
                starts.Add(new ArticleStart(titleStart, creditLine, lead));
        }
        return starts;
    }

    private static bool LooksLikeTitle(string block) =>
        block.Length <= MaxTitleLength
        && !Byline.StartsWith(block)
        && !Byline.IsCreditLine(block)
        && !PhotoCaption.IsCaption(block)
        && !PhotoCaption.IsCredit(block)
        && !block.Contains('。')
        && !Punctuation.EndsSentence(block)
        && !EndsWithClauseBreak(block);

    /// <summary>True when the block at <paramref name="index"/> stops mid-sentence, so what follows continues it.</summary>
    private static bool ContinuesBrokenSentence(List<string> blocks, int index)
    {
        // A photo set into the text sits between the halves of a sentence: look past it.
        while (index >= 0 && (PhotoCaption.IsCaption(blocks[index]) || PhotoCaption.IsCredit(blocks[index])))
            index--;
        if (index < 0) return false;
        var previous = blocks[index];
        return !LooksLikeTitle(previous) && !Byline.IsCreditLine(previous) && !Punctuation.EndsSentence(Byline.SplitClosing(previous).Paragraph + (Byline.SplitClosing(previous).Printed is null ? "" : "。"));
    }

    private static bool EndsWithClauseBreak(string block) => block[^1] is ',' or '，' or '、';

    private static ParsedArticle ReadArticle(int ordinal, List<string> blocks, ArticleStart start, int end, DateOnly editionDate)
    {
        var titles = blocks[start.TitleStart..start.CreditLine];
        var (kicker, headline, subheadline) = titles.Count switch
        {
            0 => (null, "", null),
            1 => (null, titles[0], null),
            2 => (null, titles[0], titles[1]),
            _ => (titles[0], titles[1], (string?)titles[2]),
        };

        var printed = new List<string>();
        var journalists = new List<string>();
        if (start.CreditLine < start.LeadIndex)
        {
            var line = Byline.ParseLine(blocks[start.CreditLine]);
            printed.Add(line.Printed);
            journalists.AddRange(line.Journalists);
        }
        var byline = Byline.Parse(blocks[start.LeadIndex]);
        if (byline.Printed.Length > 0) printed.Add(byline.Printed);
        journalists.AddRange(byline.Journalists);

        var body = new List<string>();
        if (byline.Rest.Length > 0)
            body.Add(byline.Rest);
        body.AddRange(blocks[(start.LeadIndex + 1)..end]);
        // A closing "(记者 X)" ends its paragraph; it is a credit, not text.
        for (var i = 0; i < body.Count; i++)
        {
            var (paragraph, closing, closingPrinted) = Byline.SplitClosing(body[i]);
            if (closingPrinted is null) continue;
            body[i] = paragraph.Length > 0 ? paragraph : body[i];
            printed.Add(closingPrinted);
            journalists.AddRange(closing);
        }

        var (paragraphs, photos) = LayoutRepair.Repair(body);
        return new ParsedArticle(
            ordinal,
            kicker,
            headline,
            subheadline,
            printed.Count > 0 ? string.Join(" ", printed) : null,
            journalists.Distinct().ToList(),
            EventDates.FromParagraphs(paragraphs, editionDate, byline.Dateline),
            paragraphs,
            photos);
    }
}
