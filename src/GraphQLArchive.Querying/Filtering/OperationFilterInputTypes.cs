using GraphQL.Types;

namespace GraphQLArchive.Querying.Filtering;

/// <summary>Adds input fields in order, the way Hot Chocolate prints them.</summary>
internal static class InputFields
{
    public static void Add(this IInputObjectGraphType type, string name, Type graphType) =>
        type.AddField(new FieldType { Name = name, Type = graphType });

    public static void AddAll(this IInputObjectGraphType type, Type scalar, params string[] names)
    {
        foreach (var name in names) type.Add(name, scalar);
    }
}

internal sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        this.Add("and", typeof(ListGraphType<NonNullGraphType<StringOperationFilterInputType>>));
        this.Add("or", typeof(ListGraphType<NonNullGraphType<StringOperationFilterInputType>>));
        this.AddAll(typeof(StringGraphType), "eq", "neq", "contains", "ncontains");
        this.AddAll(typeof(ListGraphType<StringGraphType>), "in", "nin");
        this.AddAll(typeof(StringGraphType), "startsWith", "nstartsWith", "endsWith", "nendsWith");
    }
}

internal sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        this.AddAll(typeof(BooleanGraphType), "eq", "neq");
    }
}

/// <summary>Filters on <c>ID</c> fields; values are global IDs of the field's own type.</summary>
internal sealed class IdOperationFilterInputType : InputObjectGraphType
{
    public IdOperationFilterInputType()
    {
        Name = "IdOperationFilterInput";
        this.AddAll(typeof(IdGraphType), "eq", "neq");
        this.AddAll(typeof(ListGraphType<IdGraphType>), "in", "nin");
    }
}

/// <summary>Int, Long, Float, Decimal, DateTime, LocalDate: <c>{Scalar}OperationFilterInput</c>.</summary>
internal sealed class ComparableOperationFilterInputType<TScalar> : InputObjectGraphType where TScalar : ScalarGraphType, new()
{
    public ComparableOperationFilterInputType()
    {
        Name = new TScalar().Name + "OperationFilterInput";
        this.AddAll(typeof(TScalar), "eq", "neq");
        this.AddAll(typeof(ListGraphType<TScalar>), "in", "nin");
        this.AddAll(typeof(TScalar), "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte");
    }
}

internal sealed class EnumOperationFilterInputType<TEnum> : InputObjectGraphType where TEnum : ScalarGraphType, new()
{
    public EnumOperationFilterInputType()
    {
        Name = new TEnum().Name + "OperationFilterInput";
        this.AddAll(typeof(TEnum), "eq", "neq");
        this.AddAll(typeof(ListGraphType<NonNullGraphType<TEnum>>), "in", "nin");
    }
}

/// <summary>A list of scalars, e.g. <c>ListStringOperationFilterInput</c>.</summary>
internal sealed class ListOperationFilterInputType<TOperation> : InputObjectGraphType where TOperation : IInputObjectGraphType, new()
{
    public ListOperationFilterInputType()
    {
        Name = "List" + new TOperation().Name;
        this.AddAll(typeof(TOperation), "all", "none", "some");
        this.Add("any", typeof(BooleanGraphType));
    }
}
