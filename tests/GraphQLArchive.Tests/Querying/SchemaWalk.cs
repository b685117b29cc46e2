using System.Text;
using System.Text.Json.Nodes;

namespace GraphQLArchive.Tests.QueryingTests;

/// <summary>
/// Queries made from the live schema, as a client that knows nothing else would make them: every root connection,
/// under every sortable field (and the fields of every sortable object one level down), ascending and descending,
/// walked forward and backward, with every scalar of the node, every single object, and every list field with
/// the objects inside it.
/// </summary>
internal sealed class SchemaWalk
{
    public const int NestedFirst = 2;

    private readonly Dictionary<string, JsonObject> _types;

    private SchemaWalk(JsonArray types) =>
        _types = types.Select(t => t!.AsObject()).ToDictionary(t => (string)t["name"]!);

    public static async Task<SchemaWalk> LoadAsync(Func<string, object?, Task<JsonObject>> post)
    {
        var response = await post("""
            { __schema { queryType { name } types { name kind
                fields { name args { name type { ...Ref } } type { ...Ref } }
                inputFields { name type { ...Ref } } enumValues { name } } } }
            fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
            """, null);
        return new SchemaWalk(response["data"]!["__schema"]!["types"]!.AsArray());
    }

    /// <summary>A connection at the query root: its field, node type, and every order a client can ask for.</summary>
    public sealed record Connection(string Field, string NodeType, IReadOnlyList<Order> Orders);

    /// <summary><c>[{ a: ASC }]</c> or <c>[{ a: { b: DESC } }]</c>; <see cref="Field"/> is set when the key is a top-level scalar of the node.</summary>
    public sealed record Order(string Argument, string? Field, string? ScalarKind)
    {
        public override string ToString() => Argument;
    }

    public IEnumerable<Connection> RootConnections()
    {
        foreach (var field in Fields("Query"))
        {
            var type = Named(field["type"]!);
            if (!type.EndsWith("Connection", StringComparison.Ordinal) || Args(field).All(a => (string)a["name"]! != "order")) continue;
            var sortType = Named(Args(field).Single(a => (string)a["name"]! == "order")["type"]!);
            if (_types[sortType]["kind"]!.GetValue<string>() != "INPUT_OBJECT") continue; // search orders by an enum of its own
            var node = Named(Fields(type).Single(f => (string)f["name"]! == "nodes")["type"]!);
            yield return new Connection((string)field["name"]!, node, Orders(node, sortType).ToList());
        }
    }

    /// <summary>
    /// Root connections that take a required <c>query</c> and order by an enum of their own (search): each with one
    /// <see cref="Order"/> per enum value.
    /// </summary>
    public IEnumerable<Connection> RootSearches()
    {
        foreach (var field in Fields("Query"))
        {
            var type = Named(field["type"]!);
            var args = Args(field).ToList();
            if (!type.EndsWith("Connection", StringComparison.Ordinal)
                || !args.Any(a => (string)a["name"]! == "query" && a["type"]!["kind"]!.GetValue<string>() == "NON_NULL")
                || args.FirstOrDefault(a => (string)a["name"]! == "order") is not { } order
                || _types[Named(order["type"]!)]["kind"]!.GetValue<string>() != "ENUM")
                continue;
            var values = _types[Named(order["type"]!)]["enumValues"]!.AsArray().Select(v => (string)v!["name"]!);
            var node = Named(Fields(type).Single(f => (string)f["name"]! == "nodes")["type"]!);
            yield return new Connection((string)field["name"]!, node, values.Select(v => new Order(v, null, null)).ToList());
        }
    }

    /// <summary>Root fields paged by <c>skip</c>/<c>take</c> (collection segments) over <paramref name="itemType"/>.</summary>
    public IEnumerable<string> RootSegments(string itemType) =>
        Fields("Query")
            .Where(f => Named(f["type"]!).EndsWith("CollectionSegment", StringComparison.Ordinal)
                        && Named(Fields(Named(f["type"]!)).Single(i => (string)i["name"]! == "items")["type"]!) == itemType)
            .Select(f => (string)f["name"]!);

    private IEnumerable<Order> Orders(string node, string sortType)
    {
        foreach (var input in InputFields(sortType))
        {
            var name = (string)input["name"]!;
            var inputType = Named(input["type"]!);
            foreach (var direction in new[] { "ASC", "DESC" })
            {
                if (inputType == "SortEnumType")
                {
                    var nodeField = Fields(node).FirstOrDefault(f => (string)f["name"]! == name);
                    var kind = nodeField is null ? null : Named(nodeField["type"]!);
                    yield return new Order($"[{{ {name}: {direction} }}]", name, kind);
                }
                else
                {
                    foreach (var nested in InputFields(inputType).Where(f => Named(f["type"]!) == "SortEnumType"))
                        yield return new Order($"[{{ {name}: {{ {nested["name"]}: {direction} }} }}]", null, null);
                }
            }
        }
    }

