using GraphQLArchive.Ingestion.Registry;

namespace GraphQLArchive.Ingestion.Extraction;

/// <summary>Renames what was extracted to the registry's canonical names, so a known entity is linked, not duplicated.</summary>
internal static class Canonical
{
    public static ArchiveRegistry Apply(ArchiveRegistry extracted, ArchiveRegistry registry)
    {
        var officials = Lookup(registry.Officials.Select(o => (o.Name, o.Aliases)));
        var locations = Lookup(registry.Locations.Select(l => (l.Name, l.Aliases)));
        var organizations = Lookup(registry.Organizations.Select(o => (o.Name, o.Aliases)));
        var projects = Lookup(registry.Projects.Select(p => (p.Name, p.Aliases)));
        string? Of(Dictionary<string, string> names, string? name) => name is null ? null : names.GetValueOrDefault(name, name);

        return extracted with
        {
            Officials = extracted.Officials.Select(o => o with
            {
                Name = Of(officials, o.Name)!,
                Positions = o.Positions.Select(p => p with { Organization = Of(organizations, p.Organization) }).ToList(),
            }).DistinctBy(o => o.Name).ToList(),
            Locations = extracted.Locations.Select(l => l with { Name = Of(locations, l.Name)!, Parent = Of(locations, l.Parent) }).DistinctBy(l => l.Name).ToList(),
            Organizations = extracted.Organizations.Select(o => o with { Name = Of(organizations, o.Name)!, Parent = Of(organizations, o.Parent) }).DistinctBy(o => o.Name).ToList(),
            Projects = extracted.Projects.Select(p => p with
            {
                Name = Of(projects, p.Name)!, Location = Of(locations, p.Location), Organization = Of(organizations, p.Organization),
            }).DistinctBy(p => p.Name).ToList(),
        };
    }

    private static Dictionary<string, string> Lookup(IEnumerable<(string Name, IReadOnlyList<string> Aliases)> entries)
    {
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in entries)
        {
            lookup[name] = name;
            foreach (var alias in aliases) lookup.TryAdd(alias, name);
        }
        return lookup;
    }
}
