using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Lexicon;

/// <summary>
/// The word lists the extractor matches on, loaded from <c>seeds/lexicon/*.v1.json</c> (embedded in this assembly, so
/// every host reads the same version). One list per concept: code never carries a second copy.
/// </summary>
public sealed class WordLexicon
{
    public required int Version { get; init; }
    public required IReadOnlySet<char> Surnames { get; init; }
    public required IReadOnlyList<string> CompoundSurnames { get; init; }
    /// <summary>The syllable words of transliterated names (孟和, 巴图, 才让, 艾尔肯), longest first.</summary>
    public required IReadOnlyList<string> TransliteratedNameParts { get; init; }
    public required string GivenNameExclusions { get; init; }
    /// <summary>Characters of <see cref="GivenNameExclusions"/> that also begin two-character given names (杜向前, not 李明向).</summary>
    public required string GivenNameFirstCharacters { get; init; }
    /// <summary>Characters that begin titles and ordinary words, never a name of an unknown surname in a list.</summary>
    public required string NotNameStarts { get; init; }
    /// <summary>Characters that end places, bodies and things (市, 委, 站, 馆…), never a name.</summary>
    public required string NotNameEnds { get; init; }
    /// <summary>What a printed title ends with (书记, 副市长, 检察长…), longest first.</summary>
    public required IReadOnlyList<string> Offices { get; init; }
    public required IReadOnlyList<string> LeaderPhrases { get; init; }
    public required IReadOnlyList<(string Verb, AppearanceRole Role)> RoleVerbs { get; init; }
    public required IReadOnlyList<AppearanceRole> RolePriority { get; init; }
    public required IReadOnlyList<AppearanceRole> ObjectRoles { get; init; }
    public required IReadOnlyList<string> ListLeadIns { get; init; }
    /// <summary>Where a role verb names a thing instead of a deed: 的讲话 (quoted), 讲话精神 (studied), 来长考察的客人 (described).</summary>
    public required IReadOnlyList<VerbNounRule> VerbNouns { get; init; }
    /// <summary>What opens the escorts of a guest (the 在 of 在…陪同下).</summary>
    public required IReadOnlyList<string> EscortOpenings { get; init; }
    /// <summary>What closes the escorts of a guest (在…陪同下): the guest's own verb comes after it.</summary>
    public required IReadOnlyList<string> EscortPhrases { get; init; }
    /// <summary>Offices printed short and what they stand for: 组织部长 → 组织部部长.</summary>
    public required IReadOnlyDictionary<string, string> OfficeAbbreviations { get; init; }
    /// <summary>Words of time that open a lead but date no event (近日, 日前): the report stays undated.</summary>
    public required IReadOnlyList<string> UndatedTimeWords { get; init; }
    /// <summary>Words that date an event by the edition's day, and how many days before it (昨日 → 1).</summary>
    public required IReadOnlyDictionary<string, int> RelativeDays { get; init; }
    /// <summary>Other words that open a lead with no dateline (近年来, 记者从): running text, not a section heading.</summary>
    public required IReadOnlyList<string> LeadOpenings { get; init; }
    public required IReadOnlyList<string> SpeechContentVerbs { get; init; }
    /// <summary>Words that may follow a name: the role verbs and the other verbs and particles of the genre.</summary>
    public required IReadOnlyList<string> NameFollowers { get; init; }
    public required IReadOnlyList<TitlePrefix> TitlePrefixes { get; init; }
    public required IReadOnlyList<WholeTitle> WholeTitles { get; init; }
    public required IReadOnlyList<string> DepartmentSuffixes { get; init; }
    public required IReadOnlyList<(string Suffix, OrganizationKind Kind)> OrganizationSuffixes { get; init; }
    public required IReadOnlyList<string> TitleContinuations { get; init; }
    public required IReadOnlyList<(string Suffix, LocationKind Kind)> StrongPlaceSuffixes { get; init; }
    public required IReadOnlyList<(string Suffix, LocationKind Kind)> WeakPlaceSuffixes { get; init; }
    public required IReadOnlyList<string> NotPlaces { get; init; }
    public required IReadOnlyList<string> LeftDelimiters { get; init; }
    /// <summary>Words that join two names (张三和李四): at the start of a title chain they are not part of it.</summary>
    public required IReadOnlyList<string> Conjunctions { get; init; }
    /// <summary>Single-character delimiters that also stand inside titles (文化和旅游厅, 大同市委, 全国人大代表): they never cut one.</summary>
    public required string CharactersInTitles { get; init; }
    /// <summary>The party groups a body keeps inside it (党组): 市人大常委会党组书记 is an office of the 党组, not of the body.</summary>
    public required IReadOnlyList<string> PartyGroups { get; init; }
    /// <summary>A county's stem printed alone (曾都) counts for it only when jieba's dictionary sees the stem at most this often.</summary>
    public required int CountyStemMaxFrequency { get; init; }
    /// <summary>The offices of a party group itself; after 市政府党组成员 any other bare office (秘书长) is the government's.</summary>
    public required IReadOnlyList<string> PartyGroupOffices { get; init; }
    /// <summary>The papers whose place their name does not begin with (长江日报 → 武汉市); 太原日报 needs no entry.</summary>
    public required IReadOnlyDictionary<string, string> Newspapers { get; init; }
    public required IReadOnlyList<string> HomeMarkers { get; init; }
    /// <summary>What ends a town-level place printed before its title (大沁他拉镇党委书记, 金川街道党工委书记), longest first.</summary>
    public required IReadOnlyList<string> TownSuffixes { get; init; }
    /// <summary>What a web page prints around a report (menus, breadcrumbs, share buttons).</summary>
    public required PageFurnitureWords Furniture { get; init; }
    /// <summary>What separates the titles of one chain: 、, a space, 兼 (副主委兼秘书长).</summary>
    public required string TitleSeparators { get; init; }
    /// <summary>Characters that make an office before them no one's title: 各成员单位, 全体委员.</summary>
    public required string NotBeforeTitles { get; init; }
    public required Divisions Divisions { get; init; }
    public required ProjectWords Projects { get; init; }

