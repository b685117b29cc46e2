namespace GraphQLArchive.Model.Storage;

/// <summary>A bulk writer (the generator, the PostgreSQL copy) was pointed at a database that holds data already: it writes only into an empty one.</summary>
public sealed class DatabaseNotEmptyException(string message) : InvalidOperationException(message);
