using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Execution;
using GraphQLArchive.Api.Http;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Tests.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>
/// What bounds an answer: long text weighs its <c>@cost</c> in the cost rule, so that many pages of bodies are refused
/// before they run; and, behind it, the size cap and the execution timeout also cover writing the answer.
/// </summary>
public sealed class LongTextCostTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private static string AliasedPages(int aliases) =>
        "{ " + string.Concat(Enumerable.Range(0, aliases).Select(i => $"a{i}: articles(first: 50) {{ nodes {{ headline body }} }} ")) + "}";

    [Fact]
    public async Task Five_hundred_aliased_pages_of_bodies_are_refused_by_their_cost_before_any_SQL()
    {
        _ = api.Server;
        api.Sql.Reset();
        var response = await api.PostAsync(AliasedPages(500));

        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", response.FirstErrorCode);
        var extensions = response.Json["errors"]![0]!["extensions"]!;
        // Each alias: articles 1, nodes 1, and 50 × (headline 1 + body 20).
        Assert.Equal(500 * (1 + 1 + 50 * (1 + 20)), (double)extensions["complexity"]!);
        Assert.Equal(100_000, (double)extensions["allowedComplexity"]!);
        Assert.Contains("@cost", response.FirstErrorMessage);
        Assert.Null(response.Json["data"]);
        Assert.Empty(api.Sql.Statements);
    }

    [Fact]
    public async Task Ninety_aliased_pages_of_bodies_still_fit()
    {
        var response = await api.PostAsync(AliasedPages(90));
        Assert.True(response.Json["errors"] is null, response.Text[..Math.Min(400, response.Text.Length)]);
    }

    [Fact]
    public async Task The_schema_prints_the_weights_the_cost_rule_counts()
    {
        var sdl = await api.CreateClient().GetStringAsync("/graphql/schema.graphql");
        Assert.Contains("body: String! @cost(weight: \"20\")", sdl);
        Assert.Contains("paragraphs: [String!]! @cost(weight: \"20\")", sdl);
        Assert.Contains("lead: String @cost(weight: \"5\")", sdl);
    }
}

/// <summary>With a small configured cap, an answer larger than it is refused while it is written, before a byte is sent.</summary>
public sealed class ResponseSizeTests(ResponseSizeTests.Fixture fixture) : IClassFixture<ResponseSizeTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ArchiveApiFactory Api { get; } = new() { Settings = { ["Archive:Limits:MaxResponseBytes"] = "2000" } };

        public Task InitializeAsync() { _ = Api.Server; return Task.CompletedTask; }
        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    [Theory]
    [InlineData("application/graphql-response+json", 400)]
    [InlineData("application/json", 200)]
    public async Task An_answer_over_the_size_limit_is_MAX_RESPONSE_SIZE_EXCEEDED_with_the_figure(string accept, int status)
    {
        var response = await fixture.Api.PostAsync("{ articles(first: 50) { nodes { headline body } } }", accept: accept);

        Assert.Equal(status, (int)response.Status);
        Assert.Equal("MAX_RESPONSE_SIZE_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(2000, (long)response.Json["errors"]![0]!["extensions"]!["allowedBytes"]!);
        Assert.Null(response.Json["data"]);
        Assert.True(response.Text.Length < 2000, response.Text);
    }

    [Fact]
    public async Task An_answer_under_the_limit_is_sent_whole_with_its_length()
    {
        var response = await fixture.Api.PostAsync("{ articles(first: 1) { nodes { headline } } }");

        Assert.Null(response.Json["errors"]);
        Assert.Equal(response.Message.Content.Headers.ContentLength, System.Text.Encoding.UTF8.GetByteCount(response.Text));
    }
}

/// <summary>The execution timeout covers writing the answer: a writer that would go on for minutes is stopped with HC0045.</summary>
public sealed class WritingTimeoutTests(WritingTimeoutTests.Fixture fixture) : IClassFixture<WritingTimeoutTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public EndlessResultConverter Endless { get; } = new();

        public ArchiveApiFactory Api { get; }

        public Fixture() => Api = new ArchiveApiFactory
        {
            Settings = { ["Archive:Limits:ExecutionTimeout"] = "00:00:01" },
            ExtraServices = services => services.AddSingleton<IGraphQLSerializer>(provider =>
                new ArchiveJsonSerializer(provider.GetRequiredService<IErrorInfoProvider>(), options => options.Converters.Insert(0, Endless))),
        };

        // The first request also builds the schema, which on a loaded machine takes longer than the 1 s timeout by
        // itself: then it times out before anything is written, and the test would not see the writer stopped.
        public async Task InitializeAsync() => await Api.PostAsync("{ __typename }");
        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    /// <summary>
    /// Writes an executed result as a string that grows by 1 KB every millisecond, for up to 100 s (100 MB); anything else
    /// (the timeout's error) as GraphQL.NET does. Counts the writes that were stopped.
    /// </summary>
    public sealed class EndlessResultConverter : JsonConverter<ExecutionResult>
    {
        private int _stopped;
        private JsonSerializerOptions? _plain;

        public int Stopped => Volatile.Read(ref _stopped);

        public override ExecutionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, ExecutionResult value, JsonSerializerOptions options)
        {
            if (!value.Executed)
            {
                JsonSerializer.Serialize(writer, value, Plain());
                return;
            }
            var finished = false;
            try
            {
                writer.WriteStartArray();
                var kilobyte = new string('x', 1024);
                for (var i = 0; i < 100_000; i++)
                {
                    writer.WriteStringValue(kilobyte);
                    writer.Flush();
                    Thread.Sleep(1);
                }
                writer.WriteEndArray();
                finished = true;
            }
            finally
            {
                if (!finished) Interlocked.Increment(ref _stopped);
            }
        }

        private JsonSerializerOptions Plain()
        {
            if (_plain is not null) return _plain;
            // GraphQL.NET leaves its own converter out when another one writes results: the endpoint's own options.
            return _plain = new ArchiveJsonSerializer(new FlatExtensionsErrorInfoProvider()).Options;
        }
    }

    [Fact]
    public async Task An_answer_still_being_written_at_the_timeout_is_HC0045()
    {
        var stopped = fixture.Endless.Stopped;
        var response = await fixture.Api.PostAsync("{ __typename }");

        Assert.True(400 == (int)response.Status, response.ToString());
        Assert.Equal("HC0045", response.FirstErrorCode);
        Assert.Equal(1, (double)response.Json["errors"]![0]!["extensions"]!["timeoutSeconds"]!);
        Assert.Null(response.Json["data"]);
        Assert.Equal(stopped + 1, fixture.Endless.Stopped);
    }
}
