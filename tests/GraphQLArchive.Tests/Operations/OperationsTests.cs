using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using GraphQLArchive.Api.Operations;
using GraphQLArchive.Tests.Archive;

namespace GraphQLArchive.Tests.Operations;

public sealed class OperationsTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_operation_is_one_span_named_after_it_in_the_callers_trace()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ArchiveTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var traceId = ActivityTraceId.CreateRandom();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"query SpanProbe { articles(first: 1) { totalCount } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        (await api.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();

        var span = Assert.Single(stopped, a => a.TraceId == traceId);
        Assert.Equal("query SpanProbe", span.DisplayName);
        Assert.Equal("SpanProbe", span.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", span.GetTagItem("graphql.operation.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Operations_are_counted_by_name_and_outcome()
    {
        var measured = new ConcurrentBag<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ArchiveTelemetry.SourceName && instrument.Name == "graphql.server.operations") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measured.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        await api.PostAsync("query CountProbe { articles(first: 51) { totalCount } }");

        var (value, tags) = Assert.Single(measured, m => Equals(m.Tags["graphql.operation.name"], "CountProbe"));
        Assert.Equal(1, value);
        Assert.Equal("query", tags["graphql.operation.type"]);
        Assert.Equal(true, tags["graphql.errors"]);
    }
}
