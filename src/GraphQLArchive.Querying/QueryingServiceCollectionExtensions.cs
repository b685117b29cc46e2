using GraphQLArchive.Querying.Filtering;
using GraphQLArchive.Querying.Nodes;
using GraphQLArchive.Querying.Paging;
using GraphQLArchive.Querying.Scalars;
using GraphQLArchive.Querying.Sorting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Querying;

public static class QueryingServiceCollectionExtensions
{
    /// <summary>Registers the generated filter, sort and paging graph types so the schema can create them.</summary>
    public static IServiceCollection AddQueryingConventions(this IServiceCollection services)
    {
        services.AddTransient(typeof(FilterInputType<>));
        services.AddTransient(typeof(ListFilterInputType<>));
        services.AddTransient(typeof(SortInputType<>));
        services.AddTransient(typeof(ComparableOperationFilterInputType<>));
        services.AddTransient(typeof(EnumOperationFilterInputType<>));
        services.AddTransient(typeof(ListOperationFilterInputType<>));
        services.AddTransient<StringOperationFilterInputType>();
        services.AddTransient<BooleanOperationFilterInputType>();
        services.AddTransient<IdOperationFilterInputType>();
        services.AddTransient<SortEnumType>();
        services.AddTransient<PageInfoGraphType>();
        services.AddTransient<CollectionSegmentInfoGraphType>();
        services.AddTransient<NodeInterfaceType>();
        services.AddTransient<LocalDateGraphType>();
        services.AddTransient<ExactDecimalGraphType>();
        return services;
    }
}
