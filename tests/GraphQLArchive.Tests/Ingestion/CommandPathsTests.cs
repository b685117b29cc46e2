using GraphQLArchive.Api.Cli;

namespace GraphQLArchive.Tests.Ingestion;

public class CommandPathsTests
{
    [Fact]
    public void A_relative_path_is_read_from_the_directory_the_command_was_typed_in()
    {
        var shell = Path.Combine(Path.GetTempPath(), "archive-shell");

        Assert.Equal(Path.Combine(shell, "seeds", "pages"), CommandPaths.Resolve("seeds/pages", shell));
        Assert.Equal(Path.GetFullPath("/data/pages"), CommandPaths.Resolve("/data/pages", shell));
    }
}
