using System.Net;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQLArchive.Api.Http;
using GraphQLArchive.Querying.Limits;

namespace GraphQLArchive.Tests.Http;

/// <summary>
/// With a document cache (<see cref="DocumentCache"/>), the usual validation rules are skipped for documents seen before.
/// A mutation first sent by POST (and so cached) must still be refused over GET.
/// </summary>
public sealed class GraphQLHttpDocumentCacheTests
{
    [Fact]
    public async Task A_mutation_cached_by_a_post_is_still_refused_over_get()
    {
        // The archive's own document cache: on a hit it runs only the cached-document rules.
        await using var host = await TestGraphQLHost.StartInMemoryAsync(graphql =>
            graphql.Services.Register<IConfigureExecution>(new DocumentCache(capacity: 100), replace: false));
        using var client = host.CreateClient();
        const string mutation = "mutation { increment }";

        var post = await client.PostAsync("", new StringContent($$"""{"query":"{{mutation}}"}""", Encoding.UTF8, "application/json"));
        var get = await GraphQLHttpResponse.ReadAsync(await client.GetAsync("?query=" + Uri.EscapeDataString(mutation)));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.True(get.Status == HttpStatusCode.MethodNotAllowed, get.ToString());
        Assert.Equal(GraphQLHttpErrorCodes.HttpMethodNotAllowed, get.FirstErrorCode);
        Assert.Equal(1, host.MutationCounter.Count);
    }
}
