using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Generation;

/// <summary>A generated archive of 800 articles with the seed page beside it, served by the real API, shared by a test class.</summary>
public sealed class GeneratedArchiveFixture : IAsyncLifetime
{
    /// <summary>The size and seed of the generated archive the querying tests share, on either engine.</summary>
    public static GeneratedDatabase CreateDatabase() => GeneratedDatabase.Create(800, seed: 11);

    public ArchiveApiFactory Api { get; private set; } = null!;

    public GeneratedDatabase Database { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Database = CreateDatabase();
        Api = new ArchiveApiFactory(Database.File); // deletes the file when disposed
        _ = Api.Server; // migrate and seed before anyone counts statements
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
