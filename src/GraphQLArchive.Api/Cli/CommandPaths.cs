namespace GraphQLArchive.Api.Cli;

/// <summary>
/// Paths typed on a command line, read from where the user typed them. <c>dotnet run --project src/GraphQLArchive.Api</c>
/// starts the app in the project folder, so the process's directory is not the shell's; the shell's is in <c>PWD</c>.
/// </summary>
internal static class CommandPaths
{
    public static string Resolve(string path) => Resolve(path, ShellDirectory());

    internal static string Resolve(string path, string shellDirectory) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(shellDirectory, path));

    /// <summary>The directory the command was typed in: the shell's <c>PWD</c> when it names a directory, else the process's.</summary>
    public static string ShellDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathRooted(pwd) && Directory.Exists(pwd)
            ? pwd
            : Directory.GetCurrentDirectory();

    /// <summary>The nearest <paramref name="relative"/> folder at or above the shell's directory or the app's, if any.</summary>
    public static string? FindUpwards(string relative)
    {
        foreach (var start in new[] { ShellDirectory(), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