    /// <summary>The node selection: scalars, single objects by their first scalar, and lists with first and their objects inside.</summary>
    public string NodeSelection(string type)
    {
        var selection = new StringBuilder();
        foreach (var field in Fields(type).Where(Selectable))
        {
            var name = (string)field["name"]!;
            var named = Named(field["type"]!);
            if (IsLeaf(named)) selection.Append(name).Append(' ');
            else if (IsList(field["type"]!))
                selection.Append(name).Append(HasArg(field, "first") ? $"(first: {NestedFirst})" : "").Append(" { ").Append(ItemSelection(named)).Append("} ");
            else selection.Append(name).Append(" { ").Append(FirstScalar(named)).Append(" } ");
        }
        return selection.ToString();
    }

    /// <summary>The paths of the node's list fields that take <c>first</c>, to check their lengths.</summary>
    public IEnumerable<string> PagedLists(string type) =>
        Fields(type).Where(f => Selectable(f) && IsList(f["type"]!) && !IsLeaf(Named(f["type"]!)) && HasArg(f, "first")).Select(f => (string)f["name"]!);

    public enum FieldKind { Leaf, Object, List }

    public sealed record FieldInfo(string Name, string Type, FieldKind Kind);

    /// <summary>The fields a client can select on <paramref name="type"/> without giving an argument.</summary>
    public IEnumerable<FieldInfo> SelectableFields(string type) =>
        Fields(type).Where(Selectable).Select(f =>
        {
            var named = Named(f["type"]!);
            var kind = IsLeaf(named) ? FieldKind.Leaf : IsList(f["type"]!) ? FieldKind.List : FieldKind.Object;
            return new FieldInfo((string)f["name"]!, named, kind);
        }).Where(f => f.Kind != FieldKind.List || HasArg(Fields(type).First(x => (string)x["name"]! == f.Name), "first"));

    /// <summary>The scalar fields <c>{Type}SortInput</c> orders by.</summary>
    public IEnumerable<string> SortableScalars(string type) =>
        _types.TryGetValue(type + "SortInput", out var sort)
            ? InputFields(sort["name"]!.GetValue<string>()).Where(f => Named(f["type"]!) == "SortEnumType").Select(f => (string)f["name"]!)
            : [];

    /// <summary>The text fields <c>{Type}FilterInput</c> filters with string operations.</summary>
    public IEnumerable<string> TextFields(string type) =>
        _types.TryGetValue(type + "FilterInput", out var filter)
            ? InputFields(filter["name"]!.GetValue<string>()).Where(f => Named(f["type"]!) == "StringOperationFilterInput").Select(f => (string)f["name"]!)
            : [];

    private string ItemSelection(string type)
    {
        var selection = new StringBuilder(FirstScalar(type)).Append(' ');
        foreach (var field in Fields(type).Where(f => Selectable(f) && !IsLeaf(Named(f["type"]!)) && !IsList(f["type"]!)))
            selection.Append(field["name"]).Append(" { ").Append(FirstScalar(Named(field["type"]!))).Append(" } ");
        return selection.ToString();
    }

    private string FirstScalar(string type) =>
        (string)Fields(type).First(f => Selectable(f) && IsLeaf(Named(f["type"]!)) && !IsList(f["type"]!))["name"]!;

    private bool Selectable(JsonNode field) =>
        Args(field).All(a => a["type"]!["kind"]!.GetValue<string>() != "NON_NULL");

    private bool IsLeaf(string type) => _types[type]["kind"]!.GetValue<string>() is "SCALAR" or "ENUM";

    private IEnumerable<JsonNode> Fields(string type) => _types[type]["fields"]!.AsArray().Select(f => f!);

    private IEnumerable<JsonNode> InputFields(string type) => _types[type]["inputFields"]!.AsArray().Select(f => f!);

    private static IEnumerable<JsonNode> Args(JsonNode field) => field["args"]!.AsArray().Select(a => a!);

    private static bool HasArg(JsonNode field, string name) => Args(field).Any(a => (string)a["name"]! == name);

    private static string Named(JsonNode type) => type["name"] is { } name && name.GetValue<string?>() is { } n ? n : Named(type["ofType"]!);

    private static bool IsList(JsonNode type) =>
        type["kind"]!.GetValue<string>() == "LIST" || (type["kind"]!.GetValue<string>() == "NON_NULL" && IsList(type["ofType"]!));
}
