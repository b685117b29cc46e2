using System.Net;
using System.Text.Json.Nodes;
using GraphQLArchive.Api.Http;
using GraphQLArchive.Querying.Limits;
using static GraphQLArchive.Tests.Http.Transport.TransportHost;

namespace GraphQLArchive.Tests.Http.Transport;

/// <summary>Request batching in Apollo's and Hot Chocolate's shapes: off by default, capped, answered in order.</summary>
public sealed class BatchingTests
{
    private static GraphQLHttpOptions Batching(int max = 10) => new() { Batching = { Enabled = true, MaxBatchSize = max } };

    private static JsonArray Array(GraphQLHttpResponse response) => JsonNode.Parse(response.Text)!.AsArray();

    [Fact]
    public async Task Batching_is_off_by_default_and_an_array_is_a_coded_400_that_says_how_to_turn_it_on()
    {
        await using var host = await StartAsync();

        var response = await host.PostJsonAsync("""[{"query":"{ hello }"},{"query":"{ chinese }"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(GraphQLHttpErrorCodes.BatchingDisabled, response.FirstErrorCode);
        Assert.Contains("Archive:Batching:Enabled=true", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData(TransportHost.GraphQLResponseJson)]
    [InlineData("application/json")]
    public async Task A_batch_is_answered_with_an_array_in_the_order_of_its_operations(string accept)
    {
        await using var host = await StartAsync(Batching());

        var response = await host.PostJsonAsync("""
            [{"query":"{ hello }"},
             {"query":"query G($n: String!) { greet(name: $n) }","variables":{"n":"太原"}},
             {"query":"mutation { increment }"}]
            """, accept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith(accept, response.ContentType);
        Assert.Equal("""[{"data":{"hello":"world"}},{"data":{"greet":"Hello, 太原!"}},{"data":{"increment":1}}]""", response.Text);
    }

    [Fact]
    public async Task Each_operation_of_a_batch_fails_on_its_own_with_its_own_code()
    {
        await using var host = await StartAsync(Batching());

        var response = await host.PostJsonAsync("""[{"query":"{ nope }"},5,{"query":"{ hello }"},{"id":"x"},{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}}]""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var results = Array(response);
        Assert.Equal(5, results.Count);
        Assert.NotNull(results[0]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(GraphQLHttpErrorCodes.RequestNotObject, (string?)results[1]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("world", (string?)results[2]!["data"]!["hello"]);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedOperationNotFound, (string?)results[3]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(GraphQLHttpErrorCodes.PersistedQueryNotFound, (string?)results[4]!["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task An_empty_batch_and_one_over_the_cap_are_coded_400s_with_the_figures()
    {
        await using var host = await StartAsync(Batching(max: 2));

        var empty = await host.PostJsonAsync("[]");
        var tooLarge = await host.PostJsonAsync("""[{"query":"mutation { increment }"},{"query":"mutation { increment }"},{"query":"mutation { increment }"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(GraphQLHttpErrorCodes.BatchEmpty, empty.FirstErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.Status);
        Assert.Equal(GraphQLHttpErrorCodes.BatchTooLarge, tooLarge.FirstErrorCode);
        Assert.Contains("3 operations; at most 2", tooLarge.FirstErrorMessage);
        Assert.Equal(0, host.MutationCounter.Count);
    }

    [Fact]
    public async Task Hot_chocolate_s_batch_operations_run_the_named_operations_of_one_document_in_order()
    {
        await using var host = await StartAsync(Batching());
        const string document = "query A { hello } query B { chinese } mutation C { increment }";

        var post = await host.PostJsonAsync($$"""{"query":"{{document}}"}""", path: "?batchOperations=[B,A]");
        var get = await host.GetAsync(new Dictionary<string, string> { ["query"] = document, ["batchOperations"] = "[\"A\", \"C\"]" });

        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(TestQuery.ChineseText, (string?)Array(post)[0]!["data"]!["chinese"]);
        Assert.Equal("world", (string?)Array(post)[1]!["data"]!["hello"]);
        // Over GET the mutation is refused as it would be alone, and the query beside it still runs.
        Assert.Equal("world", (string?)Array(get)[0]!["data"]!["hello"]);
        Assert.Equal(GraphQLHttpErrorCodes.HttpMethodNotAllowed, (string?)Array(get)[1]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(0, host.MutationCounter.Count);
    }

    [Theory]
    [InlineData("A,B", GraphQLHttpErrorCodes.BatchOperationsInvalid)]
    [InlineData("[A,1B]", GraphQLHttpErrorCodes.BatchOperationsInvalid)]
    [InlineData("[]", GraphQLHttpErrorCodes.BatchOperationsInvalid)]
    [InlineData("[A,A,A,A,A,A,A,A,A,A,A]", GraphQLHttpErrorCodes.BatchTooLarge)]
    public async Task Batch_operations_that_cannot_be_read_are_coded_400s(string operations, string code)
    {
        await using var host = await StartAsync(Batching());

        var response = await host.GetAsync(new Dictionary<string, string> { ["query"] = "query A { hello }", ["batchOperations"] = operations });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task The_execution_timeout_bounds_the_whole_batch_and_the_operations_past_it_get_hc0045()
    {
        // Each operation alone is well inside the timeout; together they are not.
        await using var host = await StartAsync(Batching(), graphql => graphql.AddRequestLimits(new RequestLimits { ExecutionTimeout = TimeSpan.FromSeconds(2) }));

        var response = await host.PostJsonAsync("[" + string.Join(",", Enumerable.Repeat("""{"query":"{ slow(milliseconds: 800) }"}""", 5)) + "]");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var results = Array(response);
        Assert.Equal(5, results.Count);
        Assert.Equal("done", (string?)results[0]!["data"]!["slow"]);
        Assert.Equal(RequestLimitCodes.Timeout, (string?)results[4]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("2 s", (string?)results[4]!["errors"]![0]!["message"]);
    }

    /// <summary>
    /// The size cap bounds a batch's answers together, brackets and commas counted: an array that fills it exactly is
    /// sent whole, and one byte more makes the answer that would pass it MAX_RESPONSE_SIZE_EXCEEDED, though that answer
    /// alone is well under the cap.
    /// </summary>
    [Fact]
    public async Task A_batch_s_answers_share_the_size_cap_and_the_one_that_would_pass_it_is_refused_with_the_figure()
    {
        const int cap = 200;
        await using var host = await StartAsync(Batching(), graphql => graphql.AddRequestLimits(new RequestLimits { MaxResponseBytes = cap }));
        static string Greeting(string name) => $$$"""{"data":{"greet":"Hello, {{{name}}}!"}}""";
        static object Greet(string name) => new { query = "query($n: String!) { greet(name: $n) }", variables = new { n = name } };
        const string first = "Taiyuan";
        var second = new string('x', cap - ("[" + Greeting(first) + "," + Greeting("") + "]").Length);

        var full = await host.PostAsync(new[] { Greet(first), Greet(second) });
        var over = await host.PostAsync(new[] { Greet(first), Greet(second + "x") });
        var alone = await host.PostAsync(Greet(second + "x"));

        Assert.Equal($"[{Greeting(first)},{Greeting(second)}]", full.Text);
        Assert.Equal(cap, full.Text.Length);
        var results = Array(over);
        Assert.Equal(2, results.Count);
        Assert.Equal(Greeting(first), results[0]!.ToJsonString());
        Assert.Null(results[1]!["data"]);
        Assert.Equal(RequestLimitCodes.ResponseTooLarge, (string?)results[1]!["errors"]![0]!["extensions"]!["code"]);
        Assert.StartsWith("The batch's answers up to this one are together larger than 200 bytes", (string?)results[1]!["errors"]![0]!["message"]);
        Assert.Equal(Greeting(second + "x"), alone.Text);

        // The first answer of a batch is refused as a batch's too, though it has the whole cap to itself.
        var firstOver = Array(await host.PostAsync(new[] { Greet(new string('y', cap)), Greet(first) }));
        Assert.StartsWith("The batch's answers up to this one are together larger than 200 bytes", (string?)firstOver[0]!["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Batch_operations_with_batching_off_say_how_to_turn_it_on()
    {
        await using var host = await StartAsync();

        var response = await host.GetAsync(new Dictionary<string, string> { ["query"] = "query A { hello }", ["batchOperations"] = "[A]" });

        Assert.Equal(GraphQLHttpErrorCodes.BatchingDisabled, response.FirstErrorCode);
    }
}
