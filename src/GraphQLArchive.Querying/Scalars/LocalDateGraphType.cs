using GraphQL.Types;

namespace GraphQLArchive.Querying.Scalars;

/// <summary>A date without time, <c>"2021-07-29"</c>: Hot Chocolate 15's <c>LocalDate</c>.</summary>
public sealed class LocalDateGraphType : DateOnlyGraphType
{
    public LocalDateGraphType()
    {
        Name = "LocalDate";
        Description = "The `LocalDate` scalar type represents a ISO date string, represented as UTF-8 character sequences YYYY-MM-DD. The scalar follows the specification defined in RFC3339";
    }
}
