using GraphQLArchive.Ingestion.Registry;
using static GraphQLArchive.Model.Generation.Vocabulary;

namespace GraphQLArchive.Model.Generation;

/// <summary>
/// Everything the articles talk about: the registry's organizations and locations, plus synthetic districts,
/// areas, parks, bureaus, companies, projects, journalists, and officials whose posts change at reshuffles.
/// </summary>
internal sealed class ArchiveWorld
{
    private readonly Random _random;
    private readonly HashSet<string> _names;
    private readonly string _pagesText;

    public List<GenOrganization> Organizations { get; } = [];
    public List<GenLocation> Locations { get; } = [];
    public List<GenPerson> Officials { get; } = [];
    public List<GenPosition> Positions { get; } = [];
    public List<Post> Posts { get; } = [];

    /// <summary>Every tenure of every post, by post index, in date order.</summary>
    public List<List<Tenure>> Tenures { get; } = [];

    public List<GenPerson> Reporters { get; } = [];
    public List<GenPerson> Photographers { get; } = [];
    public List<GenProject> Projects { get; } = [];

    /// <summary>Where reports happen: districts, areas, zones and parks.</summary>
    public List<GenLocation> Places { get; } = [];

    public GenLocation City { get; private set; } = null!;

    private ArchiveWorld(Random random, ArchiveRegistry registry, string pagesText)
    {
        _random = random;
        _pagesText = pagesText;
        // Registry names are taken, and so is anything printed on the seed pages: the start-up seeder
        // matches every known name against them, and a synthetic name must never be found there.
        _names = [.. registry.Officials.Select(o => o.Name), .. registry.Journalists.Select(j => j.Name), .. registry.Projects.Select(p => p.Name)];
    }

    public static ArchiveWorld Build(Random random, ArchiveRegistry registry, string pagesText, DateOnly start, DateOnly end, int articles)
    {
        var world = new ArchiveWorld(random, registry, pagesText);
        world.AddRegistry(registry);
        world.AddPlaces();
        world.AddOrganizations();
        world.AddPosts();
        world.AddCareers(start, end);
        world.AddJournalists();
        world.AddProjects(Math.Clamp(articles / 200, 12, 600), start, end);
        return world;
    }

    public GenOrganization Organization(string name) => Organizations.First(o => o.Name == name);

    private GenLocation Location(string name) => Locations.First(l => l.Name == name);

    private bool Claim(string name)
    {
        if (_pagesText.Contains(name, StringComparison.Ordinal) || !_names.Add(name)) return false;
        return true;
    }

