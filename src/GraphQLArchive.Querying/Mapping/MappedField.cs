using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;

namespace GraphQLArchive.Querying.Mapping;

internal enum MappedFieldKind { Scalar, ScalarList, Object, ObjectList }

/// <summary>
/// A GraphQL field bound to a member path of the source entity.
/// <see cref="GraphType"/> is the field's named graph type (lists and non-null unwrapped).
/// </summary>
internal sealed record MappedField(FieldType Field, IReadOnlyList<PropertyInfo> Path, MappedFieldKind Kind, Type GraphType, LambdaExpression? Computed = null)
{
    /// <summary>Where a generated filter or sort input field keeps the <see cref="MappedField"/> it stands for.</summary>
    public const string MetadataKey = "Querying.MappedField";

    public string Name => Field.Name;

    /// <summary>The value on <paramref name="instance"/>: the member path, or the computed expression.</summary>
    public Expression Access(Expression instance) =>
        Computed is null ? Expressions.Access(instance, Path) : Expressions.Rebind(Computed, instance);

    /// <summary>The member's CLR type: for lists, the element type.</summary>
    public Type ClrType => Kind is MappedFieldKind.ScalarList or MappedFieldKind.ObjectList
        ? EntityTypes.ElementType(Path[^1].PropertyType)!
        : Path[^1].PropertyType;
}
