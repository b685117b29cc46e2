using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GraphQLArchive.Querying.Paging;

/// <summary>
/// An opaque keyset cursor: the sort-key values of a row (its id last), the ordering they belong to,
/// and an HMAC-SHA256 tag under the server's key, so that nobody without the key can make or edit one.
/// </summary>
public static class KeysetCursor
{
    private const int CheckLength = 16;

    // The host sets the key for the request it serves (UseKey); the callers that encode and decode cursors stay
    // unaware of it. Without a key (unit tests, tools), a random per-process key still refuses every forgery.
    private static readonly AsyncLocal<byte[]?> RequestKey = new();
    private static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Signs and checks cursors under <paramref name="key"/> until the returned scope is disposed.</summary>
    public static IDisposable UseKey(byte[] key)
    {
        var previous = RequestKey.Value;
        RequestKey.Value = key;
        return new KeyScope(previous);
    }

    private sealed class KeyScope(byte[]? previous) : IDisposable
    {
        public void Dispose() => RequestKey.Value = previous;
    }

    public static string Encode(string ordering, IReadOnlyList<object?> values)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new object?[] { Fingerprint(ordering) }.Concat(values).ToArray());
        return Convert.ToBase64String([.. payload, .. Check(payload)]);
    }

    public static bool TryDecode(string cursor, string ordering, IReadOnlyList<Type> types, out object?[] values)
    {
        values = [];
        try
        {
            var bytes = Convert.FromBase64String(cursor);
            if (bytes.Length <= CheckLength) return false;
            var payload = bytes.AsSpan(0, bytes.Length - CheckLength);
            if (!Check(payload).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - CheckLength))) return false;
            var items = JsonSerializer.Deserialize<JsonElement[]>(payload);
            if (items is null || items.Length != types.Count + 1 || items[0].GetString() != Fingerprint(ordering)) return false;
            values = items.Skip(1).Select((item, i) => item.ValueKind == JsonValueKind.Null ? null : item.Deserialize(types[i])).ToArray();
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    // An ordering's fingerprint is asked for once per cursor; the orderings a schema offers are few, so keep a bounded number.
    private static readonly ConcurrentDictionary<string, string> Fingerprints = new();

    private static string Fingerprint(string ordering)
    {
        if (Fingerprints.TryGetValue(ordering, out var known)) return known;
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ordering)), 0, 4);
        if (Fingerprints.Count < 4096) Fingerprints.TryAdd(ordering, fingerprint);
        return fingerprint;
    }

    private static byte[] Check(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(RequestKey.Value ?? ProcessKey, payload)[..CheckLength];
}
