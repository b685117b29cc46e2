namespace GraphQLArchive.Tests.Ingestion;

/// <summary>Finds <c>seeds/</c> from the test output folder, so tests read the files the app seeds from.</summary>
internal static class SeedFiles
{
    public const string SeedPageName = "000_b581f6f460deb7f6.txt";

    public static readonly DateOnly SeedEditionDate = new(2021, 7, 31);

    public static string SeedsDirectory { get; } = FindSeeds();

    public static string RegistryDirectory => Path.Combine(SeedsDirectory, "registry");

    public static string SeedPageText => File.ReadAllText(Path.Combine(SeedsDirectory, "pages", SeedPageName));

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GraphQLArchive.sln")))
                return Path.Combine(dir.FullName, "seeds");
        }
        throw new DirectoryNotFoundException("No GraphQLArchive.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>A page as scanned: one block per line, blocks separated by blank lines.</summary>
    public static string Page(params string[] blocks) => string.Join("\n\n", blocks) + "\n";
}
