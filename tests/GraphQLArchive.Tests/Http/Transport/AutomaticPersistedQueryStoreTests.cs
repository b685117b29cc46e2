using GraphQLArchive.Api.Http.PersistedDocuments;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>The store's bounds, which the HTTP tests reach only by count.</summary>
public sealed class AutomaticPersistedQueryStoreTests
{
    [Fact]
    public void The_store_drops_the_least_recently_used_documents_to_stay_within_its_characters()
    {
        var store = new AutomaticPersistedQueryStore(maxEntries: 100, maxCharacters: 10);
        store.Add("a", "aaaa");
        store.Add("b", "bbbb");
        Assert.Equal("aaaa", store.Find("a")); // a is now the most recently used

        store.Add("c", "cccc");

        Assert.Null(store.Find("b"));
        Assert.Equal("aaaa", store.Find("a"));
        Assert.Equal("cccc", store.Find("c"));
    }

    [Fact]
    public void A_document_larger_than_the_whole_store_is_not_kept_and_drops_nothing()
    {
        var store = new AutomaticPersistedQueryStore(maxEntries: 100, maxCharacters: 10);
        store.Add("a", "aaaa");

        store.Add("huge", new string('x', 11));

        Assert.Null(store.Find("huge"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void A_store_of_size_zero_keeps_nothing()
    {
        var store = new AutomaticPersistedQueryStore(maxEntries: 0, maxCharacters: 10);

        store.Add("a", "a");

        Assert.Equal(0, store.Count);
    }
}
