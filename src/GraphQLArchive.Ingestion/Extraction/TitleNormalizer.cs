using GraphQLArchive.Ingestion.Lexicon;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>A printed title split into the office and the organization it belongs to: 市委书记 → 书记 of 中共太原市委.</summary>
public sealed record NormalizedTitle(string Printed, string Title, string? Organization);

/// <summary>
/// What a title chain has established so far: the places its titles name (晋城市委书记 makes the next 市长 晋城's) and
/// the prefix a bare title continues (市委常委、秘书长: 秘书长 of the 市委). It carries across the chains of one sentence.
/// </summary>
public sealed class TitleContext(HomePlace place)
{
    public HomePlace Place { get; internal set; } = place;

    public string? Scope { get; internal set; }

    /// <summary>True before a chain's first title: only a bare office (秘书长) continues the chain before it.</summary>
    internal bool AtChainStart { get; set; }
}

/// <summary>Normalizes printed titles with the lexicon's templates, against the places the page and the chain are about.</summary>
public sealed class TitleNormalizer(HomePlace home)
{
    private const string Levels = "省市州盟县旗区镇乡";

    private static WordLexicon Words => WordLexicon.Default;

    public TitleNormalizer(string? city, string? province) : this(new HomePlace(province, city)) { }

    public HomePlace Home { get; } = home;

    public TitleContext NewContext(HomePlace? place = null) => new(place ?? Home);

    /// <summary>Normalizes one title chain in print order.</summary>
    public IReadOnlyList<NormalizedTitle> Normalize(IReadOnlyList<string> chain) => Normalize(chain, NewContext());

