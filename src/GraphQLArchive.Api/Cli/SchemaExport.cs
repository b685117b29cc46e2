using GraphQLArchive.Api.Http;
using GraphQL;
using GraphQL.Types;

namespace GraphQLArchive.Api.Cli;

/// <summary><c>schema export --output schema/schema.graphql</c>: writes the SDL that front ends code against.</summary>
internal static class SchemaExport
{
    public static string Sdl(IServiceProvider services) => SchemaDocument.Sdl(services.GetRequiredService<ISchema>());

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds GraphQLArchive.sln.</summary>
    internal static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GraphQLArchive.sln"))) return dir.FullName;
        return null;
    }

    public static int Run(IServiceProvider services, string[] args)
    {
        var index = Array.IndexOf(args, "--output");
        var output = index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        var sdl = Sdl(services);
        if (output is null)
        {
            Console.Out.Write(sdl);
            return 0;
        }
        // `dotnet run --project` starts the app in the project folder: a relative path means the repository's.
        var path = Path.IsPathRooted(output) ? output : Path.Combine(RepositoryRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory, output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sdl);
        Console.Error.WriteLine($"Wrote the schema to {path}.");
        return 0;
    }
}
