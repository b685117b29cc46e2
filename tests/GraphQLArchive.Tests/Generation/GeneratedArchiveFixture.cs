using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Generation;

/// <summary>A generated archive of 800 articles with the seed page beside it, served by the real API, shared by a test class.</summary>
public sealed class GeneratedArchiveFixture : IAsyncLifetime
{
    public ArchiveApiFactory Api { get; private set; } = null!;

    public GeneratedDatabase Database { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Database = GeneratedDatabase.Create(800, seed: 11);
        Api = new ArchiveApiFactory(Database.File); // deletes the file when disposed
        _ = Api.Server; // migrate and seed before anyone counts statements
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
