using System.Net;
using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary><c>/graphql/schema.graphql</c>, as Hot Chocolate serves it: the committed schema file's text, with an ETag.</summary>
public sealed class SchemaFileTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private static string CommittedSchema() => File.ReadAllText(Path.Combine(
        Api.Cli.SchemaExport.RepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("GraphQLArchive.sln not found above " + AppContext.BaseDirectory),
        "schema", "schema.graphql")).ReplaceLineEndings("\n");

    [Fact]
    public async Task The_schema_file_is_served_as_committed_in_schema_graphql_and_as_sdl_serves_it()
    {
        var client = api.CreateClient();

        using var response = await client.GetAsync("/graphql/schema.graphql");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(CommittedSchema() == text, "/graphql/schema.graphql differs from schema/schema.graphql; regenerate the file with schema export.");
        Assert.Equal(text, await client.GetStringAsync("/graphql?sdl"));
    }

    [Fact]
    public async Task The_schema_file_has_an_etag_answers_304_to_it_and_head_without_a_body()
    {
        var client = api.CreateClient();
        using var first = await client.GetAsync("/graphql/schema.graphql");
        var etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql") { Headers = { IfNoneMatch = { etag } } };
        using var notModified = await client.SendAsync(conditional);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/graphql/schema.graphql"));

        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("", await head.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
    }
}
