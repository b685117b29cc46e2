using GraphQLArchive.Ingestion.Registry;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Model.Locations;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Organizations;
using GraphQLArchive.Model.Projects;
using GraphQLArchive.Model.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Seeding;

/// <summary>
/// The registry's entities as tracked rows, by name: those stored already are loaded, the rest are
/// added. Nothing stored is changed, so a second seeding adds nothing.
/// </summary>
internal sealed class RegistryCatalog
{
    private readonly ArchiveDbContext _db;
    private readonly Dictionary<string, Organization> _organizations;
    private readonly Dictionary<string, Location> _locations;
    private readonly Dictionary<string, Official> _officials;
    private readonly Dictionary<string, Journalist> _journalists;
    private readonly Dictionary<string, Project> _projects;
    private readonly ArchiveRegistry _registry;
    private List<string>? _officialNames;

    private RegistryCatalog(ArchiveDbContext db, ArchiveRegistry registry, List<Organization> organizations, List<Location> locations,
        List<Official> officials, List<Journalist> journalists, List<Project> projects)
    {
        _db = db;
        _registry = registry;
        _organizations = organizations.ToDictionary(o => o.Name);
        _locations = locations.ToDictionary(l => l.Name);
        _officials = officials.ToDictionary(o => o.Name);
        _journalists = journalists.ToDictionary(j => j.Name);
        _projects = projects.ToDictionary(p => p.Name);
    }

    internal static async Task<RegistryCatalog> LoadAsync(ArchiveDbContext db, ArchiveRegistry registry, CancellationToken cancellationToken)
    {
        var catalog = new RegistryCatalog(db, registry,
            await db.Organizations.ToListAsync(cancellationToken),
            await db.Locations.ToListAsync(cancellationToken),
            await db.Officials.Include(o => o.Positions).ToListAsync(cancellationToken),
            await db.Journalists.ToListAsync(cancellationToken),
            await db.Projects.ToListAsync(cancellationToken));
        catalog.AddMissing();
        return catalog;
    }

    /// <summary>"kind:name" of every entity this catalog added from an extraction (not from the registry or the database).</summary>
    public IReadOnlySet<string> CreatedNames => _created;

    private readonly HashSet<string> _created = [];

    /// <summary>
    /// Adds what the extractor found and nobody knew yet, by name or alias: new officials with their positions,
    /// locations in their hierarchy, organizations, projects with their figures and milestones. A known
    /// official gains the positions it was not known to hold.
    /// </summary>
    internal void AddExtracted(ArchiveRegistry extracted)
    {
        static T? Known<T>(Dictionary<string, T> byName, string name, Func<T, List<string>> aliases) where T : class =>
            byName.GetValueOrDefault(name) ?? byName.Values.FirstOrDefault(e => aliases(e).Contains(name));

        foreach (var o in extracted.Organizations.Where(o => Known(_organizations, o.Name, x => x.Aliases) is null))
        {
            _organizations[o.Name] = _db.Organizations.Add(new Organization { Name = o.Name, Kind = o.Kind, Aliases = [.. o.Aliases] }).Entity;
            _created.Add("organization:" + o.Name);
        }
        foreach (var o in extracted.Organizations.Where(o => o.Parent is not null && _created.Contains("organization:" + o.Name)))
            _organizations[o.Name].Parent ??= Known(_organizations, o.Parent!, x => x.Aliases);

        foreach (var l in extracted.Locations.Where(l => Known(_locations, l.Name, x => x.Aliases) is null))
        {
            _locations[l.Name] = _db.Locations.Add(new Location { Name = l.Name, Kind = l.Kind, Aliases = [.. l.Aliases] }).Entity;
            _created.Add("location:" + l.Name);
        }
        foreach (var l in extracted.Locations.Where(l => l.Parent is not null && _created.Contains("location:" + l.Name)))
            _locations[l.Name].Parent ??= Known(_locations, l.Parent!, x => x.Aliases);

        foreach (var o in extracted.Officials)
        {
            var official = Known(_officials, o.Name, x => x.Aliases);
            if (official is null)
            {
                official = _officials[o.Name] = _db.Officials.Add(new Official { Name = o.Name }).Entity;
                _created.Add("official:" + o.Name);
            }
            foreach (var p in o.Positions.Where(p => official.Positions.All(x => x.Title != p.Title)))
                official.Positions.Add(new Position { Title = p.Title, Organization = p.Organization is null ? null : Known(_organizations, p.Organization, x => x.Aliases) });
        }
        _officialNames = null;

        foreach (var p in extracted.Projects.Where(p => Known(_projects, p.Name, x => x.Aliases) is null))
        {
            _projects[p.Name] = _db.Projects.Add(new Project
            {
                Name = p.Name, Aliases = [.. p.Aliases], Status = p.Status, Sector = p.Sector,
                Location = p.Location is null ? null : Known(_locations, p.Location, x => x.Aliases),
                Organization = p.Organization is null ? null : Known(_organizations, p.Organization, x => x.Aliases),
                TotalInvestment = p.TotalInvestment, FloorArea = p.FloorArea, SiteArea = p.SiteArea,
                ExpectedAnnualRevenue = p.ExpectedAnnualRevenue, ExpectedAnnualTax = p.ExpectedAnnualTax,
                Facts = p.Facts.Select(f => new ProjectFact { Label = f.Label, Value = f.Value, Unit = f.Unit, Qualifier = f.Qualifier, Printed = f.Printed }).ToList(),
                Milestones = p.Milestones.Select(m => new Milestone { Date = m.Date, Event = m.Event, Printed = m.Printed }).ToList(),
            }).Entity;
            _created.Add("project:" + p.Name);
        }
    }