    public IReadOnlyList<NormalizedTitle> Normalize(IReadOnlyList<string> chain, TitleContext context)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(context);
        context.AtChainStart = true;
        return chain.Select(printed => Normalize(printed, context)).ToList();
    }

    public NormalizedTitle Normalize(string printed) => Normalize(printed, NewContext());

    public NormalizedTitle Normalize(string printed, TitleContext context)
    {
        ArgumentNullException.ThrowIfNull(printed);
        ArgumentNullException.ThrowIfNull(context);

        // 南京市委书记 → 市委书记 of 南京市; 雁塔区委书记 → 区委书记 of 雁塔区.
        var (title, place) = StripPlace(printed, context.Place);
        var chainStart = context.AtChainStart;
        context.AtChainStart = false;
        if (Match(title, place) is { } own)
            return Accept(printed, own, place, context);

        // A bare 秘书长 after 市委常委 continues the 市委; 纪委书记 after 市委常委 is the 市纪委's.
        // A department of the body continues it (市委常委、组织部部长: 中共X市委组织部); another body of the same level
        // does not (市委常委、纪委书记: 中共X市纪委).
        // Across chains of a sentence only a bare office continues: "…,秘书长邹晓梅" but not "…,全国人大代表…".
        if (context.Scope is { Length: > 0 } scope && (!chainStart || Words.Offices.Contains(title)))
        {
            if (PartyGroupEnding(scope) is { } group && !Words.PartyGroupOffices.Contains(title))
                scope = scope[..^group.Length];
            var continued = Match(scope + title, place);
            if (continued is { } department && department.Scope.Length > scope.Length)
                return Accept(printed, department, place, context);
            if (Levels.Contains(scope[0]) && !Levels.Contains(title[0]) && Match(scope[0] + title, place) is { } levelled)
                return Accept(printed, levelled, place, context);
            if (continued is { } same)
                return Accept(printed, same, place, context);
        }
        // An office of a body we cannot name: a bare title after it does not continue an earlier one.
        context.Scope = null;
        return new NormalizedTitle(printed, title, null);
    }

    private static NormalizedTitle Accept(string printed, (string Office, string? Organization, string Scope) match, HomePlace place, TitleContext context)
    {
        context.Place = place;
        context.Scope = match.Scope;
        return new NormalizedTitle(printed, match.Office, match.Organization);
    }

    private (string Office, string? Organization, string Scope)? Match(string title, HomePlace place)
    {
        // 县委组织部长 is read as 县委组织部部长.
        if (Words.OfficeAbbreviations.FirstOrDefault(a => title.EndsWith(a.Key, StringComparison.Ordinal)) is { Key: { } shortOffice, Value: { } fullOffice })
            title = title[..^shortOffice.Length] + fullOffice;
        // 旗人大常委会主任 in a report that prints a banner and a county: the banner's.
        if (title[0] == '旗' && place.Banner is { } banner)
            place = place with { County = banner };
        foreach (var rule in Words.TitlePrefixes)
        {
            if (title.Length > rule.Prefix.Length && title.StartsWith(rule.Prefix, StringComparison.Ordinal) && IsOffice(title[rule.Prefix.Length..]))
            {
                var office = rule.Office ?? title[rule.Prefix.Length..];
                var organization = Fill(rule.Organization, place);
                // 县政府办主任, 旗委办主任: 办 is the body's 办公室.
                if (organization is not null && office.Length > 1 && office[0] == '办' && !office.StartsWith("办公室", StringComparison.Ordinal) && IsOffice(office[1..]) && !Words.Offices.Contains(office))
                    return (office[1..], organization + "办公室", rule.Prefix + "办");
                // 省委教育工作领导小组组长: a body of the 省委, 中共山西省委教育工作领导小组.
                if (organization is not null && OrganizationEnd(office) is { } bodyEnd)
                    return (office[bodyEnd..], organization + office[..bodyEnd], rule.Prefix + office[..bodyEnd]);
                return InPartyGroup(office, organization, rule.Prefix) ?? (office, organization, rule.Prefix);
            }
        }
        foreach (var whole in Words.WholeTitles)
        {
            if (title == whole.Title)
                return (title, Fill(whole.Organization, place), whole.Scope);
        }
        // 市应急管理局局长 → 局长 of 太原市应急管理局.
        if (title.Length > 2 && LevelPlace(title[0], place) is { } levelPlace)
        {
            foreach (var suffix in Words.DepartmentSuffixes)
            {
                // The department's own name is at least two characters: 市工商联, 市发改委, not 市委.
                var at = title.IndexOf(suffix, 1, StringComparison.Ordinal);
                if (at >= 1 && at + suffix.Length >= 3 && IsOffice(title[(at + suffix.Length)..]))
                {
                    var office = title[(at + suffix.Length)..];
                    var department = levelPlace + title[1..(at + suffix.Length)];
                    return InPartyGroup(office, department, title[..(at + suffix.Length)]) ?? (office, department, title[..(at + suffix.Length)]);
                }
            }
        }
        // 太原警备区司令员 → 司令员 of 太原警备区.
        if (OrganizationEnd(title) is { } end)
            return (title[end..], ExpandOrganization(title[..end], place), title[..end]);
        return null;
    }

    /// <summary>
    /// 县人社局党组书记, 市人大常委会党组书记: an office of the body's party group, as 县政府党组成员 is of the
    /// government's. The group is the body's name and the group's (X县人社局党组), and it is the scope that a bare office
    /// after it leaves again (党组书记、主任: 主任 is the body's).
    /// </summary>
    private static (string Office, string? Organization, string Scope)? InPartyGroup(string office, string? body, string scope)
    {
        var group = Words.PartyGroups.FirstOrDefault(g => office.StartsWith(g, StringComparison.Ordinal) && Words.PartyGroupOffices.Contains(office[g.Length..]));
        return group is null || body is null ? null : (office[group.Length..], body + group, scope + group);
    }

    private static string? PartyGroupEnding(string scope) => Words.PartyGroups.FirstOrDefault(g => scope.EndsWith(g, StringComparison.Ordinal));

    /// <summary>Where the organization a title names ends: the suffix that ends latest and leaves an office after it.</summary>
    private static int? OrganizationEnd(string title) =>
        Words.OrganizationSuffixes
            .Select(s => (s.Suffix, At: title.LastIndexOf(s.Suffix, StringComparison.Ordinal)))
            .Where(s => s.At > 0 && IsOffice(title[(s.At + s.Suffix.Length)..]))
            .OrderByDescending(s => s.At + s.Suffix.Length).ThenByDescending(s => s.Suffix.Length)
            .Select(s => (int?)(s.At + s.Suffix.Length)).FirstOrDefault();

    private static bool IsOffice(string rest) => rest.Length > 0 && Words.Offices.Any(o => rest.EndsWith(o, StringComparison.Ordinal));

    private (string Title, HomePlace Place) StripPlace(string printed, HomePlace place)
    {
        var divisions = Words.Divisions;
        // 代县长, 州长: an office of its own, not a place (代县, 长沙…) and the rest.
        if (Words.Offices.Contains(printed))
            return (printed, place);
        foreach (var province in divisions.Provinces)
        {
            if (printed.Length > province.Name.Length && printed.StartsWith(province.Name, StringComparison.Ordinal))
            {
                // 上海市委副书记: a municipality is a province and a city at once, and its titles print the city's level.
                if (province.Cities.Any(c => c.Name == province.Name))
                    return (Levelled('市', printed[province.Name.Length..]), place with { Province = province.Name, City = province.Name });
                return ("省" + printed[province.Name.Length..], place with { Province = province.Name });
            }
        }
        // 南京市委书记, 锡林郭勒盟委书记, and a prefecture by its short name: 甘南州委书记 → 州委书记 of 甘南藏族自治州.
        foreach (var city in divisions.Cities)
        {
            foreach (var name in city.Level == '州' ? new[] { city.Name, city.Short } : [city.Name])
            {
                if (printed.Length > name.Length && printed.StartsWith(name, StringComparison.Ordinal))
                {
                    var inCity = place with { Province = city.Province, City = city.Name };
                    return (Levelled(city.Level, printed[name.Length..]), inCity);
                }
            }
        }
        foreach (var county in divisions.CountyCities.Keys.Concat(divisions.City(place.City ?? "")?.Counties ?? []))
        {
            if (printed.Length <= county.Length || !printed.StartsWith(county, StringComparison.Ordinal))
                continue;
            var rest = printed[county.Length..];
            var city = divisions.CountyCity(county, place.City)!;
            var (level, inCounty) = county[^1] switch
            {
                '区' => ('区', place with { District = county, City = city.Name, Province = city.Province }),
                '市' => ('市', place with { City = county, Province = city.Province }),
                // A printed banner is the title's own, not the one the report prints most.
                '旗' => ('旗', place with { County = county, Banner = county, City = city.Name, Province = city.Province }),
                _ => ('县', place with { County = county, City = city.Name, Province = city.Province }),
            };
            return (Levelled(level, rest), inCounty);
        }
        // A town is named before its title (大沁他拉镇党委书记, 金川街道党工委书记): towns are too many to list, so the
        // name is whatever comes before a town suffix whose title a template knows.
        foreach (var suffix in Words.TownSuffixes)
        {
            var at = printed.IndexOf(suffix, 2, StringComparison.Ordinal);
            if (at < 2 || at > 8) continue;
            var town = printed[..(at + suffix.Length)];
            var title = suffix + printed[(at + suffix.Length)..];
            var inTown = place with { Town = town };
            if (title.Length > suffix.Length && Match(title, inTown) is { Organization: { } organization } && organization.Contains(town, StringComparison.Ordinal))
                return (title, inTown);
        }
        return (printed, place);
    }

    // What follows a place name, as a title of its level: 大同市委书记 → 市委书记, but 温县县委书记 → 县委书记 (the level
    // is printed twice), 广州市副市长 → 副市长 (a whole title names its level) and 太原市市场监管局局长 → 市市场监管局局长
    // (市场 is no level).
    private static string Levelled(char level, string rest) =>
        Words.WholeTitles.Any(w => w.Title == rest) || rest.StartsWith(level) && Words.TitlePrefixes.Any(p => p.Prefix[0] == level && rest.StartsWith(p.Prefix, StringComparison.Ordinal))
            ? rest : level + rest;

    private static string? LevelPlace(char level, HomePlace place) => level switch
    {
        '省' => place.Province,
        '市' or '州' or '盟' => place.City,
        '旗' => place.Banner ?? place.County,
        '县' => place.County,
        '区' => place.District,
        _ => null,
    };

    private static string? Fill(string template, HomePlace place)
    {
        var filled = template;
        foreach (var (key, value) in new[] { ("{province}", place.Province), ("{city}", place.City), ("{county}", place.County), ("{district}", place.District), ("{town}", place.Town) })
        {
            if (!filled.Contains(key, StringComparison.Ordinal)) continue;
            if (value is null) return null;
            filled = filled.Replace(key, value, StringComparison.Ordinal);
        }
        return filled;
    }

    internal string? CityCommittee => Home.City is null ? null : "中共" + Home.City + "委";
    internal string? ProvincialCommittee => Home.Province is null ? null : "中共" + Home.Province + "委";

    /// <summary>市双拥工作领导小组 → 太原市双拥工作领导小组: a bare 市/省 prefix means the page's own city or province.</summary>
    public string ExpandOrganization(string name) => ExpandOrganization(name, Home);

    private static string ExpandOrganization(string name, HomePlace place)
    {
        if (name.StartsWith('市') && place.City is not null && name.Length > 3) return place.City + name[1..];
        if (name.StartsWith('省') && place.Province is not null && name.Length > 3) return place.Province + name[1..];
        return name;
    }
}
