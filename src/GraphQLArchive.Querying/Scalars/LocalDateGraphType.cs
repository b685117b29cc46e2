using GraphQL.Types;
using GraphQLArchive.Querying.Introspection;

namespace GraphQLArchive.Querying.Scalars;

/// <summary>A date without time, <c>"2021-07-29"</c>: Hot Chocolate 15's <c>LocalDate</c>.</summary>
public sealed class LocalDateGraphType : DateOnlyGraphType
{
    public LocalDateGraphType()
    {
        Name = "LocalDate";
        Description = "A calendar date without a time or time zone, written as a string `YYYY-MM-DD` (e.g. \"2021-07-29\"): RFC 3339's full-date. Map it to `string` in TypeScript.";
        this.SpecifiedBy("https://www.rfc-editor.org/rfc/rfc3339#section-5.6");
    }
}
