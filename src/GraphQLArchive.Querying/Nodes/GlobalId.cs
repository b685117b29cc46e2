using System.Buffers.Text;
using System.Text;

namespace GraphQLArchive.Querying.Nodes;

/// <summary>Opaque global IDs as Hot Chocolate 14 writes them: <c>base64("Article:1")</c>.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, object id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{id}"));

    public static bool TryDecode(string? value, out string typeName, out string id)
    {
        typeName = id = "";
        if (string.IsNullOrEmpty(value) || !Base64.IsValid(value)) return false;
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(value));
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        typeName = text[..colon];
        id = text[(colon + 1)..];
        return true;
    }

    /// <summary>The key of an ID of <paramref name="expectedType"/>, converted to <paramref name="keyType"/>; null when it is not one.</summary>
    public static object? TryDecodeKey(string? value, string expectedType, Type keyType)
    {
        if (!TryDecode(value, out var typeName, out var raw) || typeName != expectedType) return null;
        try
        {
            return Convert.ChangeType(raw, Nullable.GetUnderlyingType(keyType) ?? keyType, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            return null;
        }
    }
}
