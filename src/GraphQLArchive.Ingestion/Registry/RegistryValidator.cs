namespace GraphQLArchive.Ingestion.Registry;

/// <summary>Checks what JSON cannot: names are present and unique, and every reference names an existing entry.</summary>
internal static class RegistryValidator
{
    public static IReadOnlyList<string> Problems(ArchiveRegistry registry)
    {
        var problems = new List<string>();
        void Report(string file, string problem) => problems.Add($"{file}: {problem}");

        const string editions = RegistryReader.EditionsFile;
        RequireUniqueNames(editions, "sourceFile", registry.Editions.Select(e => e.SourceFile), Report);
        foreach (var edition in registry.Editions)
        {
            if (string.IsNullOrWhiteSpace(edition.Newspaper.Value))
                Report(editions, $"edition '{edition.SourceFile}' has no newspaper.");
            if (edition.Page.Value < 1)
                Report(editions, $"edition '{edition.SourceFile}' has page {edition.Page.Value}; pages start at 1.");
        }

        const string organizations = RegistryReader.OrganizationsFile;
        var organizationNames = RequireUniqueNames(organizations, "name", registry.Organizations.Select(o => o.Name), Report);
        RequireAliases(organizations, registry.Organizations.Select(o => (o.Name, o.Aliases)), Report);
        RequireAcyclicParents(organizations, "organization", registry.Organizations.Select(o => (o.Name, o.Parent)), organizationNames, Report);

        const string locations = RegistryReader.LocationsFile;
        var locationNames = RequireUniqueNames(locations, "name", registry.Locations.Select(l => l.Name), Report);
        RequireAliases(locations, registry.Locations.Select(l => (l.Name, l.Aliases)), Report);
        RequireAcyclicParents(locations, "location", registry.Locations.Select(l => (l.Name, l.Parent)), locationNames, Report);
        foreach (var location in registry.Locations)
        {
            if (location.Latitude is null != location.Longitude is null)
                Report(locations, $"location '{location.Name}' has only one of latitude and longitude.");
            if (location.Latitude is < -90 or > 90 || location.Longitude is < -180 or > 180)
                Report(locations, $"location '{location.Name}' has coordinates out of range.");
        }

        const string officials = RegistryReader.OfficialsFile;
        RequireUniqueNames(officials, "name", registry.Officials.Select(o => o.Name), Report);
        RequireAliases(officials, registry.Officials.Select(o => (o.Name, o.Aliases)), Report);
        foreach (var official in registry.Officials)
        {
            foreach (var position in official.Positions)
            {
                if (string.IsNullOrWhiteSpace(position.Title))
                    Report(officials, $"official '{official.Name}' has a position without a title.");
                if (position.Organization is { } organization && !organizationNames.Contains(organization))
                    Report(officials, $"position '{position.Title}' of '{official.Name}' names organization '{organization}', which is not in {organizations}.");
            }
        }

        const string journalists = RegistryReader.JournalistsFile;
        RequireUniqueNames(journalists, "name", registry.Journalists.Select(j => j.Name), Report);

        const string projects = RegistryReader.ProjectsFile;
        RequireUniqueNames(projects, "name", registry.Projects.Select(p => p.Name), Report);
        RequireAliases(projects, registry.Projects.Select(p => (p.Name, p.Aliases)), Report);
        foreach (var project in registry.Projects)
        {
            if (project.Location is { } location && !locationNames.Contains(location))
                Report(projects, $"project '{project.Name}' names location '{location}', which is not in {locations}.");
            if (project.Organization is { } organization && !organizationNames.Contains(organization))
                Report(projects, $"project '{project.Name}' names organization '{organization}', which is not in {organizations}.");
            foreach (var fact in project.Facts)
            {
                if (string.IsNullOrWhiteSpace(fact.Label) || string.IsNullOrWhiteSpace(fact.Unit) || string.IsNullOrWhiteSpace(fact.Printed))
                    Report(projects, $"project '{project.Name}' has a fact without label, unit or printed text.");
            }
            foreach (var milestone in project.Milestones)
            {
                if (string.IsNullOrWhiteSpace(milestone.Printed))
                    Report(projects, $"project '{project.Name}' has a {milestone.Event} milestone without printed text.");
            }
        }

        return problems;
    }

    private static HashSet<string> RequireUniqueNames(string file, string property, IEnumerable<string> names, Action<string, string> report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, index) in names.Select((name, index) => (name, index)))
        {
            if (string.IsNullOrWhiteSpace(name))
                report(file, $"entry [{index}] has an empty {property}.");
            else if (!seen.Add(name))
                report(file, $"'{name}' appears more than once.");
        }
        return seen;
    }

    private static void RequireAliases(string file, IEnumerable<(string Name, IReadOnlyList<string> Aliases)> entries, Action<string, string> report)
    {
        foreach (var (name, aliases) in entries)
        {
            if (aliases.Any(string.IsNullOrWhiteSpace))
                report(file, $"'{name}' has an empty alias.");
        }
    }

    private static void RequireAcyclicParents(string file, string kind, IEnumerable<(string Name, string? Parent)> entries, HashSet<string> names, Action<string, string> report)
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, parent) in entries)
        {
            if (parent is not null && !names.Contains(parent))
                report(file, $"{kind} '{name}' names parent '{parent}', which is not in {file}.");
            if (!string.IsNullOrWhiteSpace(name))
                parents.TryAdd(name, parent);
        }

        foreach (var start in parents.Keys)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal) { start };
            for (var current = parents[start]; current is not null && parents.TryGetValue(current, out var next); current = next)
            {
                if (!visited.Add(current))
                {
                    report(file, $"the parents of {kind} '{start}' form a cycle.");
                    break;
                }
            }
        }
    }
}
