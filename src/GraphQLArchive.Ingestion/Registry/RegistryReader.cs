namespace GraphQLArchive.Ingestion.Registry;

/// <summary>Reads <c>seeds/registry/*.json</c>.</summary>
public static class RegistryReader
{
    public static ArchiveRegistry Load(string directory) => throw new NotImplementedException();
}
