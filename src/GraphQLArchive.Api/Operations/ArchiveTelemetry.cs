using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GraphQLArchive.Api.Operations;

/// <summary>
/// Traces and metrics: one span per GraphQL operation (named <c>query Feed</c>, as OpenTelemetry's GraphQL
/// conventions name it), ASP.NET Core and EF Core spans, and request metrics. Exported only where
/// <c>Archive:Telemetry:Exporters</c> says (<c>otlp</c>, <c>console</c>); by default nothing leaves the process.
/// </summary>
public static class ArchiveTelemetry
{
    /// <summary>The name of this app's ActivitySource and Meter, for any listener.</summary>
    public const string SourceName = "GraphQLArchive";

    internal static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<long> Operations = Meter.CreateCounter<long>("graphql.server.operations", description: "GraphQL operations executed, by type, name and whether they had errors.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("graphql.server.operation.duration", unit: "s", description: "Time from receiving a GraphQL operation to its result (subscriptions: to the start of their stream).");

    public static IServiceCollection AddArchiveTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporters = (configuration["Archive:Telemetry:Exporters"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant()).ToHashSet();
        var unknown = exporters.Except(["otlp", "console"]).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Archive:Telemetry:Exporters names unknown exporters ({string.Join(", ", unknown)}): use otlp, console, or both.");
        var endpoint = configuration["Archive:Telemetry:OtlpEndpoint"] is { Length: > 0 } e ? new Uri(e) : null;

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(SourceName));
        // Spans are recorded only for an exporter: without one, a span per SQL statement is work that nobody reads.
        // ASP.NET Core still starts each request's activity, so errors and logs carry the caller's trace id.
        if (exporters.Count > 0)
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(SourceName).AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation();
                if (exporters.Contains("otlp")) tracing.AddOtlpExporter(o => { if (endpoint is not null) o.Endpoint = endpoint; });
                if (exporters.Contains("console")) tracing.AddConsoleExporter();
            });
        telemetry
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SourceName).AddAspNetCoreInstrumentation();
                if (exporters.Contains("otlp")) metrics.AddOtlpExporter(o => { if (endpoint is not null) o.Endpoint = endpoint; });
                if (exporters.Contains("console")) metrics.AddConsoleExporter();
            });
        return services;
    }

    /// <summary>Wraps every execution (parse, validate, execute) in the operation's span and records its metrics.</summary>
    public static IGraphQLBuilder AddOperationTelemetry(this IGraphQLBuilder builder) =>
        builder.ConfigureExecution(async (options, next) =>
        {
            using var activity = Source.StartActivity("graphql", ActivityKind.Internal);
            var started = Stopwatch.GetTimestamp();
            var result = await next(options);

            var type = result.Operation?.Operation switch
            {
                OperationType.Query => "query",
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                _ => null,
            };
            var name = result.Operation?.Name?.StringValue ?? options.OperationName;
            var failed = result.Errors is { Count: > 0 };
            if (activity is not null)
            {
                activity.DisplayName = type is null ? "graphql" : name is null ? type : $"{type} {name}";
                if (type is not null) activity.SetTag("graphql.operation.type", type);
                if (name is not null) activity.SetTag("graphql.operation.name", name);
                if (failed)
                {
                    activity.SetStatus(ActivityStatusCode.Error);
                    activity.SetTag("graphql.error.codes", string.Join(",", result.Errors!.Select(error => error.Code).Distinct()));
                }
            }
            var tags = new TagList { { "graphql.operation.type", type ?? "invalid" }, { "graphql.operation.name", name ?? "" }, { "graphql.errors", failed } };
            Operations.Add(1, tags);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            return result;
        });
}
