using System.Text.RegularExpressions;
using GraphQLArchive.Ingestion.Lexicon;
using GraphQLArchive.Ingestion.Numbers;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>
/// Projects (names ending in 项目, or a facility's name before its figures) with the figures and milestones printed about them: from the sentence
/// that names a project to the end of its paragraph, or to the next project named there.
/// </summary>
internal static class ProjectFinder
{
    private static WordLexicon Words => WordLexicon.Default;

    private static readonly string[] ProperFlags = ["ns", "nr", "nrt", "nt", "nz", "eng", "j"];
    private static IReadOnlyList<string> NotProper => Words.Projects.NotProper;

    private static IReadOnlyList<(string Word, MilestoneEvent Event)> Events => Words.Projects.Milestones;

    // A milestone wished for, not reached: 推动项目尽早建成, 确保尽早投产, 建成后预计…
    private static IReadOnlyList<string> Wishes => Words.Projects.Wishes;

    private static readonly Regex Phases = new(@"分(?<n>[0-9一二两三四五六七八九十]+)期", RegexOptions.CultureInvariant);

    private static IReadOnlyList<string> LabelFillers => Words.Projects.LabelFillers;

    // Not one project but a group or a kind of them: 一批重点项目, 45个项目, 等8个代表项目, 深化转型项目.
    private static readonly Regex Aggregate = new(
        $"[0-9０-９一二三四五六七八九十百千两几多]+(?:{Alternation.Of(WordLexicon.Default.Projects.GroupMeasures)})|^(?:{Alternation.Of(WordLexicon.Default.Projects.GroupStarts)})|等|(?:{Alternation.Of(WordLexicon.Default.Projects.GroupEnds)})$",
        RegexOptions.CultureInvariant);


    public static bool IsProjectName(SuffixName found, IReadOnlyList<Token> tokens) => IsPlainName(found) && HasProperWord(found, tokens);

    /// <summary>A name, not a group of projects nor a clause swallowed whole.</summary>
    private static bool IsPlainName(SuffixName found)
    {
        var prefix = found.Name[..^found.Suffix.Length];
        if (prefix.Length < 3 || prefix.Any(char.IsDigit) && !prefix.Any(Gazetteer.IsCjk)) return false;
        if (Aggregate.IsMatch(prefix)) return false;
        // A clause swallowed whole: "区委书记甄晓辉率队调研民生实事项目" names an official and a verb, not a project.
        if (Words.Offices.Any(o => prefix.Contains(o, StringComparison.Ordinal)) || Words.RoleVerbs.Any(v => prefix.Contains(v.Verb, StringComparison.Ordinal))) return false;
        return true;
    }

    private static bool HasProperWord(SuffixName found, IReadOnlyList<Token> tokens) =>
        tokens.Any(t => t.Start >= found.Start && t.End <= found.End - found.Suffix.Length && ProperFlags.Contains(t.Flag) && !NotProper.Contains(t.Word));

    /// <summary>
    /// Projects printed without 项目: a facility's proper name followed by its figures, "其中,泉州海丝智能装备产业园总投资32亿元".
    /// </summary>
    public static IEnumerable<SuffixName> Facilities(string paragraph, IReadOnlyList<Token> tokens) =>
        SuffixNames.Find(paragraph, Words.Projects.FacilitySuffixes, maxPrefix: 16)
            .Where(f => Words.Projects.FigureLeads.Any(l => string.CompareOrdinal(paragraph, f.End, l, 0, l.Length) == 0))
            .Where(f => IsProjectName(f, tokens));

