using GraphQL.Types;
using GraphQLArchive.Querying.Filtering;
using GraphQLArchive.Querying.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQLArchive.Querying.Sorting;

internal enum SortDirection { Asc, Desc }

internal sealed class SortEnumType : EnumerationGraphType<SortDirection>
{
    public SortEnumType() => Name = "SortEnumType";
}

/// <summary><c>{Type}SortInput</c>: every scalar field, and single navigations as nested sort inputs.</summary>
internal sealed class SortInputType<TGraph> : InputObjectGraphType where TGraph : IComplexGraphType
{
    public SortInputType(IServiceProvider services)
    {
        var graph = (IComplexGraphType)ActivatorUtilities.GetServiceOrCreateInstance(services, typeof(TGraph));
        Name = graph.Name + "SortInput";
        foreach (var mapped in GraphFieldMap.For(graph))
        {
            var type = mapped.Kind switch
            {
                MappedFieldKind.Scalar => typeof(SortEnumType),
                MappedFieldKind.Object => typeof(SortInputType<>).MakeGenericType(mapped.GraphType),
                _ => null, // lists are not sortable
            };
            if (type is null) continue;
            var field = new FieldType { Name = mapped.Name, Type = type };
            field.Metadata[MappedField.MetadataKey] = mapped;
            AddField(field);
        }
    }
}
