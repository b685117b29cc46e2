using GraphQL.Types;
using GraphQLArchive.Querying.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Querying.Filtering;

/// <summary>The filter of one object type, <c>{Type}FilterInput</c>; its fields carry their <see cref="MappedField"/>.</summary>
internal abstract class ObjectFilterInputType : InputObjectGraphType
{
    /// <summary>The object type filtered, e.g. <c>Article</c>.</summary>
    public string ObjectTypeName { get; protected init; } = "";

    internal static Type OperationType(Type scalarGraphType)
    {
        if (scalarGraphType == typeof(StringGraphType)) return typeof(StringOperationFilterInputType);
        if (scalarGraphType == typeof(BooleanGraphType)) return typeof(BooleanOperationFilterInputType);
        if (scalarGraphType == typeof(IdGraphType)) return typeof(IdOperationFilterInputType);
        return typeof(EnumerationGraphType).IsAssignableFrom(scalarGraphType)
            ? typeof(EnumOperationFilterInputType<>).MakeGenericType(scalarGraphType)
            : typeof(ComparableOperationFilterInputType<>).MakeGenericType(scalarGraphType);
    }
}

internal sealed class FilterInputType<TGraph> : ObjectFilterInputType where TGraph : IComplexGraphType
{
    public FilterInputType(IServiceProvider services)
    {
        var graph = (IComplexGraphType)ActivatorUtilities.GetServiceOrCreateInstance(services, typeof(TGraph));
        ObjectTypeName = graph.Name;
        Name = graph.Name + "FilterInput";
        this.Add("and", typeof(ListGraphType<NonNullGraphType<FilterInputType<TGraph>>>));
        this.Add("or", typeof(ListGraphType<NonNullGraphType<FilterInputType<TGraph>>>));
        foreach (var mapped in GraphFieldMap.For(graph))
        {
            var type = mapped.Kind switch
            {
                MappedFieldKind.Scalar => OperationType(mapped.GraphType),
                MappedFieldKind.ScalarList => typeof(ListOperationFilterInputType<>).MakeGenericType(OperationType(mapped.GraphType)),
                MappedFieldKind.Object => typeof(FilterInputType<>).MakeGenericType(mapped.GraphType),
                _ => typeof(ListFilterInputType<>).MakeGenericType(mapped.GraphType),
            };
            var field = new FieldType { Name = mapped.Name, Type = type };
            field.Metadata[MappedField.MetadataKey] = mapped;
            AddField(field);
        }
    }
}

/// <summary><c>ListFilterInputTypeOf{Type}FilterInput</c>: some / all / none / any over a list navigation.</summary>
internal sealed class ListFilterInputType<TGraph> : InputObjectGraphType where TGraph : IComplexGraphType
{
    public ListFilterInputType(IServiceProvider services)
    {
        var graph = (IComplexGraphType)ActivatorUtilities.GetServiceOrCreateInstance(services, typeof(TGraph));
        Name = $"ListFilterInputTypeOf{graph.Name}FilterInput";
        this.AddAll(typeof(FilterInputType<TGraph>), "all", "none", "some");
        this.Add("any", typeof(BooleanGraphType));
    }
}