    // "A、B、C等15个项目集中开工": the items before 等 and a count of projects are the projects' own names.
    private static readonly Regex EnumerationEnd = new(
        $"等(?:[0-9０-９一二三四五六七八九十百两几多]+(?:{Alternation.Of(WordLexicon.Default.Projects.GroupMeasures)}))?(?:{Alternation.Of(WordLexicon.Default.Projects.GroupEnds)})?项目",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Projects listed by name before 等…项目: "宝丰县城南初级中学、宝丰县人民医院门诊楼、净肠河湿地修复工程等15个项目".
    /// Every item must be a name of four or more characters, and one at least a proper one (a place or a name jieba knows).
    /// </summary>
    public static IEnumerable<SuffixName> Enumerated(string paragraph, IReadOnlyList<Token> tokens)
    {
        foreach (Match end in EnumerationEnd.Matches(paragraph))
        {
            var start = end.Index;
            while (start > 0 && (paragraph[start - 1] == '、' || Gazetteer.IsNameChar(paragraph[start - 1])))
                start--;
            var items = new List<SuffixName>();
            var at = start;
            foreach (var item in paragraph[start..end.Index].Split('、'))
            {
                var first = items.Count == 0 ? at + Lead(item) : at;
                var name = paragraph[first..(at + item.Length)];
                items.Add(new SuffixName(name, "", first));
                at += item.Length + 1;
            }
            // A local name jieba does not know (净肠河) may stand in a list whose other items it does.
            if (items.Count >= 2 && items.All(i => i.Name.Length >= 4 && IsPlainName(i)) && items.Any(i => HasProperWord(i, tokens)))
                foreach (var item in items)
                    yield return item;
        }
    }

    // "…集中开工仪式举行,宝丰县…": where a list's first item starts after the words that lead into it.
    private static int Lead(string item) =>
        Gazetteer.LeftDelimiters.Select(d => item.LastIndexOf(d, StringComparison.Ordinal) is var i && i >= 0 ? i + d.Length : 0).DefaultIfEmpty(0).Max();

    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', ';'];
    private static readonly char[] ClauseEnds = [',', '，'];

    /// <summary>
    /// The text of <paramref name="paragraph"/> about <paramref name="name"/>: from the sentence (or semicolon clause) that
    /// names it to the next project named there. "A项目总投资32亿元,…；B项目总投资15亿元" gives A's figures to A only.
    /// </summary>
    public static string Scope(string paragraph, string name, IEnumerable<string> otherProjects)
    {
        var others = otherProjects.ToList();
        var scopes = new List<string>();
        // Every place the paragraph names the project: "来到A项目、B项目现场…。A项目总投资9.6亿元" tells A's figures later.
        for (var at = paragraph.IndexOf(name, StringComparison.Ordinal); at >= 0; at = paragraph.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            var start = at <= 0 ? 0 : paragraph.LastIndexOfAny(SentenceEnds, at - 1) + 1;
            // "其中,A总投资45亿元,B总投资18亿元": another project named earlier in the sentence keeps its clauses.
            if (others.Any(other => IndexOfOther(paragraph, other, name, start) is var before && before >= 0 && before < at))
                start = Math.Max(start, paragraph.LastIndexOfAny(ClauseEnds, at - 1) + 1);
            var end = paragraph.Length;
            foreach (var other in others)
            {
                var next = IndexOfOther(paragraph, other, name, at + name.Length);
                if (next < 0) continue;
                var sentence = paragraph.LastIndexOfAny(SentenceEnds, next - 1) + 1;
                // Named in the same clause run as this one: the scope ends at the comma before it.
                var cut = sentence > at ? sentence : paragraph.LastIndexOfAny(ClauseEnds, next - 1) + 1;
                end = Math.Min(end, cut);
            }
            var scope = paragraph[start..Math.Max(end, at + name.Length)];
            if (!scopes.Contains(scope)) scopes.Add(scope);
        }
        return string.Join("。", scopes);
    }

    // Another project's name, not where it is only part of this one's.
    private static int IndexOfOther(string paragraph, string other, string name, int from)
    {
        for (var at = paragraph.IndexOf(other, from, StringComparison.Ordinal); at >= 0; at = paragraph.IndexOf(other, at + 1, StringComparison.Ordinal))
        {
            var inName = paragraph.LastIndexOf(name, at + other.Length - 1, StringComparison.Ordinal) is var n && n >= 0 && n <= at && n + name.Length >= at + other.Length;
            if (!inName) return at;
        }
        return -1;
    }

    public static IReadOnlyList<RegistryFact> Facts(string scope)
    {
        var facts = new List<RegistryFact>();
        foreach (var clause in Clauses(scope))
        {
            foreach (Match phase in Phases.Matches(clause))
            {
                if (ChineseNumber.Parse(phase.Groups["n"].Value) is { } n)
                    facts.Add(new RegistryFact("建设期数", n, "phase", FactQualifier.Exact, clause));
            }
            foreach (var figure in QuantityParser.FindAll(clause))
                facts.Add(new RegistryFact(Label(clause, figure), figure.Quantity.Value, figure.Quantity.Unit, figure.Quantity.Qualifier, clause));
        }
        return facts;
    }

    public static IReadOnlyList<RegistryMilestone> Milestones(string scope, DateOnly? eventDate) => Milestones(scope, eventDate, Words.Projects.MilestoneClauseWords);

    /// <summary>
    /// The step a whole report is about, from its headline and lead: 重点项目集中开工, 签署战略合作协议…出席签约仪式. A project
    /// whose own sentences name no step reached it at the report's date (其中,X项目总投资60亿元 in a report of a signing).
    /// </summary>
    public static IReadOnlyList<RegistryMilestone> ReportMilestones(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var lead = string.Join("。", new[] { article.Headline }.Concat(article.Paragraphs.Take(1)).OfType<string>());
        return Milestones(lead, article.EventDate, Words.Projects.ReportEventWords);
    }

    private static IReadOnlyList<RegistryMilestone> Milestones(string scope, DateOnly? eventDate, IReadOnlyList<string> clauseWords)
    {
        var milestones = new List<RegistryMilestone>();
        foreach (var clause in Clauses(scope))
        {
            if (!clauseWords.Any(w => clause.Contains(w, StringComparison.Ordinal))) continue;
            // "从签约落地到建成投产仅用时…": the start is past, undated; the end is a duration's end, not an event.
            var to = clause.IndexOf('到');
            var span = clause.Contains('从') && to > 0;
            foreach (var (word, @event) in Events)
            {
                for (var at = clause.IndexOf(word, StringComparison.Ordinal); at >= 0; at = clause.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    if (span && at > to) continue;
                    if (Wishes.Any(w => clause.LastIndexOf(w, at, StringComparison.Ordinal) is var wi && wi >= 0 && wi < at)) continue;
                    if (clause.Length > at + word.Length && clause[at + word.Length] == '后') continue;
                    milestones.Add(new RegistryMilestone(span ? null : eventDate, @event, clause));
                }
            }
        }
        // One milestone per event; a dated one beats an undated one.
        return milestones.GroupBy(m => m.Event).Select(g => g.OrderBy(m => m.Date is null).First()).OrderBy(m => m.Event).ToList();
    }

    public static ProjectStatus Status(IReadOnlyList<RegistryMilestone> milestones, string scope)
    {
        var reached = milestones.Where(m => m.Date is not null).Select(m => m.Event).ToList();
        if (reached.Contains(MilestoneEvent.Completed)) return ProjectStatus.Completed;
        if (reached.Contains(MilestoneEvent.InProduction)) return ProjectStatus.InProduction;
        if (reached.Contains(MilestoneEvent.Started) || reached.Contains(MilestoneEvent.GroundBreaking)) return ProjectStatus.Started;
        return milestones.Any(m => m.Event is MilestoneEvent.Started) ? ProjectStatus.Started : ProjectStatus.Signed;
    }

    private static IEnumerable<string> Clauses(string text) =>
        text.Split([',', '，', '。', '；', ';', '！', '？'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>总投资52亿元 → 总投资; 建成后预计年营业额7亿元以上 → 预计年营业额; 180台蓝宝石单晶炉… → 蓝宝石单晶炉….</summary>
    private static string Label(string clause, QuantityMatch figure)
    {
        var before = clause[..clause.IndexOf(figure.Printed, StringComparison.Ordinal)];
        var label = Strip(before);
        return label.Length > 0 ? label : Strip(clause[(clause.IndexOf(figure.Printed, StringComparison.Ordinal) + figure.Printed.Length)..]);
    }

    private static string Strip(string text)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var filler in LabelFillers)
            {
                if (text.StartsWith(filler, StringComparison.Ordinal)) { text = text[filler.Length..]; changed = true; }
            }
        }
        return text.Trim();
    }
}
