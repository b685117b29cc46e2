using System.Text.Json.Nodes;
using CsCheck;
using GraphQLArchive.Tests.Archive;
using Xunit.Abstractions;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>
/// The bounded bad-input run (scripts/bad-input/run.sh prints its figures): every case of <see cref="BadInputCorpus"/>
/// against the real API. None may be a 5xx, none may carry an error without a code, none may answer more than 1 MB.
/// </summary>
public sealed class BadInputRunTests(BadInputRunTests.BatchingApi fixture, ITestOutputHelper output) : IClassFixture<BadInputRunTests.BatchingApi>
{
    /// <summary>The real API with batching on (capped at 10), so that bad batches reach the batch code, not just its off switch.</summary>
    public sealed class BatchingApi : IAsyncLifetime
    {
        public ArchiveApiFactory Api { get; } = new() { Settings = { ["Archive:Batching:Enabled"] = "true" } };

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Api.DisposeAsync();
    }

    private ArchiveApiFactory api => fixture.Api;

    private const int MaxResponseBytes = 1_000_000;

    internal sealed record Outcome(BadInput Case, int Status, string? Problem);

    private async Task<Outcome> RunAsync(BadInput input, HttpClient client)
    {
        using var request = input.Request();
        using var message = await client.SendAsync(request);
        var text = await message.Content.ReadAsStringAsync();
        var status = (int)message.StatusCode;
        if (status >= 500) return new(input, status, "5xx");
        if (text.Length > MaxResponseBytes) return new(input, status, "over 1 MB");
        // Answers without a body by definition: a 304 to a conditional GET, and any answer to HEAD.
        if (status == 304 || request.Method == HttpMethod.Head) return new(input, status, text.Length == 0 ? null : "a body where none may be");
        if (message.Content.Headers.ContentType?.MediaType == "application/graphql") return new(input, status, null); // the schema file
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { parsed = null; }
        // A batch is answered with one GraphQL body per operation.
        var bodies = parsed is JsonArray { Count: > 0 } batch ? batch.Select(item => item as JsonObject).ToList() : [parsed as JsonObject];
        foreach (var body in bodies)
        {
            if (body is null || (body["errors"] is null && body["data"] is null)) return new(input, status, "no GraphQL body");
            if (status >= 400 && body["errors"] is not JsonArray { Count: > 0 }) return new(input, status, "4xx without errors");
            foreach (var error in body["errors"]?.AsArray() ?? [])
                if (string.IsNullOrEmpty((string?)error?["extensions"]?["code"])) return new(input, status, "uncoded: " + (string?)error?["message"]);
        }
        return new(input, status, null);
    }

    [Fact]
    public async Task Every_bad_input_is_answered_without_a_5xx_and_with_coded_errors()
    {
        var cases = BadInputCorpus.All();
        Assert.True(cases.Count >= 700, $"{cases.Count} cases");
        var client = api.CreateClient();
        var outcomes = new List<Outcome>();
        foreach (var input in cases) outcomes.Add(await RunAsync(input, client));

        var lines = new List<string> { $"bad-input run: {outcomes.Count} cases" };
        lines.AddRange(outcomes.GroupBy(o => o.Case.Class).Select(g =>
            $"  {g.Key,-20} {g.Count(),4} cases  statuses {string.Join(" ", g.GroupBy(o => o.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Count()}"))}  problems {g.Count(o => o.Problem is not null)}"));
        lines.Add($"5xx: {outcomes.Count(o => o.Problem == "5xx")}, uncoded: {outcomes.Count(o => o.Problem?.StartsWith("uncoded") == true)}, " +
                  $"no GraphQL body: {outcomes.Count(o => o.Problem is "no GraphQL body" or "4xx without errors")}, over 1 MB: {outcomes.Count(o => o.Problem == "over 1 MB")}");
        lines.AddRange(outcomes.Where(o => o.Problem is not null).Take(20).Select(o => $"  ! {o.Case} -> {o.Status} {o.Problem}"));
        foreach (var line in lines) output.WriteLine(line);
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "graphql-archive-bad-input.txt"), lines);

        Assert.True(outcomes.All(o => o.Problem is null), string.Join("\n", lines));
    }

    [Fact]
    public async Task Random_bad_inputs_never_get_a_5xx_or_an_uncoded_error()
    {
        // Property: whatever mix of bad parts a request is built from, the answer is coded and not a 5xx.
        var client = api.CreateClient();
        var parts = Gen.OneOf(
            Gen.Int[0x80, 0xFF].Select(b => "\\u00" + b.ToString("x2")),
            Gen.Int[0xD800, 0xDFFF].Select(s => $"\\u{s:x4}"),
            Gen.Int[0, 0x1F].Select(c => $"\\u{c:x4}"),
            Gen.Const("\\\""), Gen.Const("{"), Gen.Const("}"), Gen.Const("["), Gen.Const("("), Gen.Const("..."), Gen.Const("$v"),
            Gen.Const("罗"), Gen.Const("OR"), Gen.Const("-"), Gen.Const("__schema"), Gen.Const("ofType"), Gen.Const("fragment"),
            Gen.String[0, 8]);
        var gen = Gen.Select(Gen.Int[0, 3], parts.List[0, 40], Gen.Bool, (shape, pieces, asVariable) => (shape, text: string.Concat(pieces), asVariable));
        await gen.SampleAsync(async sample =>
        {
            var (shape, text, asVariable) = sample;
            var json = shape switch
            {
                0 => asVariable
                    ? $"{{\"query\":\"query($q: String!) {{ search(query: $q) {{ totalCount }} }}\",\"variables\":{{\"q\":\"{text}\"}}}}"
                    : $"{{\"query\":\"{{ search(query: \\\"{text}\\\") {{ totalCount }} }}\"}}",
                1 => $"{{\"query\":\"{{ articles(where: {{ headline: {{ contains: \\\"{text}\\\" }} }}) {{ totalCount }} }}\"}}",
                2 => $"{{\"query\":\"{text}\"}}",
                _ => $"{{\"query\":\"query($c: String) {{ articles(after: $c) {{ totalCount }} }}\",\"variables\":{{\"c\":\"{text}\"}}}}",
            };
            var input = new BadInput("random", json, () => new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
                Headers = { Accept = { System.Net.Http.Headers.MediaTypeWithQualityHeaderValue.Parse("application/graphql-response+json") } },
            });
            var outcome = await RunAsync(input, client);
            if (outcome.Problem is not null) throw new Xunit.Sdk.XunitException($"{json} -> {outcome.Status} {outcome.Problem}");
        }, iter: 300, threads: 1);
    }
}