    /// <summary>Every official's name and aliases, for matching mentions; officials are all known once the catalog is loaded.</summary>
    internal IReadOnlyCollection<string> OfficialNames =>
        _officialNames ??= _officials.Values.SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToList();

    internal IEnumerable<(string Name, IReadOnlyList<string> Aliases)> LocationNames => _locations.Values.Select(l => (l.Name, (IReadOnlyList<string>)l.Aliases));
    internal IEnumerable<(string Name, IReadOnlyList<string> Aliases)> OrganizationNames => _organizations.Values.Select(o => (o.Name, (IReadOnlyList<string>)o.Aliases));
    internal IEnumerable<(string Name, IReadOnlyList<string> Aliases)> ProjectNames => _projects.Values.Select(p => (p.Name, (IReadOnlyList<string>)p.Aliases));

    internal Official Official(string nameOrAlias) =>
        _officials.GetValueOrDefault(nameOrAlias) ?? _officials.Values.First(o => o.Aliases.Contains(nameOrAlias));

    internal Location Location(string name) => _locations[name];
    internal Organization Organization(string name) => _organizations[name];
    internal Project Project(string name) => _projects[name];

    /// <summary>A journalist by name; one the registry does not know is added with the role the page gives.</summary>
    internal Journalist Journalist(string name, JournalistRole role)
    {
        if (_journalists.TryGetValue(name, out var journalist)) return journalist;
        journalist = new Journalist { Name = name, Role = role };
        _journalists[name] = journalist;
        _db.Journalists.Add(journalist);
        return journalist;
    }

    private void AddMissing()
    {
        foreach (var o in _registry.Organizations.Where(o => !_organizations.ContainsKey(o.Name)))
            _organizations[o.Name] = _db.Organizations.Add(new Organization { Name = o.Name, Kind = o.Kind, Aliases = [.. o.Aliases] }).Entity;
        foreach (var o in _registry.Organizations.Where(o => o.Parent is not null))
            _organizations[o.Name].Parent ??= _organizations[o.Parent!];

        foreach (var l in _registry.Locations.Where(l => !_locations.ContainsKey(l.Name)))
            _locations[l.Name] = _db.Locations.Add(new Location
            {
                Name = l.Name, Kind = l.Kind, Aliases = [.. l.Aliases], Latitude = l.Latitude, Longitude = l.Longitude,
            }).Entity;
        foreach (var l in _registry.Locations.Where(l => l.Parent is not null))
            _locations[l.Name].Parent ??= _locations[l.Parent!];

        // A registry name that is now an alias was merged into another official by an editor: it stays merged.
        var officialAliases = _officials.Values.SelectMany(o => o.Aliases).ToHashSet(StringComparer.Ordinal);
        foreach (var o in _registry.Officials.Where(o => !_officials.ContainsKey(o.Name) && !officialAliases.Contains(o.Name)))
            _officials[o.Name] = _db.Officials.Add(new Official
            {
                Name = o.Name,
                Aliases = [.. o.Aliases],
                Positions = o.Positions.Select(p => new Position
                {
                    Title = p.Title, Organization = p.Organization is null ? null : _organizations[p.Organization],
                }).ToList(),
            }).Entity;

        foreach (var j in _registry.Journalists.Where(j => !_journalists.ContainsKey(j.Name)))
            _journalists[j.Name] = _db.Journalists.Add(new Journalist { Name = j.Name, Role = j.Role }).Entity;

        foreach (var p in _registry.Projects.Where(p => !_projects.ContainsKey(p.Name)))
            _projects[p.Name] = _db.Projects.Add(new Project
            {
                Name = p.Name, Aliases = [.. p.Aliases], Status = p.Status, Sector = p.Sector,
                Location = p.Location is null ? null : _locations[p.Location],
                Organization = p.Organization is null ? null : _organizations[p.Organization],
                TotalInvestment = p.TotalInvestment, FloorArea = p.FloorArea, SiteArea = p.SiteArea,
                ExpectedAnnualRevenue = p.ExpectedAnnualRevenue, ExpectedAnnualTax = p.ExpectedAnnualTax,
                Facts = p.Facts.Select(f => new ProjectFact { Label = f.Label, Value = f.Value, Unit = f.Unit, Qualifier = f.Qualifier, Printed = f.Printed }).ToList(),
                Milestones = p.Milestones.Select(m => new Milestone { Date = m.Date, Event = m.Event, Printed = m.Printed }).ToList(),
            }).Entity;
    }
}
