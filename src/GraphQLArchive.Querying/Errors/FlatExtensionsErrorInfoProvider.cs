using GraphQL;
using GraphQL.Execution;

namespace GraphQLArchive.Querying.Errors;

/// <summary>
/// Writes an error's data beside its code in <c>extensions</c>, as Hot Chocolate does
/// (<c>{ "code": "HC0051", "requestedItems": 51, … }</c>), instead of GraphQL.NET's nested <c>data</c>.
/// </summary>
public sealed class FlatExtensionsErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false, ExposeData = true })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (info.Extensions is { } extensions && extensions.Remove("data", out var data) && data is IDictionary<string, object?> values)
        {
            foreach (var (key, value) in values) extensions[key] = value;
        }
        return info;
    }
}
