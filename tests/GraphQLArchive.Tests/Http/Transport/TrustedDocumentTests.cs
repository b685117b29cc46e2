using System.Net;
using System.Text.Json;
using GraphQLArchive.Api.Http;
using static GraphQLArchive.Tests.Http.Transport.TransportHost;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>Trusted documents from a directory of <c>&lt;id&gt;.graphql</c> files, as Hot Chocolate's file-system persisted operations, optionally the only ones allowed.</summary>
public sealed class TrustedDocumentTests : IAsyncLifetime
{
    private const string Hello = "{ hello }";
    private const string Greet = "query Greet($name: String!) { greet(name: $name) }";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"trusted-{Guid.NewGuid():N}");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, Sha256(Hello) + ".graphql"), Hello);
        File.WriteAllText(Path.Combine(_directory, "greet.graphql"), Greet);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private Task<TransportHost> StartAsync(bool onlyTrusted) => TransportHost.StartAsync(new GraphQLHttpOptions
    {
        PersistedOperations = { Directory = _directory, OnlyAllowPersistedDocuments = onlyTrusted },
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_trusted_document_runs_by_its_id_over_post_and_get_and_by_its_hash(bool onlyTrusted)
    {
        await using var host = await StartAsync(onlyTrusted);

        var byId = await host.PostAsync(new { id = "greet", variables = new { name = "晋城" } });
        var byGet = await host.GetAsync(new Dictionary<string, string> { ["id"] = "greet", ["variables"] = """{"name":"晋城"}""" });
        var byHash = await host.PostAsync(new { extensions = PersistedQuery(Hello) });
        var hashAsId = await host.PostAsync(new { id = Sha256(Hello) });

        Assert.Equal("""{"data":{"greet":"Hello, 晋城!"}}""", byId.Text);
        Assert.Equal(byId.Text, byGet.Text);
        Assert.Equal("""{"data":{"hello":"world"}}""", byHash.Text);
        Assert.Equal(byHash.Text, hashAsId.Text);
    }

    [Fact]
    public async Task An_unknown_id_is_hc0020_and_says_where_documents_come_from()
    {
        await using var host = await StartAsync(onlyTrusted: false);

        var response = await host.PostAsync(new { id = "nothing-here" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedOperationNotFound, response.FirstErrorCode);
        Assert.Contains("nothing-here.graphql", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData("""{"id":"../greet"}""")]
    [InlineData("""{"id":"greet.graphql"}""")]
    [InlineData("""{"id":""}""")]
    [InlineData("""{"id":5}""")]
    [InlineData("""{"id":{"a":1}}""")]
    [InlineData("""{"id":"greet","query":"{ hello }"}""")]
    public async Task An_id_that_is_no_file_name_or_comes_with_a_query_is_a_coded_400(string body)
    {
        await using var host = await StartAsync(onlyTrusted: false);

        var response = await host.PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLHttpErrorCodes.DocumentIdInvalid, response.FirstErrorCode);
    }

    [Fact]
    public async Task Without_the_option_any_document_still_runs()
    {
        await using var host = await StartAsync(onlyTrusted: false);

        var response = await host.PostAsync(new { query = "{ chinese }" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task When_trusted_documents_are_mandatory_any_other_document_is_refused_with_hc0067_saying_what_to_send()
    {
        await using var host = await StartAsync(onlyTrusted: true);

        var text = await host.PostAsync(new { query = "mutation { increment }" });
        var registering = await host.PostAsync(new { query = "{ chinese }", extensions = PersistedQuery("{ chinese }") });
        var overGet = await host.GetAsync(new Dictionary<string, string> { ["query"] = "{ chinese }" });

        foreach (var response in new[] { text, registering, overGet })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(GraphQLHttpErrorCodes.OnlyPersistedOperationsAllowed, response.FirstErrorCode);
            Assert.Contains("'id'", response.FirstErrorMessage);
        }
        Assert.Equal(0, host.MutationCounter.Count);
    }

    [Fact]
    public async Task When_trusted_documents_are_mandatory_the_text_of_a_trusted_document_still_runs()
    {
        await using var host = await StartAsync(onlyTrusted: true);

        var response = await host.PostAsync(new { query = Hello });

        Assert.Equal("""{"data":{"hello":"world"}}""", response.Text);
    }

    [Fact]
    public void A_directory_that_does_not_exist_fails_at_start_up_in_one_line_naming_the_key()
    {
        var options = new GraphQLHttpOptions { PersistedOperations = { Directory = Path.Combine(_directory, "missing") } };

        var failure = Assert.Throws<InvalidOperationException>(() => Api.Http.PersistedDocuments.PersistedDocumentResolver.Create(options, "/"));

        Assert.StartsWith("Archive:PersistedOperations:Directory", failure.Message);
        Assert.Equal(failure.Message, Api.Startup.StartupFailure.Describe(failure));
    }

    [Fact]
    public void Mandatory_trusted_documents_without_a_directory_fail_at_start_up()
    {
        var options = new GraphQLHttpOptions { PersistedOperations = { OnlyAllowPersistedDocuments = true } };

        var failure = Assert.Throws<InvalidOperationException>(() => Api.Http.PersistedDocuments.PersistedDocumentResolver.Create(options, "/"));

        Assert.Contains("Archive:PersistedOperations:Directory", failure.Message);
    }

    [Fact]
    public async Task A_document_added_to_the_directory_later_is_found_without_a_restart()
    {
        await using var host = await StartAsync(onlyTrusted: false);
        var before = await host.PostAsync(new { id = "later" });
        await File.WriteAllTextAsync(Path.Combine(_directory, "later.graphql"), "{ chinese }");

        var after = await host.PostAsync(new { id = "later" });

        Assert.Equal(GraphQLHttpErrorCodes.PersistedOperationNotFound, before.FirstErrorCode);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(JsonSerializer.Serialize(new { data = new { chinese = TestQuery.ChineseText } }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), after.Text);
    }
}
