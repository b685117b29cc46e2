using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Lexicon;
using GraphQLArchive.Ingestion.Numbers;

namespace GraphQLArchive.Ingestion.Pages;

/// <summary>
/// The date of a report's main event, from its lead: 7月29日 (or a site's 2月 2日), 2024年3月14日, 一月十九日, 26日 (this month of the edition, or
/// the last), 昨日/今日/前日 (from the edition date), else the dateline's 7月29日电.
/// </summary>
internal static class EventDates
{
    private const string Numerals = "0-9０-９一二三四五六七八九十〇零两";

    /// <summary>A printed date: 7月29日, 2月 2日, 2024年3月14日, 一月十九日, 26日. The page parser opens leads with it too.</summary>
    internal const string PrintedDate =
        $@"(?:(?<year>[0-9０-９]{{4}}|[一二三四五六七八九〇零]{{4}})年)?(?:(?<month>[{Numerals}]{{1,3}})月[ \u3000]?)?(?<day>[{Numerals}]{{1,3}})日";

    /// <summary>The lexicon's relative days (昨日, 今天…) as alternatives, longest first.</summary>
    internal static readonly string RelativeDay =
        Alternation.Of(WordLexicon.Default.RelativeDays.Keys);

    private static readonly Regex Date = new(PrintedDate + "|(?<relative>" + RelativeDay + ")", RegexOptions.CultureInvariant);

    // A date that names the time of a background event: 自3月以来, 7月6日以来, 在7月6日…活动中, 继7月29日之后.
    private static readonly Regex Background = new(@"^(?:以来|之前|之后|以后|前后|起|至|到|期间|前|后|的)", RegexOptions.CultureInvariant);

    // What follows a main event's date: a comma, a time of day, or 电/讯 of a dateline.
    private static readonly Regex MainEvent = new(@"^(?:上午|下午|晚上|晚|早上|凌晨|中午|傍晚|夜间)?(?:至[0-9０-９一二三四五六七八九十]+日)?\s*[,，]", RegexOptions.CultureInvariant);

    /// <summary>
    /// The main event's date from the lead; a lead that dates nothing ("全县秋季义务植树活动在后山生态林场启动。") may be an
    /// introduction, and then the next paragraph's opening "10月26日上午," dates the event. 近日 and 日前 leave it undated.
    /// </summary>
    public static DateOnly? FromParagraphs(IReadOnlyList<string> paragraphs, DateOnly editionDate, (int Month, int Day)? dateline = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var lead = paragraphs.FirstOrDefault();
        if (lead is not null && paragraphs.Count > 1 && SetsTheScene(lead) && OpensWithItsDate(paragraphs[1]))
            return FromLead(paragraphs[1], editionDate, dateline);
        return FromLead(lead, editionDate, dateline);
    }

    public static DateOnly? FromLead(string? lead, DateOnly editionDate, (int Month, int Day)? dateline = null)
    {
        var candidates = new List<(DateOnly Date, bool Main)>();
        if (lead is not null)
        {
            // The main event is told in the lead's first sentence; later ones give background. A first sentence that
            // dates nothing sets the scene ("新春佳节将至,…。2月2日,…"): then the next one, when it opens with its date.
            var sentences = lead.Split('。', 3);
            var firstSentence = sentences.Length > 1 && SetsTheScene(sentences[0]) && OpensWithItsDate(sentences[1])
                ? sentences[1] : sentences[0];
            foreach (Match match in Date.Matches(firstSentence))
            {
                if (match.Index > 0 && ChineseNumber.IsNumberChar(firstSentence[match.Index - 1])) continue; // 第12日
                var after = firstSentence[(match.Index + match.Length)..];
                var main = MainEvent.IsMatch(after); // 7月28日至29日, is a range's start, not background
                if (!main && Background.IsMatch(after) || IsBackgroundClause(firstSentence, match.Index)) continue;
                // 今天 in a report datelined 本报2月3日讯 is the 3rd, whatever day the page was printed.
                var today = match.Groups["relative"].Success && dateline is { } told && MonthDay(editionDate, told.Month, told.Day) is { } datelined ? datelined : editionDate;
                if (Resolve(match, today) is { } date)
                    candidates.Add((date, main));
            }
        }
        if (candidates.Count > 0)
            return candidates.OrderByDescending(c => c.Main).First().Date;
        return dateline is { } md ? MonthDay(editionDate, md.Month, md.Day) : null;
    }

    /// <summary>
    /// A passage that dates nothing and says no 近日 sets the scene, and the date the next one opens with is the event's.
    /// One rule for the sentences of a lead and for a lead and its next paragraph: "近日,…。3月5日,…" is undated either way.
    /// </summary>
    private static bool SetsTheScene(string passage) =>
        !Date.IsMatch(passage) && !WordLexicon.Default.UndatedTimeWords.Any(w => passage.Contains(w, StringComparison.Ordinal));

    private static bool OpensWithItsDate(string passage) =>
        Date.Match(passage) is { Success: true, Index: 0 } opening && MainEvent.IsMatch(passage[opening.Length..]);

    // "在7月6日全市工业项目督导活动中", "继7月29日…后": the date of something else the report refers to.
    private static bool IsBackgroundClause(string sentence, int at)
    {
        var clauseStart = Math.Max(sentence.LastIndexOfAny([',', '，'], Math.Max(at - 1, 0)) + 1, 0);
        var lead = sentence[clauseStart..at];
        return lead.EndsWith('继') || lead.EndsWith('自') || lead.EndsWith('从') || lead.EndsWith("截至", StringComparison.Ordinal) || lead.EndsWith('于') && lead.Length > 1;
    }

    private static DateOnly? Resolve(Match match, DateOnly edition)
    {
        if (match.Groups["relative"].Success)
        {
            return edition.AddDays(-WordLexicon.Default.RelativeDays[match.Groups["relative"].Value]);
        }
        if (ChineseNumber.Parse(match.Groups["day"].Value) is not { } dayValue || dayValue is < 1 or > 31)
            return null;
        var day = (int)dayValue;
        if (!match.Groups["month"].Success)
        {
            // 26日 without a month: this month of the edition, or the month before when that day is still to come.
            var thisMonth = TryDate(edition.Year, edition.Month, day);
            if (thisMonth is { } d && d <= edition) return d;
            var previous = edition.AddMonths(-1);
            return TryDate(previous.Year, previous.Month, day);
        }
        if (ChineseNumber.Parse(match.Groups["month"].Value) is not { } monthValue || monthValue is < 1 or > 12)
            return null;
        if (match.Groups["year"].Success && ChineseNumber.Parse(match.Groups["year"].Value) is { } year)
            return TryDate((int)year, (int)monthValue, day);
        return MonthDay(edition, (int)monthValue, day);
    }

    // A report cannot be about a day after it was printed: "12月30日" in a January paper is last year.
    private static DateOnly? MonthDay(DateOnly edition, int month, int day) =>
        TryDate(edition.Year, month, day) is { } date && date <= edition ? date : TryDate(edition.Year - 1, month, day);

    private static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
