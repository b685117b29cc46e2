using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace GraphQLArchive.Querying.Introspection;

/// <summary>
/// Describes what the data conventions generate (filter and sort inputs, their operations, the paging and
/// <c>where</c>/<c>order</c> arguments, global IDs) wherever the schema gave no description of its own, so
/// that every element a tool shows says what it does.
/// </summary>
public static class ConventionDescriptions
{
    /// <summary>Call from the schema's constructor, before it is initialized.</summary>
    public static void DescribeConventions(this ISchema schema) => schema.RegisterVisitor(new Visitor());

    private static readonly Dictionary<string, string> Operations = new()
    {
        ["and"] = "Matches when every filter in the list matches.",
        ["or"] = "Matches when at least one filter in the list matches.",
        ["eq"] = "Equal to the value; `null` matches a missing value.",
        ["neq"] = "Not equal to the value; `null` matches any present value.",
        ["in"] = "Equal to one of the values.",
        ["nin"] = "Equal to none of the values.",
        ["gt"] = "Greater than the value.",
        ["ngt"] = "Not greater than the value.",
        ["gte"] = "Greater than or equal to the value.",
        ["ngte"] = "Not greater than or equal to the value.",
        ["lt"] = "Less than the value.",
        ["nlt"] = "Not less than the value.",
        ["lte"] = "Less than or equal to the value.",
        ["nlte"] = "Not less than or equal to the value.",
        ["contains"] = "Contains the value as a substring (works on Chinese text).",
        ["ncontains"] = "Does not contain the value as a substring.",
        ["startsWith"] = "Starts with the value.",
        ["nstartsWith"] = "Does not start with the value.",
        ["endsWith"] = "Ends with the value.",
        ["nendsWith"] = "Does not end with the value.",
        ["all"] = "Matches when every item of the list matches the filter (also when the list is empty).",
        ["none"] = "Matches when no item of the list matches the filter.",
        ["some"] = "Matches when at least one item of the list matches the filter.",
        ["any"] = "`true`: the list has at least one item; `false`: it is empty.",
    };

    private sealed class Visitor : BaseSchemaNodeVisitor
    {
        public override void VisitInputObject(IInputObjectGraphType type, ISchema schema)
        {
            if (type.Description is not null) return;
            var name = type.Name;
            if (name.StartsWith("ListFilterInputTypeOf", StringComparison.Ordinal))
                type.Description = $"Filters a list of {name["ListFilterInputTypeOf".Length..^"FilterInput".Length]} by its items.";
            else if (name.StartsWith("List", StringComparison.Ordinal) && name.EndsWith("OperationFilterInput", StringComparison.Ordinal))
                type.Description = $"Filters a list of {name[4..^"OperationFilterInput".Length]} values by its items.";
            else if (name.EndsWith("OperationFilterInput", StringComparison.Ordinal))
                type.Description = $"Compares a {name[..^"OperationFilterInput".Length]} value; every operation given must hold.";
            else if (name.EndsWith("FilterInput", StringComparison.Ordinal))
                type.Description = $"Filters {name[..^"FilterInput".Length]} items: every field given must match.";
            else if (name.EndsWith("SortInput", StringComparison.Ordinal))
                type.Description = $"Sorts {name[..^"SortInput".Length]} items by the one field given; list several in `order` to break ties.";
        }

        public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema)
        {
            if (field.Description is not null) return;
            if (type.Name.EndsWith("OperationFilterInput", StringComparison.Ordinal) || type.Name.StartsWith("ListFilterInputTypeOf", StringComparison.Ordinal)
                || field.Name is "and" or "or")
            {
                if (Operations.TryGetValue(field.Name, out var description)) field.Description = description;
            }
            else if (type.Name.EndsWith("FilterInput", StringComparison.Ordinal))
                field.Description = $"Filters on `{type.Name[..^"FilterInput".Length]}.{field.Name}`.";
            else if (type.Name.EndsWith("SortInput", StringComparison.Ordinal))
                field.Description = $"Sorts by `{type.Name[..^"SortInput".Length]}.{field.Name}`.";
        }

        public override void VisitEnum(EnumerationGraphType type, ISchema schema)
        {
            if (type.Name != "SortEnumType") return;
            type.Description ??= "The direction of a sort.";
            foreach (var value in type.Values)
                value.Description ??= value.Name == "ASC" ? "Ascending: smallest, earliest or A first." : "Descending: largest, latest or Z first.";
        }

        public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Describe(field, type);

        public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Describe(field, type);

        public override void VisitObjectFieldArgumentDefinition(QueryArgument argument, FieldType field, IObjectGraphType type, ISchema schema) => Describe(argument, field);

        private static void Describe(FieldType field, IComplexGraphType owner)
        {
            if (field.Description is not null || owner.Name.StartsWith("__", StringComparison.Ordinal)) return;
            if (field.Name == "id" && field.ResolvedType?.GetNamedType() is IdGraphType)
                field.Description = "The global ID: opaque; pass it to `node(id:)` or a `…ById` field.";
            else if (field.Name == "totalCount")
                field.Description = "The number of items that match, over all pages.";
            else if (field.ResolvedType?.GetNamedType() is IComplexGraphType returned && returned.HasField("edges") && returned.HasField("pageInfo"))
                field.Description = $"{Plural(returned.Name, "Connection")}, a page at a time (cursor paging).";
            else if (field.ResolvedType?.GetNamedType() is IComplexGraphType segment && segment.HasField("items") && segment.HasField("pageInfo"))
                field.Description = $"{Plural(segment.Name, "CollectionSegment")}, a page at a time (offset paging).";
        }

        private static void Describe(QueryArgument argument, FieldType field)
        {
            if (argument.Description is not null) return;
            argument.Description = argument.Name switch
            {
                "where" => "Keeps only the items that match; leave it out to keep them all.",
                "order" => "Sorts the items: by the first element, then the next to break ties. Without it, items come in key order.",
                "skip" => "How many items to skip before the page (default 0).",
                "take" => "How many items the page holds: 10 by default, at most 50.",
                "first" => "Returns the first _n_ elements from the list.",
                "id" when field.ResolvedType?.GetNamedType() is IComplexGraphType => "The global ID of the object, as returned in its `id` field.",
                _ => null,
            };
        }

        private static string Plural(string typeName, string suffix) =>
            typeName.EndsWith(suffix, StringComparison.Ordinal) ? "The " + Words(typeName[..^suffix.Length]).ToLowerInvariant() : "The items";

        // ArticlesPage → "articles page"
        private static string Words(string pascal) =>
            string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
    }
}

public static class EnumDescriptions
{
    /// <summary>Describes the enum's values by their GraphQL names, e.g. <c>("PRESIDED", "主持: …")</c>.</summary>
    public static void DescribeValues(this EnumerationGraphType type, params (string Name, string Description)[] values)
    {
        foreach (var (name, description) in values)
            (type.Values.FindByName(name) ?? throw new ArgumentException($"{type.Name} has no value {name}.", nameof(values))).Description = description;
    }
}
