using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLArchive.Querying.Errors;
using GraphQLArchive.Querying.Projection;
using GraphQLArchive.Querying.Sorting;

namespace GraphQLArchive.Querying.Paging;

/// <summary>One page of an offset-paged list, as resolved.</summary>
internal sealed record CollectionSegmentResult(IReadOnlyList<object> Items, bool HasNextPage, bool HasPreviousPage, int? TotalCount);

/// <summary><c>{Field}CollectionSegment</c> and <c>CollectionSegmentInfo</c>, shaped as Hot Chocolate prints them.</summary>
internal sealed class CollectionSegmentGraphType : ObjectGraphType<CollectionSegmentResult>
{
    public CollectionSegmentGraphType(string fieldTypeName, Type nodeGraphType)
    {
        Name = fieldTypeName + "CollectionSegment";
        Description = "A segment of a collection.";
        Field<NonNullGraphType<CollectionSegmentInfoGraphType>>("pageInfo").Description("Information to aid in pagination.").Resolve(c => c.Source);
        AddField(new FieldType
        {
            Name = "items", Description = "A flattened list of the items.",
            Type = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(nodeGraphType)),
            Resolver = new FuncFieldResolver<CollectionSegmentResult, IReadOnlyList<object>>(c => c.Source.Items),
        });
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
    }
}

internal sealed class CollectionSegmentInfoGraphType : ObjectGraphType<CollectionSegmentResult>
{
    public CollectionSegmentInfoGraphType()
    {
        Name = "CollectionSegmentInfo";
        Description = "Information about the offset pagination.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Indicates whether more items exist following the set defined by the clients arguments.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Indicates whether more items exist prior the set defined by the clients arguments.").Resolve(c => c.Source.HasPreviousPage);
    }
}

/// <summary>Resolves <c>skip</c>/<c>take</c> with the same filter, order and projection as a connection.</summary>
internal static class CollectionSegmentResolver
{
    public static async Task<object?> ResolveAsync<T>(IResolveFieldContext context, IQueryable<T> source) where T : class
    {
        var skip = context.GetArgument<int?>("skip") ?? 0;
        var take = context.GetArgument<int?>("take") ?? QueryingErrors.DefaultPageSize;
        if (skip < 0 || take < 0) throw QueryingErrors.NegativePageSize();
        if (take > QueryingErrors.MaxPageSize) throw QueryingErrors.MaxPageSizeExceeded(take);

        var query = ConnectionResolver.Filter(context, source);
        var keys = ConnectionResolver.SortKeys<T>(context);
        var (segmentType, selected) = ConnectionResolver.FieldSelection(context);
        var totalCount = await ConnectionResolver.TotalCountAsync(query, selected, context.CancellationToken);

        var nodeType = ConnectionResolver.ListItemType(segmentType, "items");
        var itemFields = Selections.Named(selected, "items").SelectMany(f => Selections.Fields(f.SelectionSet, nodeType, context.Document));
        var projection = new NodeProjection<T>(ProjectionBuilder.Collect(nodeType, itemFields, context), source, context);
        var page = SortKey.Apply(query, keys, nullsFirst: QueryingOptions.Of(context).NullsSortFirst).Skip(skip).Take(take + 1).Select(projection.Selector);
        var items = await ConnectionResolver.ToListAsync(page, context.CancellationToken);
        var hasNext = items.Count > take;
        if (hasNext) items.RemoveAt(items.Count - 1);
        await projection.LoadListsAsync(items, context.CancellationToken);
        return new CollectionSegmentResult(items, hasNext, skip > 0, totalCount);
    }
}
