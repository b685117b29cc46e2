using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace GraphQLArchive.Querying.Errors;

/// <summary>
/// Adds Hot Chocolate's <c>fieldCoordinate</c> (<c>Query.articles</c>) to the paging errors a field raises, where
/// the field is known: at the execution node, so no resolver has to pass it along.
/// </summary>
public static class FieldCoordinates
{
    private const string FieldCoordinateKey = "fieldCoordinate";

    private static readonly HashSet<string> CodesWithCoordinate = ["HC0051", "HC0079"];

    /// <summary>Names the field an error is about, for errors raised away from that field's own execution node.</summary>
    public static ExecutionError At(this ExecutionError error, GraphQL.Types.IComplexGraphType owner, GraphQL.Types.FieldType field) =>
        error.With(FieldCoordinateKey, $"{owner.Name}.{field.Name}");

    internal static void Stamp(ExecutionContext context, ExecutionNode node, ExecutionError error)
    {
        if (error.Code is null || !CodesWithCoordinate.Contains(error.Code) || error.Data.Contains(FieldCoordinateKey)) return;
        if (node.GetParentType(context.Schema) is { } parent && node.FieldDefinition is { } field)
            error.Data[FieldCoordinateKey] = $"{parent.Name}.{field.Name}";
    }
}

/// <summary>GraphQL.NET's serial strategy, with <see cref="FieldCoordinates"/> on its errors. Open, so that a strategy for other error handling can build on it.</summary>
public class CoordinatedSerialExecutionStrategy : SerialExecutionStrategy
{
    protected override void SetNodeError(ExecutionContext context, ExecutionNode node, ExecutionError error)
    {
        FieldCoordinates.Stamp(context, node, error);
        base.SetNodeError(context, node, error);
    }
}
