using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GraphQL;
using GraphQLArchive.Api.Http;
using GraphQLParser.AST;

namespace GraphQLArchive.Tests.Http;

/// <summary>
/// With a document cache, GraphQL.NET skips the usual validation rules for documents it has seen.
/// A mutation first sent by POST (and so cached) must still be refused over GET.
/// </summary>
public sealed class GraphQLHttpDocumentCacheTests
{
    [Fact]
    public async Task A_mutation_cached_by_a_post_is_still_refused_over_get()
    {
        var cache = new ConcurrentDictionary<string, GraphQLDocument>();
        await using var host = await TestGraphQLHost.StartInMemoryAsync(graphql => graphql.ConfigureExecution(async (options, next) =>
        {
            // A minimal stand-in for GraphQL.NET's document cache: on a hit it hands over the parsed document
            // and runs only the cached-document rules; it stores documents that passed validation.
            if (cache.TryGetValue(options.Query!, out var cached))
            {
                options.Document = cached;
                options.ValidationRules = options.CachedDocumentValidationRules ?? [];
                return await next(options);
            }
            var result = await next(options);
            if (result.Executed && result.Document is not null)
            {
                cache[options.Query!] = result.Document;
            }
            return result;
        }));
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
