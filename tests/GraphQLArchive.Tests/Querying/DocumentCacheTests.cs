using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Querying;

/// <summary>
/// A document sent again is taken from the cache, parsed and validated once; what depends on the variables
/// (the cost of the pages they ask for, the length of their lists, their types) is still checked on every request.
/// </summary>
public sealed class DocumentCacheTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private const string Nested = """
        query($n: Int) { articles(first: $n) { nodes { appearances(first: $n) { official { positions(first: $n) { title } } } } } }
        """;

    [Fact]
    public async Task A_cached_document_is_costed_by_the_variables_of_each_request()
    {
        var cheap = await api.PostAsync(Nested, new { n = 2 });
        Assert.Null(cheap.Json["errors"]);

        var costly = await api.PostAsync(Nested, new { n = 50 });  // 50 × 50 × 50 positions exceed 100,000
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", costly.FirstErrorCode);

        var again = await api.PostAsync(Nested, new { n = 2 });
        Assert.Equal(cheap.Text, again.Text);
    }

    [Fact]
    public async Task A_cached_document_checks_the_length_of_list_variables()
    {
        const string query = "query($ids: [ID!]) { articles(where: { id: { in: $ids } }) { totalCount } }";
        Assert.Null((await api.PostAsync(query, new { ids = new[] { "QXJ0aWNsZTox" } })).Json["errors"]);

        var tooMany = await api.PostAsync(query, new { ids = Enumerable.Range(1, 501).Select(i => $"id{i}").ToArray() });
        Assert.Equal("MAX_INPUT_LIST_LENGTH_EXCEEDED", tooMany.FirstErrorCode);
    }

    [Fact]
    public async Task A_cached_document_still_coerces_its_variables()
    {
        const string query = "query($n: Int) { articles(first: $n) { nodes { headline } } }";
        Assert.Null((await api.PostAsync(query, new { n = 1 })).Json["errors"]);

        var wrongType = await api.PostAsync(query, new { n = "one" });
        Assert.Equal(400, (int)wrongType.Status);
        Assert.Equal("INVALID_VALUE", wrongType.FirstErrorCode);

        var tooLarge = await api.PostAsync(query, new { n = 51 });
        Assert.Equal("HC0051", tooLarge.FirstErrorCode);
    }

    [Fact]
    public async Task An_invalid_document_is_refused_every_time_it_is_sent()
    {
        const string query = "{ articles { nodes { noSuchField } } }";
        var first = await api.PostAsync(query);
        var second = await api.PostAsync(query);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", first.FirstErrorCode);
        Assert.Equal(first.Text, second.Text);
    }
}
