using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GraphQLArchive.Querying.Paging;

/// <summary>
/// An opaque keyset cursor: the sort-key values of a row (its id last), the ordering they belong to,
/// and a check that rejects a cursor someone edited.
/// </summary>
public static class KeysetCursor
{
    private const int CheckLength = 6;
    private static readonly byte[] Salt = "GraphQLArchive.Keyset.v1"u8.ToArray();

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

    private static string Fingerprint(string ordering) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ordering)), 0, 4);

    private static byte[] Check(ReadOnlySpan<byte> payload) => SHA256.HashData([.. Salt, .. payload])[..CheckLength];
}
