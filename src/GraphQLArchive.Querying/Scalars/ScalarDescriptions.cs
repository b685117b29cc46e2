using GraphQL.Types;

namespace GraphQLArchive.Querying.Scalars;

/// <summary>
/// GraphQL.NET's built-in scalars carry no description; these replace them by name, with one that says what a
/// value looks like on the wire, so that code generators and IDEs can show it.
/// </summary>
public static class ScalarDescriptions
{
    public const string DecimalDescription =
        "A decimal number, written as a JSON number (e.g. 5200000000 or 0.125), never as a string. Map it to `number` in TypeScript.";

    /// <summary>Call from the schema's constructor, before it is initialized.</summary>
    public static void DescribeBuiltInScalars(this ISchema schema)
    {
        schema.RegisterType(new StringGraphType { Description = "Text, as UTF-8 characters (Chinese is not escaped)." });
        schema.RegisterType(new IntGraphType { Description = "A signed 32-bit whole number." });
        schema.RegisterType(new FloatGraphType { Description = "A double-precision floating-point number (IEEE 754)." });
        schema.RegisterType(new BooleanGraphType { Description = "`true` or `false`." });
        schema.RegisterType(new IdGraphType { Description = "An opaque identifier, serialized as a string: a global ID such as base64 of \"Article:1\"." });
        schema.RegisterType(new DecimalGraphType { Description = DecimalDescription });
    }
}
