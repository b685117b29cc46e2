using System.Text.Json.Nodes;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Generation;
using GraphQLArchive.Tests.QueryingTests;
using Microsoft.Data.Sqlite;

namespace GraphQLArchive.Tests.Search;

/// <summary>A generated archive in which one article in twenty-five has no event date, for the date orders of search.</summary>
public sealed class UndatedArchiveFixture : IAsyncLifetime
{
    public ArchiveApiFactory Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var database = GeneratedDatabase.Create(800, seed: 5);
        using (var connection = new SqliteConnection($"Data Source={database.File};Pooling=False"))
        {
            connection.Open();
            using var undate = connection.CreateCommand();
            undate.CommandText = "UPDATE Articles SET EventDate = NULL WHERE Id % 25 = 3";
            Assert.True(undate.ExecuteNonQuery() > 20);
        }
        Api = new ArchiveApiFactory(database.File); // deletes the file when disposed; on PostgreSQL, copies it first
        _ = Api.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>
/// NEWEST and OLDEST, paged either way, on dense hits (read by walking the date index) and on sparse ones (sorted):
/// every hit once, dated reports by date then id and the undated ones after them (newest first) or before them (oldest first).
/// </summary>
public sealed class SearchDateOrderTests(UndatedArchiveFixture archive) : IClassFixture<UndatedArchiveFixture>
{
    private const int PageSize = 25;

    [Theory]
    [InlineData(true, "NEWEST")] // most of the archive: walked from the date index
    [InlineData(true, "OLDEST")]
    [InlineData(false, "NEWEST")] // an official's name, below the walk's threshold: sorted
    [InlineData(false, "OLDEST")]
    public async Task Date_orders_page_every_hit_once_with_undated_reports_at_the_old_end(bool dense, string order)
    {
        var term = dense ? "市" : await LessNamedOfficialAsync();
        var hits = await AllHitsAsync(term);
        Assert.Contains(hits, h => h.Date is null);
        // Newest first: dated by date then id, descending, then the undated by id, descending; oldest first is the reverse.
        var newest = hits.OrderBy(h => h.Date is null).ThenByDescending(h => h.Date, StringComparer.Ordinal).ThenByDescending(h => h.Id).Select(h => h.Global).ToList();
        var expected = order == "NEWEST" ? newest : Enumerable.Reverse(newest).ToList();

        Assert.Equal(expected, await WalkAsync(term, order, forward: true));
        Assert.Equal(expected, await WalkAsync(term, order, forward: false));
    }

    [SqliteTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_newest_page_of_dense_hits_walks_the_date_index_without_sorting(bool secondPage)
    {
        const string query = "query($after: String) { search(query: \"市\", order: NEWEST, first: 10, after: $after) { edges { node { headline } } pageInfo { endCursor } } }";
        var after = secondPage ? (string?)(await archive.Api.PostAsync(query, new { after = (string?)null })).Json["data"]!["search"]!["pageInfo"]!["endCursor"] : null;
        var statements = await QueryPlanTests.RunAsync(archive.Api, query, new { after });

        var plan = SearchIndexTests.ExplainPage(archive.Api.DatabaseFile, statements);
        var lines = string.Join("\n", plan.Lines);
        Assert.True(plan.Lines[0].Contains("INDEX IX_Articles_EventDate (EventDate>?", StringComparison.Ordinal), lines);
        Assert.DoesNotContain(plan.Lines, l => l.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>The most named official in fewer than 200 articles: a name with too few hits to walk the date index for.</summary>
    private async Task<string> LessNamedOfficialAsync()
    {
        var officials = (await archive.Api.PostAsync("{ officials(first: 50, order: [{ articleCount: DESC }]) { nodes { name articleCount } } }")).Json["data"]!["officials"]!["nodes"]!.AsArray();
        return (string)officials.First(o => (int)o!["articleCount"]! is > 60 and < 200)!["name"]!;
    }

    private sealed record Hit(string Global, int Id, string? Date);

    /// <summary>Every hit with its date, read in relevance order (another path than the date orders').</summary>
    private async Task<List<Hit>> AllHitsAsync(string term)
    {
        var hits = new List<Hit>();
        string? after = null;
        do
        {
            var page = await SearchPageAsync($"search(query: \"{term}\", first: 50, after: $after)", after);
            hits.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!).Select(n => new Hit((string)n["id"]!, NumericId((string)n["id"]!), (string?)n["eventDate"])));
            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string?)page["pageInfo"]!["endCursor"] : null;
        } while (after is not null);
        Assert.Equal(hits.Count, hits.Select(h => h.Id).Distinct().Count());
        return hits;
    }

    /// <summary>The hits' ids in the order's walk, <see cref="PageSize"/> a page: forward by first/after, or backward by last/before (then reversed).</summary>
    private async Task<List<string>> WalkAsync(string term, string order, bool forward)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchPageAsync(
                forward ? $"search(query: \"{term}\", order: {order}, first: {PageSize}, after: $after)" : $"search(query: \"{term}\", order: {order}, last: {PageSize}, before: $after)", cursor);
            var pageIds = page["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!).ToList();
            ids.AddRange(forward ? pageIds : Enumerable.Reverse(pageIds));
            var more = (bool)page["pageInfo"]![forward ? "hasNextPage" : "hasPreviousPage"]!;
            cursor = more ? (string?)page["pageInfo"]![forward ? "endCursor" : "startCursor"] : null;
        } while (cursor is not null);
        if (!forward) ids.Reverse();
        return ids;
    }

    private async Task<JsonNode> SearchPageAsync(string field, string? after)
    {
        var response = await archive.Api.PostAsync(
            $"query($after: String) {{ {field} {{ edges {{ node {{ id eventDate }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}", new { after });
        Assert.True(response.Json["errors"] is null, response.Text);
        return response.Json["data"]!["search"]!;
    }

    private static int NumericId(string globalId)
    {
        var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId));
        return int.Parse(decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
