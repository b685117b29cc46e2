using GraphQL;
using GraphQL.Types;

namespace GraphQLArchive.Api.Cli;

/// <summary><c>schema export --output schema/schema.graphql</c>: writes the SDL that front ends code against.</summary>
internal static class SchemaExport
{
    public static string Sdl(IServiceProvider services)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
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
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, sdl);
        Console.Error.WriteLine($"Wrote the schema to {Path.GetFullPath(output)}.");
        return 0;
    }
}
