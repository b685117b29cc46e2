namespace GraphQLArchive.Api.Ide;

/// <summary>What the IDE serves; internal so the public surface stays one extension method.</summary>
internal sealed record BananaCakePopOptions
{
    /// <summary>Where Ide.targets copies the npm package's static files in build and publish output.</summary>
    public static string DefaultFilesPath { get; } = Path.Combine(AppContext.BaseDirectory, "bananacakepop");

    public string FilesPath { get; init; } = DefaultFilesPath;

    public string Title { get; init; } = "GraphQL Archive";

    /// <summary>Pre-fills a new document, so a first visit can press Run straight away.</summary>
    public string Document { get; init; } =
        """
        # 按日期排列的报道，以及出场的官员、角色和头衔
        # Articles by date, with the officials who appear, their role and printed titles
        {
          articles(order: [{ eventDate: ASC }]) {
            nodes {
              headline
              eventDate
              appearances {
                official { name }
                role
                titles
              }
            }
          }
        }
        """;
}
