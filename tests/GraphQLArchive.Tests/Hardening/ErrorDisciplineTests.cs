using System.Data.Common;
using System.Text;
using GraphQLArchive.Tests.Archive;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>Every request error is a 4xx with a GraphQL body and a code; a bug is one code with a trace id.</summary>
public sealed class ErrorDisciplineTests(ErrorDisciplineTests.Fixture fixture) : IClassFixture<ErrorDisciplineTests.Fixture>
{
    /// <summary>The seeded API with a database fault that a test can switch on.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public FaultInterceptor Fault { get; } = new();
        public ArchiveApiFactory Api { get; }

        public Fixture() => Api = new ArchiveApiFactory { ExtraServices = services => services.AddSingleton<IInterceptor>(Fault) };

        public Task InitializeAsync() { _ = Api.Server; return Task.CompletedTask; }
        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    /// <summary>Throws a plain exception for statements on Journalists while armed: a stand-in for any bug.</summary>
    public sealed class FaultInterceptor : DbCommandInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Armed && command.CommandText.Contains("\"Journalists\"")
                ? throw new InvalidOperationException("simulated fault: secret-path /srv/archive.db")
                : ValueTask.FromResult(result);
    }

    private ArchiveApiFactory Api => fixture.Api;

    public static TheoryData<string, byte[]> InvalidUtf8 => new()
    {
        { "lone continuation byte", [.. "{\"query\":\"{ __typename }\",\"x\":\""u8, 0x80, .. "\"}"u8] },
        { "truncated sequence", [.. "{\"query\":\"{ __typename"u8, 0xE4, 0xB8, .. " }\"}"u8] },
        { "overlong encoding", [.. "{\"query\":\"{ __typename }\",\"x\":\""u8, 0xC0, 0xAF, .. "\"}"u8] },
        { "surrogate encoded in UTF-8", [.. "{\"query\":\"{ __typename }\",\"x\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8] },
        { "invalid lead byte", [0xFF, .. "{\"query\":\"{ __typename }\"}"u8] },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task Invalid_utf8_is_400_JSON_INVALID(string kind, byte[] body)
    {
        var response = await Api.PostBytesAsync(body);
        Assert.True(400 == (int)response.Status, kind + ": " + response);
        Assert.Equal("JSON_INVALID", response.FirstErrorCode);
        Assert.Contains("UTF-8", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData("{\"query\":\"{ __typename }\",\"operationName\":\"\\ud800\"}")]
    [InlineData("{\"query\":\"{ search(query: \\\"\\udc00\\\") { totalCount } }\"}")]
    public async Task A_lone_surrogate_escape_is_400_JSON_INVALID(string json)
    {
        var response = await Api.PostJsonTextAsync(json);
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("JSON_INVALID", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_document_the_parser_cannot_describe_is_400_SYNTAX_ERROR()
    {
        // Found by the property test: the parser crashed while composing this syntax error's message.
        var response = await Api.PostJsonTextAsync("{\"query\":\"{ articles(where: { headline: { contains: \\\"罗罗-}-(罗fragment}\\\"OR\\u000dOROR...\\u0012fragment$v{\\u0095-n.\\u0001[...OR[?I\\fragment$v\\\" } }) { totalCount } }\"}");
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("SYNTAX_ERROR", response.FirstErrorCode);
    }

    [Fact]
    public async Task The_parsers_depth_limit_is_400_with_a_code()
    {
        var query = "{ articles(where: " + string.Concat(Enumerable.Repeat("{ and: [", 100)) + "{}" + string.Concat(Enumerable.Repeat("] }", 100)) + ") { totalCount } }";
        var response = await Api.PostAsync(query);
        Assert.Equal(400, (int)response.Status);
        Assert.Equal("MAX_PARSER_DEPTH_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(128, (int)response.Json["errors"]![0]!["extensions"]!["allowedParserDepth"]!);
    }

    [Fact]
    public async Task A_subscription_to_a_field_the_subscription_type_lacks_is_a_coded_400()
    {
        // The schema has subscriptions now (a valid one over a plain POST is SUBSCRIPTION_NEEDS_STREAM, see SubscriptionTransportTests).
        var response = await Api.PostAsync("subscription { articles { totalCount } }");
        Assert.Equal(400, (int)response.Status);
        Assert.NotNull(response.FirstErrorCode);
        Assert.Contains("articles", response.FirstErrorMessage);
    }

    [Fact]
    public async Task An_unexpected_exception_is_INTERNAL_SERVER_ERROR_with_a_trace_id_and_no_detail()
    {
        fixture.Fault.Armed = true;
        try
        {
            var response = await Api.PostAsync("{ journalists { nodes { name } } }");
            Assert.Equal(200, (int)response.Status); // executed: the field failed, the request did not
            var error = response.Json["errors"]![0]!;
            Assert.Equal("INTERNAL_SERVER_ERROR", (string?)error["extensions"]!["code"]);
            var traceId = (string?)error["extensions"]!["traceId"];
            Assert.False(string.IsNullOrEmpty(traceId));
            Assert.Contains(traceId!, (string?)error["message"]);
            Assert.DoesNotContain("secret-path", response.Text);
            Assert.DoesNotContain("InvalidOperation", response.Text);
        }
        finally
        {
            fixture.Fault.Armed = false;
        }
    }

    [Fact]
    public async Task A_request_with_every_kind_of_error_codes_each_one()
    {
        var response = await Api.PostAsync("{ a: nope b: nope2 articles(first: 51) { nodes { headline } } }");
        HardeningHttp.AssertAllCoded(response);
    }
}
