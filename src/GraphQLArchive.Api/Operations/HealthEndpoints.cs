using GraphQLArchive.Model.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphQLArchive.Api.Operations;

/// <summary>
/// <c>/healthz</c>: the process serves requests (liveness). <c>/readyz</c>: it can also reach its database, with
/// every migration applied (readiness). Both answer 200 <c>Healthy</c> or 503 <c>Unhealthy</c> as plain text.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddArchiveHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapArchiveHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    private sealed class DatabaseReadyCheck(ArchiveDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                    return HealthCheckResult.Unhealthy("The database cannot be reached.");
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                return pending == 0
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"{pending} database migrations are not applied yet.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The reason goes to the log, not to whoever asks.
                return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
            }
        }
    }
}