    private string UniqueName(Func<string> make)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var name = make();
            if (Claim(name)) return name;
        }
        throw new InvalidOperationException("Ran out of distinct synthetic names.");
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private GenLocation AddLocation(string name, LocationKind kind, GenLocation? parent, double? latitude = null, double? longitude = null)
    {
        var location = new GenLocation(Locations.Count + 1, name, kind, parent?.Id, [], latitude, longitude);
        Locations.Add(location);
        return location;
    }

    private GenOrganization AddOrganization(string name, OrganizationKind kind, GenOrganization? parent)
    {
        var organization = new GenOrganization(Organizations.Count + 1, name, kind, parent?.Id, []);
        Organizations.Add(organization);
        return organization;
    }

    private void AddRegistry(ArchiveRegistry registry)
    {
        // Inserted exactly as the seeder would, parents first, so that the seeder finds them by name and adds nothing.
        foreach (var o in TopologicalOrder(registry.Organizations, o => o.Name, o => o.Parent))
        {
            _names.Add(o.Name);
            Organizations.Add(new GenOrganization(Organizations.Count + 1, o.Name, o.Kind,
                o.Parent is null ? null : Organization(o.Parent).Id, o.Aliases));
        }
        foreach (var l in TopologicalOrder(registry.Locations, l => l.Name, l => l.Parent))
        {
            _names.Add(l.Name);
            Locations.Add(new GenLocation(Locations.Count + 1, l.Name, l.Kind, l.Parent is null ? null : Location(l.Parent).Id,
                l.Aliases, l.Latitude, l.Longitude));
        }
    }

    private static List<T> TopologicalOrder<T>(IReadOnlyList<T> items, Func<T, string> name, Func<T, string?> parent)
    {
        var done = new HashSet<string>();
        var ordered = new List<T>();
        while (ordered.Count < items.Count)
        {
            var ready = items.Where(i => !done.Contains(name(i)) && (parent(i) is not { } p || done.Contains(p))).ToList();
            if (ready.Count == 0) throw new InvalidDataException("The registry's parents form a cycle.");
            foreach (var item in ready) { ordered.Add(item); done.Add(name(item)); }
        }
        return ordered;
    }

    private void AddPlaces()
    {
        City = Locations.FirstOrDefault(l => l.Kind == LocationKind.City)
               ?? AddLocation(UniqueName(() => "太原市"), LocationKind.City, Locations.FirstOrDefault(l => l.Kind == LocationKind.Province));
        var districts = Locations.Where(l => l.Kind == LocationKind.District).ToList();
        foreach (var name in Districts.Where(Claim))
            districts.Add(AddLocation(name, LocationKind.District, City,
                Math.Round(37.87 + (_random.NextDouble() - 0.5) * 0.6, 4), Math.Round(112.55 + (_random.NextDouble() - 0.5) * 0.6, 4)));
        foreach (var district in districts)
        {
            Places.Add(district);
            for (var i = 0; i < 3; i++)
                Places.Add(AddLocation(UniqueName(() => Pick(AreaStems) + Pick(AreaSuffixes)), LocationKind.Area, district));
        }

        var zones = Locations.Where(l => l.Kind == LocationKind.DevelopmentZone).ToList();
        foreach (var name in DevelopmentZones.Where(Claim))
            zones.Add(AddLocation(name, LocationKind.DevelopmentZone, City));
        foreach (var zone in zones)
        {
            Places.Add(zone);
            for (var i = 0; i < 3; i++)
                Places.Add(AddLocation(UniqueName(() => Pick(Industries) + "产业园"), LocationKind.Park, zone));
        }
        Places.AddRange(Locations.Where(l => l.Kind == LocationKind.Park && !Places.Contains(l)));
    }

    private void AddOrganizations()
    {
        var government = Organizations.FirstOrDefault(o => o.Kind == OrganizationKind.Government) ?? AddOrganization(UniqueName(() => "太原市人民政府"), OrganizationKind.Government, null);
        foreach (var (name, _) in Bureaus.Where(b => Claim(b.Name)))
            AddOrganization(name, OrganizationKind.Government, government);
        for (var i = 0; i < 40; i++)
            AddOrganization(UniqueName(() => Pick(CompanyPrefixes) + Pick(CompanyMiddles) + Pick(CompanyTrades) + "有限公司"), OrganizationKind.Company, null);
    }

    private void AddPosts()
    {
        var province = Organizations.FirstOrDefault(o => o.Name == "中共山西省委") ?? AddOrganization(UniqueName(() => "中共山西省委"), OrganizationKind.PartyCommittee, null);
        var party = Organizations.FirstOrDefault(o => o.Name == "中共太原市委") ?? AddOrganization(UniqueName(() => "中共太原市委"), OrganizationKind.PartyCommittee, province);
        var government = Organizations.First(o => o.Kind == OrganizationKind.Government);
        var congress = AddOrganization(UniqueName(() => "太原市人大常委会"), OrganizationKind.Other, null);
        var consultative = AddOrganization(UniqueName(() => "政协太原市委员会"), OrganizationKind.Other, null);

        void Add(string name, params (string, GenOrganization)[] titles) =>
            Posts.Add(new Post(name, titles.Select(t => (t.Item1, t.Item2.Id)).ToList(), null));

        // Top-down: a vacancy is filled from a lower post, whose vacancy is filled in turn further down.
        Add("市委书记", ("省委常委", province), ("市委书记", party));
        Add("市长", ("市委副书记", party), ("市长", government));
        Add("市委副书记", ("市委副书记", party));
        Add("市人大常委会主任", ("市人大常委会主任", congress));
        Add("市政协主席", ("市政协主席", consultative));
        Add("常务副市长", ("市委常委", party), ("常务副市长", government));
        Add("秘书长", ("市委常委", party), ("秘书长", party));
        Add("组织部部长", ("市委常委", party), ("组织部部长", party));
        Add("宣传部部长", ("市委常委", party), ("宣传部部长", party));
        Add("政法委书记", ("市委常委", party), ("政法委书记", party));
        Add("纪委书记", ("市委常委", party), ("市纪委书记", party));
        for (var i = 0; i < 5; i++) Add("副市长", ("副市长", government));

        var districts = Locations.Where(l => l.Kind == LocationKind.District).ToList();
        foreach (var district in districts)
        {
            var committee = AddOrganization(UniqueName(() => $"中共{district.Name}委员会"), OrganizationKind.PartyCommittee, party);
            Posts.Add(new Post("区委书记", [($"{district.Name}委书记", committee.Id)], district));
        }
        foreach (var district in districts)
        {
            var head = district.Name[^1] switch { '区' => "区长", '县' => "县长", _ => "市长" };
            var local = AddOrganization(UniqueName(() => $"{district.Name}人民政府"), OrganizationKind.Government, government);
            Posts.Add(new Post("区长", [($"{district.Name}{head}", local.Id)], district));
        }
        foreach (var (name, head) in Bureaus)
            if (Organizations.FirstOrDefault(o => o.Name == name) is { } bureau)
                Posts.Add(new Post("局长", [(head, bureau.Id)], null));
    }

    private GenPerson NewOfficial()
    {
        var official = new GenPerson(Officials.Count + 1, PersonName());
        Officials.Add(official);
        return official;
    }

    /// <summary>Three characters, so that no synthetic name is part of another.</summary>
    private string PersonName() => UniqueName(() => Pick(Surnames) + Pick(GivenNameCharacters) + Pick(GivenNameCharacters));

    private void StartTenure(int post, GenPerson official, DateOnly from)
    {
        var positions = Posts[post].Titles.Select(t =>
        {
            var position = new GenPosition(Positions.Count + 1, official.Id, t.Title, t.OrganizationId);
            Positions.Add(position);
            return position;
        }).ToList();
        Tenures[post].Add(new Tenure(official, Posts[post], from, positions));
    }

    /// <summary>Reshuffles at intervals: a third of the posts change hands, half of them to a promoted holder of a lower post.</summary>
    private void AddCareers(DateOnly start, DateOnly end)
    {
        for (var post = 0; post < Posts.Count; post++)
        {
            Tenures.Add([]);
            StartTenure(post, NewOfficial(), start);
        }

        var span = end.DayNumber - start.DayNumber;
        var interval = Math.Clamp(span / 8, 1, 540);
        for (var date = start.AddDays(interval); date < end; date = date.AddDays(interval / 2 + _random.Next(interval)))
        {
            var vacated = new bool[Posts.Count];
            for (var post = 0; post < Posts.Count; post++)
            {
                if (!vacated[post] && _random.NextDouble() >= 0.3) continue;
                if (!vacated[post]) Tenures[post][^1].Until = date;

                GenPerson holder;
                var lower = post + 1 + _random.Next(8);
                if (_random.NextDouble() < 0.5 && lower < Posts.Count && !vacated[lower])
                {
                    holder = Tenures[lower][^1].Official;
                    Tenures[lower][^1].Until = date;
                    vacated[lower] = true;
                }
                else holder = NewOfficial();
                StartTenure(post, holder, date);
            }
        }
    }

    private void AddJournalists()
    {
        for (var i = 0; i < 40; i++) Reporters.Add(new GenPerson(i + 1, PersonName()));
        for (var i = 0; i < 10; i++) Photographers.Add(new GenPerson(Reporters.Count + i + 1, PersonName()));
    }

    private void AddProjects(int count, DateOnly start, DateOnly end)
    {
        var companies = Organizations.Where(o => o.Kind == OrganizationKind.Company).ToList();
        var sites = Places.Where(p => p.Kind is LocationKind.Area or LocationKind.Park or LocationKind.DevelopmentZone).ToList();
        for (var i = 0; i < count; i++)
        {
            var location = Pick(sites);
            var industrial = location.Kind != LocationKind.Area;
            var company = industrial ? Pick(companies) : null;
            var name = UniqueName(() => industrial
                ? company!.Name.Replace("有限公司", "") + Pick(Products) + Pick(ProjectKinds)
                : location.Name + Pick(UrbanProjects) + Pick(Phases));

            var facts = new List<GenFigure>();
            decimal? investment = _random.Next(4) > 0 ? _random.Next(5, 900) * 10_000_000m : null;
            decimal? floor = !industrial || _random.Next(2) == 0 ? _random.Next(10, 1200) * 1_000m : null;
            decimal? site = industrial ? _random.Next(10, 600) * 1_000m : null;
            decimal? revenue = investment is { } inv && _random.Next(2) == 0 ? decimal.Round(inv * (0.1m + (decimal)_random.NextDouble()) / 10_000_000m) * 10_000_000m : null;
            decimal? tax = revenue is { } rev ? decimal.Round(rev / 12m / 1_000_000m) * 1_000_000m : null;
            if (floor is { } f) facts.Add(new("总建筑面积", f, "m²", FactQualifier.Exact, $"总建筑面积{Wan(f)}万平方米"));
            if (site is { } s) facts.Add(new("总占地", s, "m²", FactQualifier.Exact, $"总占地{Wan(s)}万平方米"));
            if (investment is { } t) facts.Add(new("总投资", t, "CNY", FactQualifier.Exact, $"总投资{Yi(t)}亿元"));
            if (revenue is { } r) facts.Add(new("预计年营业额", r, "CNY", FactQualifier.AtLeast, $"建成后预计年营业额{Yi(r)}亿元以上"));
            if (tax is { } x && x > 0) facts.Add(new("利税", x, "CNY", FactQualifier.Exact, $"可实现利税{Wan(x)}万元"));

            var stage = _random.Next(4);
            var signed = DateOnly.FromDayNumber(start.DayNumber + _random.Next(Math.Max(1, end.DayNumber - start.DayNumber)));
            var milestones = new List<(DateOnly?, MilestoneEvent, string)> { (signed, MilestoneEvent.Signed, $"{name}签约落地") };
            if (stage >= 1) milestones.Add((signed.AddDays(30 + _random.Next(120)), MilestoneEvent.Started, $"开工建设的{name}"));
            if (stage >= 1) milestones.Add((milestones[^1].Item1, MilestoneEvent.GroundBreaking, "并为项目培土奠基"));
            if (stage >= 2) milestones.Add((milestones[^1].Item1!.Value.AddDays(200 + _random.Next(400)), MilestoneEvent.InProduction, "向产品投产下线表示祝贺"));
            if (stage >= 3) milestones.Add((milestones[^1].Item1!.Value.AddDays(60 + _random.Next(300)), MilestoneEvent.Completed, $"{name}建成完工"));
            var status = stage switch { 0 => ProjectStatus.Signed, 1 => ProjectStatus.Started, 2 => ProjectStatus.InProduction, _ => ProjectStatus.Completed };

            Projects.Add(new GenProject(i + 1, name, status, location, company, industrial ? company!.Name.Contains("建设") ? "城市建设" : Pick(Industries) : "城市综合体",
                investment, floor, site, revenue, tax, facts, milestones));
        }
    }

    /// <summary>10000 units as printed: 890000 → "89", 84000 → "8.4".</summary>
    public static string Wan(decimal value) => (value / 10_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>100000000 units as printed: 5200000000 → "52".</summary>
    public static string Yi(decimal value) => (value / 100_000_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
