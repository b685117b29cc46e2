using GraphQL.Types;
using GraphQLArchive.Querying.Filtering;
using GraphQLArchive.Querying.Sorting;

namespace GraphQLArchive.Querying.Projection;

public static class ListFieldExtensions
{
    /// <summary>
    /// A list navigation <c>name(first, where, order): [Item!]!</c> whose arguments are applied inside the
    /// root field's SQL statement, for every parent at once.
    /// </summary>
    public static FieldType AddFilterableList<TItemGraph>(this IComplexGraphType type, string name, string? description = null)
        where TItemGraph : IObjectGraphType
    {
        var field = new FieldType
        {
            Name = name,
            Description = description,
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TItemGraph>>>),
            Arguments = new QueryArguments(
                new QueryArgument<IntGraphType> { Name = "first", Description = "Returns the first _n_ elements from the list." },
                new QueryArgument<FilterInputType<TItemGraph>> { Name = "where" },
                new QueryArgument<ListGraphType<NonNullGraphType<SortInputType<TItemGraph>>>> { Name = "order" }),
        };
        field.Metadata[ListArguments.MetadataKey] = true;
        type.AddField(field);
        return field;
    }
}