    private static readonly Lazy<WordLexicon> Embedded = new(() => Read(Open("lexicon.v1.json"), Open("divisions.v1.json")));

    /// <summary>The lexicon shipped with this build.</summary>
    public static WordLexicon Default => Embedded.Value;

    public bool IsSurnameAt(string text, int start, out int length)
    {
        foreach (var compound in CompoundSurnames)
        {
            if (string.CompareOrdinal(text, start, compound, 0, compound.Length) == 0) { length = compound.Length; return true; }
        }
        length = 1;
        return start < text.Length && Surnames.Contains(text[start]);
    }

    private static Stream Open(string name) =>
        typeof(WordLexicon).Assembly.GetManifestResourceStream("Lexicon." + name)
        ?? throw new InvalidOperationException($"The lexicon file {name} is not embedded in {typeof(WordLexicon).Assembly.GetName().Name}.");

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new JsonStringEnumConverter() } };

    internal static WordLexicon Read(Stream words, Stream divisions)
    {
        var w = JsonSerializer.Deserialize<WordsFile>(words, Json) ?? throw new InvalidDataException("The lexicon file is empty.");
        var d = JsonSerializer.Deserialize<DivisionsFile>(divisions, Json) ?? throw new InvalidDataException("The divisions file is empty.");
        var roleVerbs = w.RoleVerbs.Select(v => (v.Verb, v.Role)).OrderByDescending(v => v.Verb.Length).ToList();
        return new WordLexicon
        {
            Version = w.Version,
            Surnames = w.Surnames.ToHashSet(),
            CompoundSurnames = w.CompoundSurnames,
            TransliteratedNameParts = LongestFirst(WithoutComment(w.TransliteratedNameParts).Values
                .SelectMany(parts => parts.Split(' ', StringSplitOptions.RemoveEmptyEntries))),
            GivenNameExclusions = w.GivenNameExclusions,
            GivenNameFirstCharacters = w.GivenNameFirstCharacters,
            NotNameStarts = w.NotNameStarts,
            NotNameEnds = w.NotNameEnds,
            Offices = LongestFirst(w.Offices),
            LeaderPhrases = LongestFirst(w.LeaderPhrases),
            RoleVerbs = roleVerbs,
            RolePriority = w.RolePriority,
            ObjectRoles = w.ObjectRoles,
            ListLeadIns = LongestFirst(w.ListLeadIns),
            VerbNouns = w.VerbNouns.Rules.Select(r => new VerbNounRule(r.Roles, LongestFirst(r.After), LongestFirst(r.Before))).ToList(),
            EscortOpenings = LongestFirst(w.Escorts.Opens),
            EscortPhrases = LongestFirst(w.Escorts.Closes),
            UndatedTimeWords = LongestFirst(w.UndatedTimeWords),
            RelativeDays = WithoutComment(w.RelativeDays).ToDictionary(d => d.Key, d => int.Parse(d.Value, CultureInfo.InvariantCulture)),
            LeadOpenings = LongestFirst(w.LeadOpenings),
            OfficeAbbreviations = WithoutComment(w.OfficeAbbreviations),
            SpeechContentVerbs = w.SpeechContentVerbs,
            NameFollowers = LongestFirst(w.NameFollowers.Concat(roleVerbs.Select(v => v.Verb))),
            TitlePrefixes = w.TitleOrganizations.OrderByDescending(p => p.Prefix.Length).ToList(),
            WholeTitles = w.WholeTitles,
            DepartmentSuffixes = LongestFirst(w.DepartmentSuffixes),
            OrganizationSuffixes = w.OrganizationSuffixes.Select(s => (s.Suffix, s.Kind)).ToList(),
            TitleContinuations = LongestFirst(w.TitleContinuations),
            StrongPlaceSuffixes = w.PlaceSuffixes.Strong.Select(s => (s.Suffix, s.Kind)).ToList(),
            WeakPlaceSuffixes = w.PlaceSuffixes.Weak.Select(s => (s.Suffix, s.Kind)).ToList(),
            NotPlaces = w.PlaceSuffixes.NotPlaces,
            LeftDelimiters = LongestFirst(w.LeftDelimiters),
            Conjunctions = w.Conjunctions,
            CharactersInTitles = w.CharactersInTitles,
            PartyGroups = LongestFirst(w.PartyGroups.Names),
            CountyStemMaxFrequency = w.CountyStems.MaxWordFrequency,
            PartyGroupOffices = w.PartyGroups.Offices,
            Projects = new ProjectWords(w.ProjectWords.NotProper, w.ProjectWords.GroupStarts, w.ProjectWords.GroupEnds, w.ProjectWords.GroupMeasures,
                w.ProjectWords.Milestones.Select(m => (m.Word, m.Event)).ToList(), w.ProjectWords.Wishes, w.ProjectWords.LabelFillers,
                w.ProjectWords.MilestoneClauseWords, w.ProjectWords.ReportEventWords, LongestFirst(w.ProjectWords.FacilitySuffixes), w.ProjectWords.FigureLeads),
            Newspapers = WithoutComment(w.Newspapers),
            HomeMarkers = w.HomeMarkers,
            TownSuffixes = LongestFirst(w.TownSuffixes),
            Furniture = new PageFurnitureWords(w.PageFurniture.Lines.ToHashSet(), LongestFirst(w.PageFurniture.LineStarts), w.PageFurniture.PageEnds,
                w.PageFurniture.MenuItemLength, w.PageFurniture.MenuRun),
            TitleSeparators = w.TitleSeparators,
            NotBeforeTitles = w.NotBeforeTitles,
            Divisions = new Divisions(d.Provinces.Select(p => new Province(p.Key, p.Value.Short,
                p.Value.Cities.Select(c => new City(c.Key, d.ShortNames?.GetValueOrDefault(c.Key) ?? ShortOf(c.Key), p.Key,
                    (c.Value + " " + d.FormerCounties?.GetValueOrDefault(c.Key)).Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList())).ToList()),
        };
    }

    // A keyed list in the word file may carry a "comment" entry for its readers; it is no entry of the list.
    private static Dictionary<string, T> WithoutComment<T>(Dictionary<string, T> entries) =>
        entries.Where(e => e.Key != "comment").ToDictionary();

    // 太原市 → 太原; 呼和浩特市 → 呼和浩特. A two-character name keeps its 市 (no one prints 沙 for 沙市).
    private static string ShortOf(string city) => city.Length > 2 && city.EndsWith('市') ? city[..^1] : city;

    private static List<string> LongestFirst(IEnumerable<string> words) => words.Distinct().OrderByDescending(s => s.Length).ToList();

    private sealed record WordsFile(
        int Version, string Surnames, List<string> CompoundSurnames, string GivenNameExclusions, string GivenNameFirstCharacters, string NotNameStarts, string NotNameEnds, List<string> Offices,
        List<string> LeaderPhrases, List<RoleVerbEntry> RoleVerbs, List<AppearanceRole> RolePriority, List<AppearanceRole> ObjectRoles,
        List<string> ListLeadIns, List<string> SpeechContentVerbs, List<string> NameFollowers, List<TitlePrefix> TitleOrganizations,
        List<WholeTitle> WholeTitles, List<string> DepartmentSuffixes, List<OrganizationSuffixEntry> OrganizationSuffixes,
        List<string> TitleContinuations, PlaceSuffixesEntry PlaceSuffixes, List<string> LeftDelimiters,
        List<string> Conjunctions, string CharactersInTitles, PartyGroupsEntry PartyGroups, CountyStemsEntry CountyStems,
        Dictionary<string, string> Newspapers, List<string> HomeMarkers, List<string> TownSuffixes, ProjectWordsEntry ProjectWords,
        PageFurnitureEntry PageFurniture, string TitleSeparators, string NotBeforeTitles, Dictionary<string, string> TransliteratedNameParts,
        EscortsEntry Escorts, List<string> UndatedTimeWords, Dictionary<string, string> RelativeDays, List<string> LeadOpenings,
        Dictionary<string, string> OfficeAbbreviations, VerbNounsEntry VerbNouns);

    private sealed record VerbNounsEntry(List<VerbNounRuleEntry> Rules);

    private sealed record VerbNounRuleEntry(List<AppearanceRole> Roles, List<string> After, List<string> Before);

    private sealed record PartyGroupsEntry(List<string> Names, List<string> Offices);

    private sealed record CountyStemsEntry(int MaxWordFrequency);

    private sealed record EscortsEntry(List<string> Opens, List<string> Closes);

    private sealed record PageFurnitureEntry(List<string> Lines, List<string> LineStarts, List<string> PageEnds, int MenuItemLength, int MenuRun);

    private sealed record MilestoneEntry(string Word, MilestoneEvent Event);
    private sealed record ProjectWordsEntry(List<string> NotProper, List<string> GroupStarts, List<string> GroupEnds, List<string> GroupMeasures,
        List<MilestoneEntry> Milestones, List<string> Wishes, List<string> LabelFillers, List<string> MilestoneClauseWords, List<string> ReportEventWords,
        List<string> FacilitySuffixes, List<string> FigureLeads);

    private sealed record RoleVerbEntry(string Verb, AppearanceRole Role);
    private sealed record OrganizationSuffixEntry(string Suffix, OrganizationKind Kind);
    private sealed record PlaceSuffixEntry(string Suffix, LocationKind Kind);
    private sealed record PlaceSuffixesEntry(List<PlaceSuffixEntry> Strong, List<PlaceSuffixEntry> Weak, List<string> NotPlaces);
    private sealed record DivisionsFile(int Version, Dictionary<string, ProvinceEntry> Provinces, Dictionary<string, string>? ShortNames,
        Dictionary<string, string>? FormerCounties);
    private sealed record ProvinceEntry(string Short, Dictionary<string, string> Cities);
}

/// <summary>
/// The words of project names and their sentences: what makes a name a group of projects (一批…, …等, N个…), which
/// words are milestones (签约, 开工…), which wish for one (尽早建成), and which fill a figure's label (建成后…).
/// <see cref="MilestoneClauseWords"/>: a clause of a project's own sentences names a milestone only with one of them
/// (项目, 现场…); <see cref="ReportEventWords"/>: a headline or lead clause names the step the whole report is about only
/// with one of them (集中, 仪式…). <see cref="FacilitySuffixes"/>: what ends the name of a project printed without 项目
/// (…产业园, …实验小学), read only where one of <see cref="FigureLeads"/> follows it (…产业园总投资32亿元).
/// </summary>
public sealed record ProjectWords(
    IReadOnlyList<string> NotProper, IReadOnlyList<string> GroupStarts, IReadOnlyList<string> GroupEnds, IReadOnlyList<string> GroupMeasures,
    IReadOnlyList<(string Word, MilestoneEvent Event)> Milestones, IReadOnlyList<string> Wishes, IReadOnlyList<string> LabelFillers,
    IReadOnlyList<string> MilestoneClauseWords, IReadOnlyList<string> ReportEventWords,
    IReadOnlyList<string> FacilitySuffixes, IReadOnlyList<string> FigureLeads);

/// <summary>Web-page furniture: whole lines, line starts, what starts the furniture after the last report, and the shape of a menu.</summary>
public sealed record PageFurnitureWords(IReadOnlySet<string> Lines, IReadOnlyList<string> LineStarts, IReadOnlyList<string> PageEnds, int MenuItemLength, int MenuRun);

/// <summary>A title prefix and the organization it names: 市人大常委会 → {city}人大常委会.</summary>
public sealed record TitlePrefix(string Prefix, string Organization, string? Office = null);

/// <summary>A title that is an office of its own: 市长 → {city}人民政府; <see cref="Scope"/> is the prefix a bare title after it continues (市政府).</summary>
public sealed record WholeTitle(string Title, string Organization, string Scope);

public sealed record Province(string Name, string Short, IReadOnlyList<City> Cities);

/// <summary>A prefecture-level unit: a city (太原市, short 太原), an autonomous prefecture (甘南藏族自治州, short 甘南州), a league (锡林郭勒盟) or a prefecture (阿里地区).</summary>
public sealed record City(string Name, string Short, string Province, IReadOnlyList<string> Counties)
{
    /// <summary>The level its bodies' titles print: 市 (市委书记), 州 (州委书记, 州长) or 盟 (盟委书记, 盟长).</summary>
    public char Level => Name.EndsWith("自治州", StringComparison.Ordinal) ? '州' : Name.EndsWith('盟') ? '盟' : '市';
}

/// <summary>Provinces, their prefecture-level cities and the cities' counties and districts (with their former names: 户县).</summary>
public sealed class Divisions(IReadOnlyList<Province> provinces)
{
    public IReadOnlyList<Province> Provinces { get; } = provinces;

    public IReadOnlyList<City> Cities { get; } = provinces.SelectMany(p => p.Cities).ToList();

    /// <summary>Every county and district with its city; a name shared by two cities (城区, 郊区) is left out.</summary>
    public IReadOnlyDictionary<string, City> CountyCities { get; } = provinces.SelectMany(p => p.Cities)
        .SelectMany(c => c.Counties.Select(county => (county, c))).GroupBy(x => x.county).Where(g => g.Count() == 1)
        .ToDictionary(g => g.Key, g => g.First().c);

    public Province? Province(string name) => Provinces.FirstOrDefault(p => p.Name == name || p.Short == name);

    /// <summary>A county or district by name, as one of <paramref name="city"/>'s when that city has it (鼓楼区 is 南京's and 徐州's).</summary>
    public City? CountyCity(string county, string? city) =>
        Cities.FirstOrDefault(c => c.Name == city && c.Counties.Contains(county)) ?? CountyCities.GetValueOrDefault(county);

    public City? City(string name) => Cities.FirstOrDefault(c => c.Name == name || c.Short == name);
}

/// <summary>A verb of one of <paramref name="Roles"/> printed right after one of <paramref name="After"/> or right before one of <paramref name="Before"/> is no deed.</summary>
public sealed record VerbNounRule(IReadOnlyList<AppearanceRole> Roles, IReadOnlyList<string> After, IReadOnlyList<string> Before);
