namespace GraphQLArchive.Tests.Archive;

/// <summary>
/// The statement budget: one per root connection (its page), one for totalCount when selected, and one per
/// nested list field per level for all parents at once, never one per parent row.
/// </summary>
public sealed class QueryBudgetTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Theory]
    [InlineData("{ articles { nodes { headline } } }", 1)]
    [InlineData("{ articles { totalCount nodes { headline } } }", 2)]
    [InlineData("""
        { articles(order: [{ eventDate: ASC }]) { totalCount nodes { headline eventDate journalists { name }
          appearances { official { name } role titles } photos { caption credit } } } }
        """, 5)] // page, count, journalists, appearances, photos
    // Would be 1 + N + N×M under naive resolvers: every article's officials, their positions and organizations, every location's parent.
    // Here: the page (with the body, which holds the lead); officials, locations and projects; then positions, articles and facts one level down.
    [InlineData("""
        { articles(first: 50) { edges { cursor node { headline edition { newspaper } lead
          officials { name positions { title organization { name } } articles { headline } }
          locations { name parent { name parent { name } } } projects { name location { name } facts { value unit } } } } } }
        """, 7)]
    [InlineData("{ officials { nodes { name currentTitles articleCount appearances { role article { headline } } } } }", 3)]
    [InlineData("{ a: articles(first: 1) { nodes { headline } } o: officials { totalCount } p: projects { nodes { name } } }", 4)]
    public async Task Statements_per_request(string query, int expected)
    {
        _ = api.Server; // start (and seed) before counting
        api.Sql.Reset();
        var response = await api.PostAsync(query);
        Assert.Null(response.Json["errors"]);
        Assert.True(expected == api.Sql.Statements.Count, string.Join("\n---\n", api.Sql.Statements.Take(5)));
    }
}

public sealed class KeysetPagingTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Theory]
    [InlineData("[{ eventDate: DESC }]")]
    [InlineData("[{ name: ASC }]")]
    public async Task Walking_officials_forward_and_backward_one_page_at_a_time_visits_every_row_once(string order)
    {
        order = order.Replace("eventDate", "name");
        var all = (await api.PostAsync($"{{ officials(first: 50, order: {order}) {{ nodes {{ id }} }} }}"))
            .Json["data"]!["officials"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();

        var forward = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var page = (await api.PostAsync($"query($after: String) {{ officials(first: 3, after: $after, order: {order}) {{ nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage endCursor }} }} }}", new { after }))
                .Json["data"]!["officials"]!;
            forward.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            Assert.Equal(after is not null, (bool)page["pageInfo"]!["hasPreviousPage"]!);
            hasNext = (bool)page["pageInfo"]!["hasNextPage"]!;
            after = (string?)page["pageInfo"]!["endCursor"];
        } while (hasNext);
        Assert.Equal(all, forward);

        var backward = new List<string>();
        string? before = null;
        bool hasPrevious;
        do
        {
            var page = (await api.PostAsync($"query($before: String) {{ officials(last: 4, before: $before, order: {order}) {{ nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage startCursor }} }} }}", new { before }))
                .Json["data"]!["officials"]!;
            backward.InsertRange(0, page["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            hasPrevious = (bool)page["pageInfo"]!["hasPreviousPage"]!;
            before = (string?)page["pageInfo"]!["startCursor"];
        } while (hasPrevious);
        Assert.Equal(all, backward);
    }

    [Fact]
    public async Task Nullable_keys_page_without_skipping_rows()
    {
        // siteArea is null for two of the three projects: nulls sort first ascending, last descending.
        foreach (var direction in new[] { "ASC", "DESC" })
        {
            var all = (await api.PostAsync($"{{ projects(order: [{{ siteArea: {direction} }}]) {{ nodes {{ name }} }} }}"))
                .Json["data"]!["projects"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!).ToList();
            var walked = new List<string>();
            string? after = null;
            for (var i = 0; i < all.Count; i++)
            {
                var page = (await api.PostAsync($"query($after: String) {{ projects(first: 1, after: $after, order: [{{ siteArea: {direction} }}]) {{ nodes {{ name }} pageInfo {{ endCursor }} }} }}", new { after }))
                    .Json["data"]!["projects"]!;
                walked.Add((string)page["nodes"]![0]!["name"]!);
                after = (string?)page["pageInfo"]!["endCursor"];
            }
            Assert.Equal(all, walked);
        }
    }
}

public sealed class OffsetPagingTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Fact]
    public async Task Articles_by_page_number_with_segment_info_and_total()
    {
        var response = await api.PostAsync("""
            { articlesPage(skip: 1, take: 1, order: [{ eventDate: ASC }, { headline: ASC }], where: { characterCount: { gt: 100 } }) {
                items { headline } pageInfo { hasNextPage hasPreviousPage } totalCount } }
            """);
        var segment = response.Json["data"]!["articlesPage"]!;
        Assert.Equal(3, (int)segment["totalCount"]!);
        Assert.Equal("罗清宇张新伟走访慰问驻并部队", (string?)segment["items"]![0]!["headline"]);
        Assert.True((bool)segment["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)segment["pageInfo"]!["hasPreviousPage"]!);
    }

    [Fact]
    public async Task Take_over_fifty_is_HC0051()
    {
        var response = await api.PostAsync("{ articlesPage(take: 60) { items { headline } } }");
        Assert.Equal("HC0051", (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
    }
}
