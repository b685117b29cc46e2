using System.Linq.Expressions;
using GraphQLArchive.Querying.Paging;
using GraphQLArchive.Querying.Sorting;

namespace GraphQLArchive.Tests.Querying;

/// <summary>The keyset predicate and the cursor format, checked against plain in-memory orderings.</summary>
public sealed class KeysetUnitTests
{
    private sealed class Row
    {
        public int Id { get; set; }
        public int? Score { get; set; }
        public string Name { get; set; } = "";
    }

    private static readonly Row[] Rows =
    [
        new() { Id = 1, Score = 3, Name = "乙" }, new() { Id = 2, Score = null, Name = "甲" }, new() { Id = 3, Score = 1, Name = "乙" },
        new() { Id = 4, Score = 3, Name = "丙" }, new() { Id = 5, Score = null, Name = "乙" }, new() { Id = 6, Score = 2, Name = "甲" },
    ];

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Rows_after_each_cursor_are_exactly_the_rest_of_the_ordering(bool descending, bool nullsSortFirst)
    {
        var keys = new[] { Key(r => r.Score, descending), Key(r => r.Name, false), Key(r => r.Id, false) };
        var ordered = Order(Rows, descending, nullsSortFirst);
        for (var i = 0; i < ordered.Count; i++)
        {
            var row = ordered[i];
            var after = Ranges(keys, row, reverse: false, nullsSortFirst);
            var before = Ranges(keys, row, reverse: true, nullsSortFirst);
            Assert.Equal(ordered.Skip(i + 1).Select(r => r.Id), ordered.Where(r => after.Any(p => p(r))).Select(r => r.Id));
            Assert.Equal(ordered.Take(i).Select(r => r.Id), ordered.Where(r => before.Any(p => p(r))).Select(r => r.Id));
            // The ranges are disjoint, so reading each and merging them repeats nothing.
            Assert.All(ordered, r => Assert.True(after.Count(p => p(r)) <= 1 && before.Count(p => p(r)) <= 1));
        }
    }

    [Fact]
    public void A_cursor_round_trips_its_values_and_refuses_another_ordering_or_an_edit()
    {
        var types = new[] { typeof(DateOnly?), typeof(decimal?), typeof(string), typeof(int) };
        object?[] values = [new DateOnly(2021, 7, 29), 5200000000m, "罗清宇", 42];
        var cursor = KeysetCursor.Encode("Article:EventDate DESC,Id ASC", values);

        Assert.True(KeysetCursor.TryDecode(cursor, "Article:EventDate DESC,Id ASC", types, out var decoded));
        Assert.Equal(values, decoded);
        Assert.False(KeysetCursor.TryDecode(cursor, "Article:EventDate ASC,Id ASC", types, out _));
        var bytes = Convert.FromBase64String(cursor);
        bytes[3] ^= 1;
        Assert.False(KeysetCursor.TryDecode(Convert.ToBase64String(bytes), "Article:EventDate DESC,Id ASC", types, out _));
        Assert.False(KeysetCursor.TryDecode("bm90IGEgY3Vyc29y", "Article:EventDate DESC,Id ASC", types, out _));
    }

    [Fact]
    public void Nulls_in_cursor_values_round_trip()
    {
        var cursor = KeysetCursor.Encode("o", [null, 7]);
        Assert.True(KeysetCursor.TryDecode(cursor, "o", [typeof(int?), typeof(int)], out var decoded));
        Assert.Equal([null, 7], decoded);
    }

    private static List<Func<Row, bool>> Ranges(SortKey[] keys, Row row, bool reverse, bool nullsSortFirst) =>
        KeysetPredicate.After<Row>(keys, [row.Score, row.Name, row.Id], reverse, nullsSortFirst).Select(p => p.Compile()).ToList();

    private static SortKey Key<TKey>(Expression<Func<Row, TKey>> key, bool descending) => new(key, descending, key.Body.ToString());

    /// <summary>The ordering a database produces: by score (nulls placed per the rule), then name, then id.</summary>
    private static List<Row> Order(IEnumerable<Row> rows, bool descending, bool nullsSortFirst)
    {
        // Map null to below or above every score, so one numeric comparison models the database.
        double Score(Row r) => r.Score ?? (nullsSortFirst ? double.NegativeInfinity : double.PositiveInfinity);
        var byScore = descending ? rows.OrderByDescending(Score) : rows.OrderBy(Score);
        return byScore.ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
    }
}
