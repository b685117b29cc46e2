using System.Text.Json.Nodes;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Editions;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Tests.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.QueryingTests;

/// <summary>
/// Walks whole sorted connections page by page, forward (<c>first</c>/<c>after</c>) and backward
/// (<c>last</c>/<c>before</c>), while rows are inserted between the pages: before, at and after the cursor.
/// </summary>
/// <remarks>
/// The invariant. Let W be the sequence the walk returns (pages concatenated in the ordering's order; a backward
/// walk prepends each page), F the whole ordered list fetched once the walk is over, and B the rows inserted
/// <em>behind</em> the cursor: a row inserted while the cursor stood on row c is behind when F places it before c
/// in a forward walk, or after c in a backward walk. Rows are only inserted, never updated or deleted, so two rows
/// keep their relative order for the whole test and F tells where a row stood when it was inserted. Then
/// W = F \ B, in F's order. In particular no row of the original sequence is skipped or repeated, no row inserted
/// behind the cursor ever appears, and every row inserted ahead of the cursor does.
/// </remarks>
public sealed class KeysetWalkTests(ArchiveApiFactory shared) : IClassFixture<ArchiveApiFactory>
{
    // Read-only tests share one archive; the walks that insert rows get a fresh one each.
    private const int PageSize = 2;
    private const int PagesWithInserts = 3;

