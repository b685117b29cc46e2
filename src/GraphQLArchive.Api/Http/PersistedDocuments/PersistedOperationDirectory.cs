using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace GraphQLArchive.Api.Http.PersistedDocuments;

/// <summary>
/// Trusted documents as Hot Chocolate's file-system persisted operations keep them: one <c>&lt;id&gt;.graphql</c> file
/// per operation, the id usually being the document's SHA-256 as the client's build tool wrote it. Files are read
/// on first use and kept; an id is a file name, never a path.
/// </summary>
internal sealed partial class PersistedOperationDirectory
{
    private readonly string? _directory;
    private readonly ConcurrentDictionary<string, string?> _documents = new(StringComparer.Ordinal);

    private PersistedOperationDirectory(string? directory) => _directory = directory;

    public static readonly PersistedOperationDirectory None = new(null);

    public bool IsConfigured => _directory is not null;

    /// <summary>The directory of <paramref name="options"/>, relative to <paramref name="contentRoot"/>; it must exist.</summary>
    public static PersistedOperationDirectory Open(PersistedOperationOptions options, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            if (options.OnlyAllowPersistedDocuments)
                throw new InvalidOperationException("Archive:PersistedOperations:OnlyAllowPersistedDocuments is on, but Archive:PersistedOperations:Directory names no directory of <id>.graphql files. Set it, or turn the option off.");
            return None;
        }
        var directory = Path.GetFullPath(Path.Combine(contentRoot, options.Directory));
        if (!System.IO.Directory.Exists(directory))
            throw new InvalidOperationException($"Archive:PersistedOperations:Directory '{directory}' does not exist. Create it and put the trusted <id>.graphql files in it, or unset the key.");
        return new PersistedOperationDirectory(directory);
    }

    /// <summary>Letters, digits, '-' and '_': what hashes and HC's ids are made of, and no way out of the directory.</summary>
    public static bool IsValidId(string id) => ValidId().IsMatch(id);

    /// <summary>The document stored under <paramref name="id"/>, or null.</summary>
    public string? Find(string id)
    {
        if (_directory is null || !IsValidId(id)) return null;
        return _documents.GetOrAdd(id, static (key, directory) =>
        {
            var path = Path.Combine(directory, key + ".graphql");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }, _directory) ?? Forget(id);
    }

    // A missing file is not remembered, so a document deployed later is found without a restart.
    private string? Forget(string id)
    {
        _documents.TryRemove(id, out _);
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex ValidId();
}
