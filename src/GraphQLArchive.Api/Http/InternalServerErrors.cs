using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;

namespace GraphQLArchive.Api.Http;

/// <summary>A bug, not a client mistake: one code for every unexpected exception, and a trace id to find it in the log.</summary>
public sealed class InternalServerError : ExecutionError
{
    public const string CodeValue = "INTERNAL_SERVER_ERROR";

    public InternalServerError(string traceId)
        : base($"An unexpected error occurred on the server; it has been logged. Quote trace id {traceId} when you report it.")
    {
        Code = CodeValue;
        Data["traceId"] = traceId;
    }
}

public static class InternalServerErrorsGraphQLBuilderExtensions
{
    /// <summary>
    /// Logs every unhandled exception whole and answers <see cref="InternalServerError"/> instead of GraphQL.NET's
    /// code made from the exception's class name. An exception caused by the request being stopped (a database
    /// statement interrupted on timeout or disconnect) is turned back into the cancellation it is.
    /// </summary>
    public static IGraphQLBuilder AddInternalServerErrors(this IGraphQLBuilder builder) =>
        builder.ConfigureExecutionOptions(options => options.UnhandledExceptionDelegate = context =>
        {
            if (context.FieldContext is not null && context.Context?.CancellationToken is { IsCancellationRequested: true } token
                && context.OriginalException is not OperationCanceledException)
                throw new OperationCanceledException("The request was stopped.", context.OriginalException, token);

            var http = (context.ExecutionOptions.UserContext as GraphQLHttpUserContext)?.HttpContext;
            var traceId = TraceId(http);
            var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("GraphQLArchive.Api.GraphQL");
            logger?.LogError(context.OriginalException, "Unhandled error in {Field} (trace id {TraceId}, operation {Operation})",
                context.FieldContext?.FieldDefinition.Name ?? "(document)", traceId, context.ExecutionOptions.OperationName);
            context.Exception = new InternalServerError(traceId);
            return Task.CompletedTask;
        });

    /// <summary>The W3C trace id when a trace is running, else the request's identifier.</summary>
    internal static string TraceId(HttpContext? http) =>
        Activity.Current?.TraceId.ToHexString() ?? http?.TraceIdentifier ?? Guid.NewGuid().ToString("N");
}
