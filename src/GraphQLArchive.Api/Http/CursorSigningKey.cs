using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQLArchive.Querying.Paging;

namespace GraphQLArchive.Api.Http;

/// <summary>
/// The key that signs keyset cursors. From <c>Archive:CursorKey</c> when set (any secret text; give every node the
/// same one); else generated once and kept in a file beside the database, so that restarts, and nodes sharing the
/// database folder, accept each other's cursors.
/// </summary>
public sealed class CursorSigningKey
{
    private CursorSigningKey(byte[] key) => Key = key;

    public byte[] Key { get; }

    public static CursorSigningKey FromSecret(string secret) => new(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The configured secret, else the key file at <paramref name="keyFile"/>, created when missing.</summary>
    public static CursorSigningKey Load(string? secret, string keyFile)
    {
        if (!string.IsNullOrEmpty(secret)) return FromSecret(secret);
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(keyFile))
            {
                var stored = File.ReadAllText(keyFile).Trim();
                if (stored.Length > 0) return FromSecret(stored);
                if (attempt < 20) { Thread.Sleep(50); continue; } // another node is writing it
                throw new IOException($"The cursor key file {keyFile} is empty. Delete it (a new key is made) or set Archive:CursorKey.");
            }
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using (var file = new FileStream(keyFile, options))
                using (var writer = new StreamWriter(file))
                    writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (attempt < 20 && File.Exists(keyFile))
            {
                // Another node created it first: read theirs.
            }
        }
    }
}

public static class CursorSigningGraphQLBuilderExtensions
{
    /// <summary>
    /// Signs and checks cursors under the server's <see cref="CursorSigningKey"/> in every execution, whichever
    /// transport (HTTP, WebSocket, SSE) runs it, so a cursor read over one pages over another.
    /// </summary>
    public static IGraphQLBuilder SignCursors(this IGraphQLBuilder builder) =>
        builder.ConfigureExecution(async (options, next) =>
        {
            using var signing = options.RequestServices?.GetService(typeof(CursorSigningKey)) is CursorSigningKey key ? KeysetCursor.UseKey(key.Key) : null;
            return await next(options);
        });
}
