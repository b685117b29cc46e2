using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphQLArchive.Model.Storage.Sqlite;

/// <summary>
/// A decimal as SQLite stores it: text whose byte order is the numbers' order, so that <c>=</c>, <c>&lt;</c>, <c>IN</c> and
/// <c>ORDER BY</c> on the column compare exact values and an ordinary index serves them. Every .NET decimal has one key
/// (trailing zeros dropped: 5.10 and 5.1 are one key) and reads back unchanged, so nothing is rounded.
/// SQLite has no decimal type: REAL would round past 15 digits, EF Core's own TEXT compares through a function that no
/// index serves, and a scaled INTEGER must fix a scale and a range.
/// </summary>
/// <remarks>
/// Layout: a sign (<c>N</c> below <c>P</c>), one letter for the count of whole digits, the whole digits, then <c>.</c> and
/// the fraction when there is one. <c>5200000000</c> is <c>PK5200000000</c>, <c>0.125</c> is <c>PA.125</c>, <c>0</c> is <c>PA</c>.
/// A negative number writes each digit as 9 minus it, counts its whole digits downwards, and ends in <c>~</c> (above every
/// digit and the point), so that a larger magnitude sorts lower: <c>-5.1</c> is <c>N]4.8~</c>, below <c>-5</c>, <c>N]4~</c>.
/// </remarks>
public static class DecimalKey
{
    private const int MaxWholeDigits = 29; // decimal.MaxValue has 29

    public static string Encode(decimal value)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = (point < 0 ? text : text[..point]).TrimStart('0');
        var fraction = point < 0 ? "" : text[(point + 1)..].TrimEnd('0');
        var negative = value < 0 && (whole.Length > 0 || fraction.Length > 0);
        var key = new StringBuilder(whole.Length + fraction.Length + 4);
        key.Append(negative ? 'N' : 'P');
        key.Append((char)('A' + (negative ? MaxWholeDigits - whole.Length : whole.Length)));
        Digits(key, whole, negative);
        if (fraction.Length > 0) Digits(key.Append('.'), fraction, negative);
        if (negative) key.Append('~');
        return key.ToString();
    }

    public static decimal Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var negative = key[0] == 'N';
        var digits = new StringBuilder(key.Length);
        if (negative) digits.Append('-');
        foreach (var c in key.AsSpan(2, key.Length - (negative ? 3 : 2)))
            digits.Append(negative && char.IsAsciiDigit(c) ? (char)('9' - c + '0') : c);
        var start = negative ? 1 : 0;
        if (digits.Length == start || digits[start] == '.') digits.Insert(start, '0'); // 0 and 0.125 keep no whole digit
        return decimal.Parse(digits.ToString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    public static string? Encode(decimal? value) => value is { } v ? Encode(v) : null;

    private static void Digits(StringBuilder key, string digits, bool complement)
    {
        foreach (var c in digits) key.Append(complement ? (char)('9' - c + '0') : c);
    }
}

/// <summary>The EF Core mapping of <see cref="DecimalKey"/>.</summary>
internal sealed class DecimalKeyConverter() : ValueConverter<decimal, string>(value => DecimalKey.Encode(value), key => DecimalKey.Decode(key));
