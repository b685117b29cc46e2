using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphQLArchive.Ingestion.Registry;

/// <summary>Reads <c>seeds/registry/*.json</c>.</summary>
public static class RegistryReader
{
    internal const string EditionsFile = "editions.json";
    internal const string OfficialsFile = "officials.json";
    internal const string JournalistsFile = "journalists.json";
    internal const string LocationsFile = "locations.json";
    internal const string OrganizationsFile = "organizations.json";
    internal const string ProjectsFile = "projects.json";

    // The registry is written by hand, so it is read strictly: every property must be present (an absent
    // enum would silently become its first member), unknown properties are typos, and enums are names.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Loads the registry in <paramref name="directory"/>. A missing file is an empty list; content that
    /// cannot be read or names an entry that does not exist throws <see cref="InvalidDataException"/>
    /// naming the file and the problem.
    /// </summary>
    public static ArchiveRegistry Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Registry directory '{directory}' does not exist.");

        var registry = new ArchiveRegistry(
            Read<RegistryEdition>(directory, EditionsFile),
            Read<RegistryOfficial>(directory, OfficialsFile),
            Read<RegistryJournalist>(directory, JournalistsFile),
            Read<RegistryLocation>(directory, LocationsFile),
            Read<RegistryOrganization>(directory, OrganizationsFile),
            Read<RegistryProject>(directory, ProjectsFile));

        var problems = RegistryValidator.Problems(registry);
        if (problems.Count > 0)
            throw new InvalidDataException($"The registry in '{directory}' is invalid:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => $"  {p}")));
        return registry;
    }

    private static IReadOnlyList<T> Read<T>(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
            return [];
        try
        {
            using var stream = File.OpenRead(path);
            var entries = JsonSerializer.Deserialize<List<T?>>(stream, Options)
                ?? throw new InvalidDataException($"{fileName}: expected a JSON array of entries, found null.");
            var nullAt = entries.IndexOf(default);
            if (nullAt >= 0)
                throw new InvalidDataException($"{fileName}: entry [{nullAt}] is null.");
            return entries.OfType<T>().ToList();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName}: {e.Message}", e);
        }
    }
}
