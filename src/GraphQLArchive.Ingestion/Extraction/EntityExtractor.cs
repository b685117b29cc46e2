using GraphQLArchive.Ingestion.Lexicon;
using GraphQLArchive.Ingestion.Mentions;
using GraphQLArchive.Ingestion.Pages;
using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>
/// Finds the officials, locations, organizations and projects a parsed page names, without curation. The
/// result has the registry's shape, so it merges into what is stored exactly as the curated registry does;
/// names the given registry knows (by name or alias) come back under its canonical names.
/// </summary>
public static class EntityExtractor
{
    private static WordLexicon Words => WordLexicon.Default;

    private static IReadOnlyList<(string Suffix, OrganizationKind Kind)> OrganizationSuffixes => Words.OrganizationSuffixes;

    private static readonly System.Text.RegularExpressions.Regex PrintedNewspaper = new(@"^[\u4e00-\u9fff]{2,6}?(?:日报|晚报)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static ArchiveRegistry Extract(ParsedPage page, ArchiveRegistry? registry = null, string? newspaper = null) =>
        ExtractPage(page, newspaper, registry).Registry;

    /// <summary>
    /// Everything <see cref="Extract"/> finds, plus what each report says of each official (titles as printed, their
    /// organizations, the role). <paramref name="newspaper"/> names the home place (太原日报 → 太原市) when given.
    /// </summary>
    public static PageExtraction ExtractPage(ParsedPage page, string? newspaper = null, ArchiveRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var allText = string.Join("\n", page.Articles.Select(a => a.FullText));
        // Without an edition's newspaper, a dateline may name it: 浙江日报北京3月6日电.
        newspaper ??= page.Articles.Select(a => a.Byline is { } byline ? PrintedNewspaper.Match(byline) : null)
            .FirstOrDefault(m => m is { Success: true })?.Value;
        var home = HomePlace.Of(newspaper, allText);
        var normalizer = new TitleNormalizer(home);

        var names = new List<string>();
        var places = new List<FoundPlace>();
        var organizations = new Dictionary<string, (OrganizationKind Kind, HashSet<string> Aliases)>();
        var projects = new List<(string Name, ParsedArticle Article, string Paragraph)>();

        void AddOrganization(string printed, OrganizationKind kind)
        {
            var name = normalizer.ExpandOrganization(printed);
            if (!organizations.TryGetValue(name, out var entry)) organizations[name] = entry = (kind, []);
            if (printed != name) entry.Aliases.Add(printed);
        }

        foreach (var article in page.Articles)
        {
            var headings = new[] { article.Kicker, article.Headline, article.Subheadline }.OfType<string>().ToList();
            foreach (var (block, blockIndex) in headings.Concat(article.Paragraphs).Select((b, i) => (b, i)))
            {
                var tokens = Segmenter.Cut(block);
                names.AddRange(OfficialNames.Find(block, tokens));

                var stops = new HashSet<int>();
                var found = PlaceNames.Find(block, tokens, article.Ordinal, stops)
                    .Select(p => p with { Block = blockIndex, InHeading = blockIndex < headings.Count }).ToList();
                foreach (var place in found) stops.Add(place.End);
                places.AddRange(found);

                foreach (var org in SuffixNames.Find(block, OrganizationSuffixes.Select(s => s.Suffix).ToList(), maxPrefix: 12))
                {
                    if (org.Name[..^org.Suffix.Length].All(c => Gazetteer.IsCjk(c) || char.IsDigit(c)) && SuffixNames.IsNominal(org, tokens))
                        AddOrganization(org.Name, OrganizationSuffixes.First(s => s.Suffix == org.Suffix).Kind);
                }
                // jieba's organizations (nt) include generic ones (人民军队, 中央军委): keep those named after a place or with a suffix.
                foreach (var token in tokens.Where(t => t.Flag == "nt" && t.Word.Length >= 4 && (HasOrganizationSuffix(t.Word) || StartsWithPlace(t.Word))))
                    AddOrganization(token.Word, OrganizationSuffixes.FirstOrDefault(s => token.Word.EndsWith(s.Suffix, StringComparison.Ordinal)).Kind);
                foreach (var (alias, name, kind) in StandingCommittees(home, normalizer))
                {
                    if (ContainsStandalone(block, alias)) AddOrganization(name, kind);
                }

                if (article.Paragraphs.Contains(block))
                {
                    foreach (var project in SuffixNames.Find(block, ["项目"], maxPrefix: 20).Where(p => ProjectFinder.IsProjectName(p, tokens))
                                 .Concat(ProjectFinder.Facilities(block, tokens)).Concat(ProjectFinder.Enumerated(block, tokens)))
                        projects.Add((project.Name, article, block));
                }
            }
        }

        // Officials: the titles printed for each name, normalized to an office and its organization in the report's places.
        var officialNames = names.Distinct().ToList();
        var known = officialNames.Concat(registry?.Officials.SelectMany(o => o.Aliases.Prepend(o.Name)) ?? []).Distinct().ToList();
        var positions = officialNames.ToDictionary(n => n, _ => new List<RegistryPosition>());
        var articles = new List<ArticleExtraction>();
        foreach (var article in page.Articles)
        {
            var mentions = OfficialMentionFinder.Find(article, known, normalizer).Where(m => positions.ContainsKey(m.Name)).ToList();
            articles.Add(new ArticleExtraction(article.Ordinal, mentions));
            foreach (var mention in mentions)
            {
                foreach (var title in mention.Positions)
                {
                    if (positions[mention.Name].All(p => p.Title != title.Printed))
                        positions[mention.Name].Add(new RegistryPosition(title.Printed, title.Organization));
                    if (title.Organization is { } org && !organizations.ContainsKey(org))
                        AddOrganization(org, KindOf(org));
                }
            }
        }
        var officials = officialNames.Select(n => new RegistryOfficial(n, [], positions[n])).ToList();

        var locations = Locations(places, home);
        var organizationList = organizations.Select(o => new RegistryOrganization(o.Key, o.Value.Kind,
            o.Key == normalizer.CityCommittee && organizations.ContainsKey(normalizer.ProvincialCommittee ?? "") ? normalizer.ProvincialCommittee : null,
            [.. o.Value.Aliases.Order(StringComparer.Ordinal)])).ToList();
        var projectList = Projects(projects, locations, organizationList);

        var extracted = new ArchiveRegistry([], officials, [], locations, organizationList, projectList);
        return new PageExtraction(registry is null ? extracted : Canonical.Apply(extracted, registry), home, articles);
    }

    private static IEnumerable<(string Alias, string Name, OrganizationKind Kind)> StandingCommittees(HomePlace home, TitleNormalizer normalizer)
    {
        if (home.City is null) yield break;
        yield return ("市委", normalizer.CityCommittee!, OrganizationKind.PartyCommittee);
        if (normalizer.ProvincialCommittee is { } provincial)
            yield return ("省委", provincial, OrganizationKind.PartyCommittee);
        yield return ("市政府", home.City + "人民政府", OrganizationKind.Government);
    }

    private static bool ContainsStandalone(string text, string alias)
    {
        for (var at = text.IndexOf(alias, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alias, at + 1, StringComparison.Ordinal))
        {
            var after = at + alias.Length;
            if (!Words.TitleContinuations.Any(t => string.CompareOrdinal(text, after, t, 0, t.Length) == 0)) return true;
        }
        return false;
    }

    private static bool HasOrganizationSuffix(string word) => OrganizationSuffixes.Any(s => word.EndsWith(s.Suffix, StringComparison.Ordinal));

    private static bool StartsWithPlace(string word) =>
        Gazetteer.Cities.Any(c => word.StartsWith(c.Short, StringComparison.Ordinal)) || Gazetteer.Provinces.Any(p => word.StartsWith(p.Short, StringComparison.Ordinal));

    private static OrganizationKind KindOf(string name) =>
        name.StartsWith("中共", StringComparison.Ordinal) ? OrganizationKind.PartyCommittee
        : name.EndsWith("人民政府", StringComparison.Ordinal) ? OrganizationKind.Government
        : OrganizationSuffixes.FirstOrDefault(s => name.EndsWith(s.Suffix, StringComparison.Ordinal)) is { Suffix: not null } s ? s.Kind
        : OrganizationKind.Other;

    private static List<RegistryLocation> Locations(List<FoundPlace> places, HomePlace home)
    {
        var result = new Dictionary<string, (LocationKind Kind, string? Parent, HashSet<string> Aliases)>();
        if (home.Province is { } provinceName && Words.Divisions.Province(provinceName) is { } province)
            result[province.Name] = (LocationKind.Province, null, [province.Short]);
        if (home.City is { } cityName && Words.Divisions.City(cityName) is { } city)
            result[city.Name] = (LocationKind.City, city.Province, [city.Short]);

        // X高新区 is the short form of X高新技术产业开发区 when the page prints both.
        string Canonical(string name) =>
            name.EndsWith("高新区", StringComparison.Ordinal) && places.Any(p => p.Name == name[..^3] + "高新技术产业开发区") ? name[..^3] + "高新技术产业开发区" : name;

        var ordered = places.OrderBy(p => p.Article).ThenBy(p => p.Block).ThenBy(p => p.Start).ToList();
        foreach (var place in ordered)
        {
            var name = Canonical(place.Name);
            if (!result.TryGetValue(name, out var entry)) result[name] = entry = (place.Kind, null, []);
            if (name != place.Name) entry.Aliases.Add(place.Name);

            // Placed under the place printed right before it in running text (尖草坪区三给片区; headlines juxtapose
            // places as lists), a venue under the last place before it in the article.
            var index = ordered.IndexOf(place);
            var parent = place.Kind == LocationKind.Venue
                ? ordered.Take(index).LastOrDefault(p => p.Article == place.Article && p.Kind != LocationKind.Venue)
                : ordered.FirstOrDefault(p => p.Article == place.Article && p.Block == place.Block && !p.InHeading && p.End == place.Start && p.Kind < place.Kind);
            if (parent is not null && entry.Parent is null)
                result[name] = entry with { Parent = Canonical(parent.Name) };
        }
        return result.Select(r => new RegistryLocation(r.Key, r.Value.Kind,
                r.Value.Parent ?? (r.Value.Kind > LocationKind.City ? home.City : r.Value.Parent),
                [.. r.Value.Aliases.Order(StringComparer.Ordinal)], null, null))
            .ToList();
    }

    private static List<RegistryProject> Projects(List<(string Name, ParsedArticle Article, string Paragraph)> found,
        List<RegistryLocation> locations, List<RegistryOrganization> organizations)
    {
        var projectNames = found.Select(f => f.Name).Distinct().ToList();
        var surfaces = locations.Select(l => (l.Name, (IReadOnlyList<string>)l.Aliases)).ToList();
        var result = new List<RegistryProject>();
        foreach (var group in found.GroupBy(f => f.Name))
        {
            var (name, article, paragraph) = group.First();
            var scope = ProjectFinder.Scope(paragraph, name, projectNames.Where(n => n != name));
            var facts = ProjectFinder.Facts(scope);
            var own = ProjectFinder.Milestones(scope, article.EventDate);
            var milestones = own.Count > 0 ? own : ProjectFinder.ReportMilestones(article);

            // Where it is: the last place in its 位于 clause (位于尖草坪区三给片区), else the first district, zone or park its scope names.
            var at = scope.IndexOf("位于", StringComparison.Ordinal);
            var location = at >= 0
                ? NameMatcher.FindAll(scope[at..].Split(',', '，')[0], surfaces).LastOrDefault()
                : NameMatcher.FindAll(scope, surfaces).Select(l => locations.First(x => x.Name == l))
                    .Where(l => l.Kind is > LocationKind.City and < LocationKind.Venue).Select(l => l.Name).FirstOrDefault();
            var organization = organizations.FirstOrDefault(o => name.StartsWith(o.Name, StringComparison.Ordinal))?.Name;

            decimal? Figure(string unit, params string[] labels) =>
                facts.FirstOrDefault(f => f.Unit == unit && labels.Any(l => f.Label.Contains(l, StringComparison.Ordinal)))?.Value;

            result.Add(new RegistryProject(name, [], ProjectFinder.Status(milestones, scope), location, organization, null,
                Figure("CNY", "投资"), Figure("m²", "建筑面积"), Figure("m²", "占地"), Figure("CNY", "营业额", "产值", "营收", "销售收入"),
                Figure("CNY", "利税", "税收"), facts, milestones));
        }
        return result;
    }
}

/// <summary>What the extractor found on a page: the registry-shaped entities, the home place, and each report's officials.</summary>
public sealed record PageExtraction(ArchiveRegistry Registry, HomePlace Home, IReadOnlyList<ArticleExtraction> Articles);

/// <summary>The officials one report names, with titles as printed, their organizations and roles.</summary>
public sealed record ArticleExtraction(int Ordinal, IReadOnlyList<OfficialMention> Officials);
