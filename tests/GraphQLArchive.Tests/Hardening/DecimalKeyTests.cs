using CsCheck;
using GraphQLArchive.Model.Storage.Sqlite;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>SQLite compares the keys as bytes; that order must be the numbers' order, and every key must read back as its number.</summary>
public sealed class DecimalKeyTests
{
    // Whole decimals of every size and scale: a 96-bit mantissa, a sign and a scale of 0–28, plus the edges.
    private static readonly Gen<decimal> Any = Gen.Frequency(
        (6, Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Byte[0, 28], (lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, scale))),
        (3, Gen.Select(Gen.Long[-10_000_000_000, 10_000_000_000], Gen.Byte[0, 4], (mantissa, scale) => new decimal(mantissa) / (decimal)Math.Pow(10, scale))),
        (1, Gen.OneOf<decimal>(0m, -0m, 0.000m, 1m, -1m, 0.125m, -0.125m, 5200000000m, 5200000000.004m, decimal.MaxValue, decimal.MinValue,
            0.0000000000000000000000000001m, -0.0000000000000000000000000001m)));

    [Fact]
    public void Byte_order_is_numeric_order() =>
        Gen.Select(Any, Any).Sample((a, b) =>
            Math.Sign(string.CompareOrdinal(DecimalKey.Encode(a), DecimalKey.Encode(b))) == a.CompareTo(b), iter: 20_000);

    [Fact]
    public void A_key_reads_back_as_its_number() =>
        Any.Sample(value => DecimalKey.Decode(DecimalKey.Encode(value)) == value, iter: 20_000);

    [Theory]
    [InlineData("5200000000", "PK5200000000")]
    [InlineData("0.125", "PA.125")]
    [InlineData("0", "PA")]
    [InlineData("5.10", "PB5.1")]
    [InlineData("-5", "N]4~")]
    [InlineData("-5.1", "N]4.8~")]
    public void Keys_are_readable(string value, string key) =>
        Assert.Equal(key, DecimalKey.Encode(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
