using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GraphQLArchive.Api.Search;

/// <summary>
/// An opaque keyset cursor for search results: the order, the query it belongs to, the row's sort key
/// (score or date) and its id, with a check that rejects an edited cursor or one from another search.
/// </summary>
internal static class SearchCursor
{
    private const int CheckLength = 6;
    private static readonly byte[] Salt = "GraphQLArchive.Search.v1"u8.ToArray();

    public static string Encode(string context, double score, DateOnly date, int id)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new object[] { Fingerprint(context), score, date.DayNumber, id });
        return Convert.ToBase64String([.. payload, .. Check(payload)]);
    }

    public static bool TryDecode(string cursor, string context, out double score, out DateOnly date, out int id)
    {
        (score, date, id) = (0, default, 0);
        try
        {
            var bytes = Convert.FromBase64String(cursor);
            if (bytes.Length <= CheckLength) return false;
            var payload = bytes.AsSpan(0, bytes.Length - CheckLength);
            if (!Check(payload).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - CheckLength))) return false;
            var items = JsonSerializer.Deserialize<JsonElement[]>(payload);
            if (items is not { Length: 4 } || items[0].GetString() != Fingerprint(context)) return false;
            (score, date, id) = (items[1].GetDouble(), DateOnly.FromDayNumber(items[2].GetInt32()), items[3].GetInt32());
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static string Fingerprint(string context) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context)), 0, 4);

    private static byte[] Check(ReadOnlySpan<byte> payload) => SHA256.HashData([.. Salt, .. payload])[..CheckLength];
}
