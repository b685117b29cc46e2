using GraphQL.Types;

namespace GraphQLArchive.Querying.Scalars;

/// <summary>
/// GraphQL.NET's built-in scalars carry no description; these replace them by name, with one that says what a
/// value looks like on the wire, so that code generators and IDEs can show it.
/// </summary>
public static class ScalarDescriptions
{
    public const string DecimalDescription =
        "A decimal number, written as a JSON number (e.g. 5200000000 or 0.125), never as a string. Map it to `number` in TypeScript " +
        "(or to a decimal library when figures pass 15 significant digits). Stored, filtered and sorted exactly: any number up to " +
        "±79228162514264337593543950335 with up to 28 decimal places (.NET's decimal) is compared as written, nothing is rounded. " +
        "A number outside that range is refused before anything runs: `ARGUMENTS_OF_CORRECT_TYPE` in the document, `INVALID_VALUE` in variables.";

    /// <summary>Call from the schema's constructor, before it is initialized.</summary>
    public static void DescribeBuiltInScalars(this ISchema schema)
    {
        schema.RegisterType(new StringGraphType { Description = "Text, as UTF-8 characters (Chinese is not escaped)." });
        schema.RegisterType(new IntGraphType { Description = "A signed 32-bit whole number." });
        schema.RegisterType(new FloatGraphType { Description = "A double-precision floating-point number (IEEE 754)." });
        schema.RegisterType(new BooleanGraphType { Description = "`true` or `false`." });
        schema.RegisterType(new IdGraphType { Description = "An opaque identifier, serialized as a string: a global ID such as base64 of \"Article:1\"." });
    }
}

/// <summary>
/// GraphQL.NET's Decimal (same name, same parsing), written without the trailing zeros of a stored scale: 314159260, not
/// 314159260.0000000 (3.1415926亿 multiplied out) or 5200000000.00. The number is the same; the text a client shows is not.
/// Fields name this type rather than <see cref="DecimalGraphType"/>: GraphQL.NET keeps its built-in instance for that one.
/// </summary>
public sealed class ExactDecimalGraphType : DecimalGraphType
{
    public ExactDecimalGraphType()
    {
        Name = "Decimal";
        Description = ScalarDescriptions.DecimalDescription;
    }

    public override object? Serialize(object? value)
    {
        var serialized = base.Serialize(value);
        return serialized is decimal d ? Normalize(d) : serialized;
    }

    /// <summary>The same number at the smallest scale that holds it exactly.</summary>
    public static decimal Normalize(decimal value)
    {
        while (value.Scale > 0 && decimal.Round(value, value.Scale - 1) is var shorter && shorter == value)
            value = shorter; // Round lowers the scale to the places it keeps
        return value;
    }
}