    public static TheoryData<string> Orders => new()
    {
        "officials|[{ name: ASC }]",
        "articles|[{ eventDate: DESC }, { headline: ASC }]",
        "articles|[{ eventDate: ASC }]",
        "articles|[{ edition: { date: DESC } }]",
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task A_walk_with_rows_inserted_between_pages_returns_the_final_list_without_the_rows_inserted_behind_the_cursor(string fieldAndOrder)
    {
        var (field, order) = (fieldAndOrder.Split('|')[0], fieldAndOrder.Split('|')[1]);
        await using var api = new ArchiveApiFactory();
        var inserter = new Inserter(api, field);

        foreach (var forward in new[] { true, false })
        {
            var original = await FullListAsync(api, field, order);
            var walk = await WalkAsync(api, field, order, forward, inserter.InsertAroundAsync);
            var final = await FullListAsync(api, field, order);
            var ids = final.Select(Id).ToList();

            var behind = walk.Inserted.Where(i => forward
                ? ids.IndexOf(i.Row) < ids.IndexOf(i.CursorRow)
                : ids.IndexOf(i.Row) > ids.IndexOf(i.CursorRow)).Select(i => i.Row).ToHashSet();
            var ahead = walk.Inserted.Select(i => i.Row).Where(r => !behind.Contains(r)).ToList();
            var label = $"{field} {order} {(forward ? "forward" : "backward")}";

            Assert.True(behind.Count > 0 && ahead.Count > 0, $"{label}: the walk should insert rows both behind and ahead of the cursor");
            Assert.True(walk.Rows.Count == walk.Rows.Distinct().Count(), $"{label}: a row was returned twice: {string.Join(", ", walk.Rows)}");
            Assert.Empty(original.Select(Id).Except(walk.Rows));
            Assert.Empty(behind.Intersect(walk.Rows));
            Assert.Empty(ahead.Except(walk.Rows));
            Assert.Equal(ids.Where(id => !behind.Contains(id)).ToList(), walk.Rows);
        }
    }

    [Theory]
    [InlineData("[{ status: ASC }]")]
    [InlineData("[{ status: DESC }, { name: DESC }]")]
    [InlineData("[{ totalInvestment: DESC }]")]
    [InlineData("[{ siteArea: ASC }, { floorArea: DESC }]")]
    [InlineData("[{ organization: { name: ASC } }]")]
    [InlineData("[{ organization: { name: DESC } }]")]
    [InlineData("[{ location: { name: DESC } }, { status: ASC }]")]
    public async Task Enum_decimal_and_nullable_navigation_keys_walk_both_ways_to_the_full_list(string order)
    {
        // Projects: enum keys, nullable decimals, and a navigation (organization) that is null for two of three rows.
        var api = shared;
        var all = (await FullListAsync(api, "projects", order)).Select(Id).ToList();
        foreach (var forward in new[] { true, false })
            Assert.Equal(all, (await WalkAsync(api, "projects", order, forward, _ => Task.FromResult(new List<string>()))).Rows);
    }

    [Fact]
    public async Task First_before_and_last_after_take_the_right_slice_with_the_right_page_info()
    {
        var api = shared;
        const string order = "[{ name: ASC }]";
        var all = await FullListAsync(api, "officials", order);
        var cursors = all.Select(n => (string)n["cursor"]!).ToList();
        var ids = all.Select(Id).ToList();
        var n = ids.Count;
        Assert.True(n >= 10);

        foreach (var (position, size) in new[] { (0, 2), (1, 2), (3, 3), (5, 1), (n - 1, 4), (n - 2, 50), (7, 0) })
        {
            // first + before: the first `size` rows of those before the cursor.
            var page = await PageAsync(api, "officials", order, $"first: {size}, before: \"{cursors[position]}\"");
            var expected = ids.Take(position).Take(size).ToList();
            Assert.Equal(expected, NodeIds(page));
            Assert.Equal(position > size, (bool)page["pageInfo"]!["hasNextPage"]!);
            Assert.False((bool)page["pageInfo"]!["hasPreviousPage"]!);

            // last + after: the last `size` rows of those after the cursor.
            page = await PageAsync(api, "officials", order, $"last: {size}, after: \"{cursors[position]}\"");
            var rest = ids.Skip(position + 1).ToList();
            Assert.Equal(rest.Skip(Math.Max(0, rest.Count - size)).ToList(), NodeIds(page));
            Assert.Equal(rest.Count > size, (bool)page["pageInfo"]!["hasPreviousPage"]!);
            Assert.False((bool)page["pageInfo"]!["hasNextPage"]!);

            // after + before together bound a window; first and last page within it.
            if (position + 4 < n)
            {
                var window = $"after: \"{cursors[position]}\", before: \"{cursors[position + 4]}\"";
                Assert.Equal(ids.Skip(position + 1).Take(Math.Min(size, 3)).ToList(), NodeIds(await PageAsync(api, "officials", order, $"first: {size}, {window}")));
                Assert.Equal(ids.Skip(position + 1).Take(3).TakeLast(Math.Min(size, 3)).ToList(), NodeIds(await PageAsync(api, "officials", order, $"last: {size}, {window}")));
            }
        }

        // Both ends: the first page has no previous page, the last no next one, in both directions.
        var first = await PageAsync(api, "officials", order, "first: 3");
        Assert.Equal((false, true), PageInfo(first));
        var lastForward = await PageAsync(api, "officials", order, $"first: 3, after: \"{cursors[n - 4]}\"");
        Assert.Equal(ids.TakeLast(3).ToList(), NodeIds(lastForward));
        Assert.Equal((true, false), PageInfo(lastForward));
        var pastTheEnd = await PageAsync(api, "officials", order, $"first: 3, after: \"{cursors[n - 1]}\"");
        Assert.Empty(NodeIds(pastTheEnd));
        Assert.Equal((true, false), PageInfo(pastTheEnd));
        Assert.Null(pastTheEnd["pageInfo"]!["endCursor"]);

        var last = await PageAsync(api, "officials", order, "last: 3");
        Assert.Equal(ids.TakeLast(3).ToList(), NodeIds(last));
        Assert.Equal((true, false), PageInfo(last));
        var firstBackward = await PageAsync(api, "officials", order, $"last: 3, before: \"{cursors[3]}\"");
        Assert.Equal(ids.Take(3).ToList(), NodeIds(firstBackward));
        Assert.Equal((false, true), PageInfo(firstBackward));
        var beforeTheStart = await PageAsync(api, "officials", order, $"last: 3, before: \"{cursors[0]}\"");
        Assert.Empty(NodeIds(beforeTheStart));
        Assert.Equal((false, true), PageInfo(beforeTheStart));
    }

    [Theory]
    [InlineData("officials", "[{ name: ASC }]", "officials", "[{ name: DESC }]")]
    [InlineData("officials", "[{ name: ASC }]", "officials", "[]")]
    [InlineData("officials", "[]", "officials", "[{ name: ASC }]")]
    [InlineData("articles", "[{ eventDate: ASC }]", "articles", "[{ eventDate: ASC }, { headline: ASC }]")]
    [InlineData("articles", "[{ eventDate: ASC }, { headline: ASC }]", "articles", "[{ eventDate: ASC }]")]
    [InlineData("articles", "[{ eventDate: DESC }]", "articles", "[{ edition: { date: DESC } }]")]
    [InlineData("articles", "[{ headline: ASC }]", "officials", "[{ name: ASC }]")]
    public async Task A_cursor_made_under_one_order_is_refused_under_another_with_HC0078(string fromField, string fromOrder, string toField, string toOrder)
    {
        var api = shared;
        var cursor = (string)(await PageAsync(api, fromField, fromOrder, "first: 1"))["pageInfo"]!["endCursor"]!;

        foreach (var argument in new[] { "after", "before" })
        {
            var response = await api.PostAsync($"query($c: String) {{ {toField}(first: 2, {argument}: $c, order: {toOrder}) {{ nodes {{ id }} }} }}", new { c = cursor });
            Assert.Equal("HC0078", response.FirstErrorCode);
            Assert.Equal($"The cursor specified in `{argument}` has an invalid format.", response.FirstErrorMessage);
            Assert.Equal(argument, (string?)response.Json["errors"]![0]!["extensions"]!["argument"]);
            Assert.Equal(toField, (string?)response.Json["errors"]![0]!["path"]![0]);
            Assert.Null(response.Json["data"]![toField]);
        }

        // The same cursor is accepted under its own order.
        var own = await api.PostAsync($"query($c: String) {{ {fromField}(first: 2, after: $c, order: {fromOrder}) {{ nodes {{ id }} }} }}", new { c = cursor });
        Assert.Null(own.Json["errors"]);
    }

    private sealed record Walk(List<string> Rows, List<(string Row, string CursorRow)> Inserted);

    private static async Task<Walk> WalkAsync(ArchiveApiFactory api, string field, string order, bool forward, Func<JsonObject, Task<List<string>>> insert)
    {
        var rows = new List<string>();
        var inserted = new List<(string, string)>();
        string? cursor = null;
        for (var pageNumber = 0; ; pageNumber++)
        {
            Assert.True(pageNumber < 100, "the walk does not end");
            var arguments = forward ? $"first: {PageSize}" : $"last: {PageSize}";
            if (cursor is not null) arguments += forward ? $", after: \"{cursor}\"" : $", before: \"{cursor}\"";
            var page = await PageAsync(api, field, order, arguments);
            var nodes = page["edges"]!.AsArray().Select(e => e!["node"]!.AsObject()).ToList();
            var (hasPrevious, hasNext) = PageInfo(page);
            Assert.Equal(cursor is not null, forward ? hasPrevious : hasNext);
            if (forward) rows.AddRange(nodes.Select(Id)); else rows.InsertRange(0, nodes.Select(Id));

            var more = forward ? hasNext : hasPrevious;
            Assert.True(more ? nodes.Count == PageSize : nodes.Count is > 0 and <= PageSize, $"page {pageNumber} has {nodes.Count} rows");
            if (!more)
            {
                // Nothing lies beyond the end the page info reported.
                var end = (string)page["pageInfo"]![forward ? "endCursor" : "startCursor"]!;
                var beyond = await PageAsync(api, field, order, forward ? $"first: {PageSize}, after: \"{end}\"" : $"last: {PageSize}, before: \"{end}\"");
                Assert.Empty(NodeIds(beyond));
                return new Walk(rows, inserted);
            }
            cursor = (string)page["pageInfo"]![forward ? "endCursor" : "startCursor"]!;
            Assert.Equal(cursor, (string)page["edges"]![forward ? nodes.Count - 1 : 0]!["cursor"]!);
            if (pageNumber < PagesWithInserts)
            {
                var cursorRow = forward ? nodes[^1] : nodes[0];
                foreach (var id in await insert(cursorRow)) inserted.Add((id, Id(cursorRow)));
            }
        }
    }

    private static string Id(JsonObject node) => (string)node["id"]!;

    private static List<string> NodeIds(JsonObject page) => page["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!).ToList();

    private static (bool HasPrevious, bool HasNext) PageInfo(JsonObject page) =>
        ((bool)page["pageInfo"]!["hasPreviousPage"]!, (bool)page["pageInfo"]!["hasNextPage"]!);

    private static string Selection(string field) => field == "articles" ? "id headline eventDate edition { date }" : "id name";

    private static async Task<JsonObject> PageAsync(ArchiveApiFactory api, string field, string order, string arguments)
    {
        var response = await api.PostAsync($"{{ {field}({arguments}, order: {order}) {{ edges {{ cursor node {{ {Selection(field)} }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
        Assert.True(response.Json["errors"] is null, response.Text);
        return response.Json["data"]![field]!.AsObject();
    }

    /// <summary>The whole ordered list, as nodes carrying their cursor.</summary>
    private static async Task<List<JsonObject>> FullListAsync(ArchiveApiFactory api, string field, string order)
    {
        var page = await PageAsync(api, field, order, "first: 50");
        Assert.False((bool)page["pageInfo"]!["hasNextPage"]!);
        return page["edges"]!.AsArray().Select(e =>
        {
            var node = e!["node"]!.DeepClone().AsObject();
            node["cursor"] = (string)e["cursor"]!;
            return node;
        }).ToList();
    }

    /// <summary>Inserts, straight through the DbContext, rows that sort before, at, just after and well after a cursor row.</summary>
    private sealed class Inserter(ArchiveApiFactory api, string field)
    {
        private int _counter;

        public async Task<List<string>> InsertAroundAsync(JsonObject cursorRow)
        {
            using var scope = api.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var k = ++_counter;
            if (field == "officials")
            {
                var name = (string)cursorRow["name"]!;
                var officials = new[]
                {
                    new Official { Name = $"A{k}" },                 // ASCII sorts before every Chinese name: behind
                    new Official { Name = $"{name[..^1]}{k}~" },     // just before the cursor row: behind
                    new Official { Name = $"{name}{k}" },            // just after the cursor row: ahead
                    new Official { Name = $"龥{k}" },                // after every name: ahead
                };
                db.Officials.AddRange(officials);
                await db.SaveChangesAsync();
                return officials.Select(o => GlobalId.Encode("Official", o.Id)).ToList();
            }

            var edition = await db.Editions.OrderBy(e => e.Id).FirstAsync();
            var ordinal = await db.Articles.MaxAsync(a => a.Ordinal);
            var eventDate = cursorRow["eventDate"] is { } d ? DateOnly.Parse((string)d!) : (DateOnly?)null;
            var headline = (string)cursorRow["headline"]!;
            var editionDate = DateOnly.Parse((string)cursorRow["edition"]!["date"]!);
            var articles = new List<Article>
            {
                NewArticle(edition, ++ordinal, eventDate, headline + k),       // same date, later headline, later id
                NewArticle(edition, ++ordinal, eventDate, "A" + k),            // same date, earlier headline, later id
                NewArticle(edition, ++ordinal, eventDate?.AddDays(1) ?? new DateOnly(2021, 7, 1), "B" + k),
                NewArticle(edition, ++ordinal, eventDate?.AddDays(-1) ?? new DateOnly(2021, 8, 1), "C" + k),
                NewArticle(edition, ++ordinal, null, "D" + k),
            };
            // Other editions, a day either side of the cursor row's edition.
            foreach (var delta in new[] { -1, 1 })
            {
                var other = new Edition
                {
                    Newspaper = edition.Newspaper, Date = editionDate.AddDays(delta), Page = edition.Page,
                    SourceFile = $"keyset-{k}-{delta}.txt", ContentHash = Guid.NewGuid().ToString("N"),
                };
                db.Editions.Add(other);
                articles.Add(NewArticle(other, 1, eventDate, $"E{k}{delta}"));
            }
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync();
            return articles.Select(a => GlobalId.Encode("Article", a.Id)).ToList();
        }

        private static Article NewArticle(Edition edition, int ordinal, DateOnly? eventDate, string headline) => new()
        {
            Edition = edition, Ordinal = ordinal, EventDate = eventDate, Headline = headline, Body = headline, CharacterCount = headline.Length,
        };
    }
}
