using System.Text;
using System.Text.Json.Nodes;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Generation;

namespace GraphQLArchive.Tests.QueryingTests;

/// <summary>
/// Every root connection under every order, forward and backward, with every nested selection the schema offers:
/// no walk may give an error, and each must return exactly <c>totalCount</c> distinct nodes, backward in the reverse
/// of forward, in the order asked for, with no nested list longer than its <c>first</c>; and the numbered pages of a
/// collection segment over the same nodes hold them in the same sequence.
/// </summary>
public sealed class SchemaWalkTests(ArchiveApiFactory seed, GeneratedArchiveFixture generated)
    : IClassFixture<ArchiveApiFactory>, IClassFixture<GeneratedArchiveFixture>
{
    [Fact]
    public Task Every_connection_walks_under_every_order_on_the_seed_archive_one_node_per_page() => WalkAllAsync(seed, pageSize: 1);

    [Fact]
    public Task Every_connection_walks_under_every_order_on_a_generated_archive() => WalkAllAsync(generated.Api, pageSize: 40);

    internal static async Task WalkAllAsync(IGraphQLArchive api, int pageSize)
    {
        async Task<JsonObject> Post(string query, object? variables) => (await api.PostAsync(query, variables)).Json;
        var schema = await SchemaWalk.LoadAsync(Post);
        var failures = new List<string>();
        var walks = 0;
        foreach (var connection in schema.RootConnections())
        {
            var selection = schema.NodeSelection(connection.NodeType);
            foreach (var order in connection.Orders)
            {
                walks++;
                try
                {
                    var forward = await WalkAsync(Post, connection, order, selection, pageSize, forward: true);
                    var backward = await WalkAsync(Post, connection, order, selection, pageSize, forward: false);
                    var ids = forward.Nodes.Select(n => (string)n["id"]!).ToList();
                    Check(ids.Distinct().Count() == forward.TotalCount, $"{ids.Distinct().Count()} distinct nodes of {forward.TotalCount}");
                    Check(ids.SequenceEqual(backward.Nodes.Select(n => (string)n["id"]!)), "backward is not the reverse of forward");
                    // Enums sort by their stored value and IDs by the key inside them: neither by what the client sees.
                    if (order.Field is { } field && order.ScalarKind is "String" or "Int" or "Float" or "Boolean" or "Decimal" or "LocalDate")
                        CheckOrder(forward.Nodes.Select(n => n[field]).ToList(), order.Argument.Contains("DESC"), api.NullsSortFirst);
                    foreach (var list in schema.PagedLists(connection.NodeType))
                        Check(forward.Nodes.All(n => n[list]!.AsArray().Count <= SchemaWalk.NestedFirst), $"{list} is longer than its first");
                    // Numbered pages under the same order hold the same nodes in the same sequence.
                    foreach (var segment in schema.RootSegments(connection.NodeType))
                        Check((await SegmentIdsAsync(Post, segment, order, selection, pageSize)).SequenceEqual(ids), $"{segment} pages differ from the connection");
                }
                catch (WalkFailure e)
                {
                    failures.Add($"{connection.Field} {order}: {e.Message}");
                }
            }
        }
        // Search, under each of its orders, for terms of one, two and four characters, alternatives and exclusions.
        foreach (var search in schema.RootSearches())
        {
            var selection = schema.NodeSelection(search.NodeType);
            foreach (var term in new[] { "市", "督导", "重点项目", "防汛 OR 防疫", "工作 -会" })
            foreach (var order in search.Orders)
            {
                walks++;
                try
                {
                    var arguments = $"query: {System.Text.Json.JsonSerializer.Serialize(term)}, ";
                    var forward = await WalkAsync(Post, search, order, selection, pageSize, forward: true, arguments);
                    var backward = await WalkAsync(Post, search, order, selection, pageSize, forward: false, arguments);
                    var ids = forward.Nodes.Select(n => (string)n["id"]!).ToList();
                    Check(ids.Distinct().Count() == forward.TotalCount, $"{ids.Distinct().Count()} distinct nodes of {forward.TotalCount}");
                    Check(ids.SequenceEqual(backward.Nodes.Select(n => (string)n["id"]!)), "backward is not the reverse of forward");
                }
                catch (WalkFailure e)
                {
                    failures.Add($"{search.Field} \"{term}\" {order}: {e.Message}");
                }
            }
        }
        Assert.True(walks > 40, $"only {walks} walks: the schema walk found too little to walk");
        Assert.True(failures.Count == 0, $"{failures.Count} of {walks} walks failed:\n" + string.Join("\n", failures.Take(30)));
    }

    private sealed record Walk(List<JsonNode> Nodes, int TotalCount);

    private static async Task<Walk> WalkAsync(Func<string, object?, Task<JsonObject>> post, SchemaWalk.Connection connection, SchemaWalk.Order order,
        string selection, int pageSize, bool forward, string arguments = "")
    {
        var (size, cursor, next, more) = forward ? ("first", "after", "endCursor", "hasNextPage") : ("last", "before", "startCursor", "hasPreviousPage");
        var query = $"query($cursor: String) {{ {connection.Field}({arguments}{size}: {pageSize}, {cursor}: $cursor, order: {order.Argument}) " +
                    $"{{ totalCount nodes {{ {selection} }} pageInfo {{ {more} {next} }} }} }}";
        var nodes = new List<JsonNode>();
        string? at = null;
        int total;
        for (var page = 0; ; page++)
        {
            var response = await post(query, new { cursor = at });
            if (response["errors"] is { } errors) throw new WalkFailure($"page {page + 1} {(forward ? "forward" : "backward")}: {errors.ToJsonString()}");
            var result = response["data"]![connection.Field]!;
            total = (int)result["totalCount"]!;
            var pageNodes = result["nodes"]!.AsArray().Select(n => n!.DeepClone()).ToList();
            if (forward) nodes.AddRange(pageNodes);
            else nodes.InsertRange(0, pageNodes);
            if (!(bool)result["pageInfo"]![more]!) break;
            at = (string?)result["pageInfo"]![next];
            if (page > total) throw new WalkFailure("the walk does not end");
        }
        return new Walk(nodes, total);
    }

    /// <summary>Every page of a skip/take segment, with the node selection; the ids in page order, checked against its totalCount.</summary>
    private static async Task<List<string>> SegmentIdsAsync(Func<string, object?, Task<JsonObject>> post, string field, SchemaWalk.Order order,
        string selection, int pageSize)
    {
        var query = $"query($skip: Int) {{ {field}(skip: $skip, take: {pageSize}, order: {order.Argument}) " +
                    $"{{ totalCount items {{ {selection} }} pageInfo {{ hasNextPage hasPreviousPage }} }} }}";
        var ids = new List<string>();
        for (var skip = 0; ; skip += pageSize)
        {
            var response = await post(query, new { skip });
            if (response["errors"] is { } errors) throw new WalkFailure($"{field} skip {skip}: {errors.ToJsonString()}");
            var result = response["data"]![field]!;
            ids.AddRange(result["items"]!.AsArray().Select(n => (string)n!["id"]!));
            Check((bool)result["pageInfo"]!["hasPreviousPage"]! == skip > 0, $"{field} skip {skip}: hasPreviousPage is wrong");
            if (!(bool)result["pageInfo"]!["hasNextPage"]!)
            {
                Check(ids.Count == (int)result["totalCount"]!, $"{field}: {ids.Count} items of totalCount {result["totalCount"]}");
                return ids;
            }
            if (skip > (int)result["totalCount"]!) throw new WalkFailure($"{field}: the pages do not end");
        }
    }

    /// <summary>As the database orders: NULL first ascending (SQLite) or last (PostgreSQL); text by its UTF-8 bytes; numbers and dates by value.</summary>
    private static void CheckOrder(IReadOnlyList<JsonNode?> values, bool descending, bool nullsFirst)
    {
        for (var i = 1; i < values.Count; i++)
        {
            var comparison = Compare(values[i - 1], values[i], nullsFirst);
            if (descending ? comparison < 0 : comparison > 0)
                throw new WalkFailure($"out of order at {i}: {values[i - 1]?.ToJsonString() ?? "null"} then {values[i]?.ToJsonString() ?? "null"}");
        }
    }

    private static int Compare(JsonNode? a, JsonNode? b, bool nullsFirst)
    {
        if (a is null || b is null) return ((a is null ? 0 : 1) - (b is null ? 0 : 1)) * (nullsFirst ? 1 : -1);
        var value = a.AsValue();
        if (value.TryGetValue<decimal>(out var x) && b.AsValue().TryGetValue<decimal>(out var y)) return x.CompareTo(y);
        if (value.TryGetValue<bool>(out var p) && b.AsValue().TryGetValue<bool>(out var q)) return p.CompareTo(q);
        var (s, t) = (Encoding.UTF8.GetBytes((string)a!), Encoding.UTF8.GetBytes((string)b!));
        return ((ReadOnlySpan<byte>)s).SequenceCompareTo(t);
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition) throw new WalkFailure(failure);
    }

    private sealed class WalkFailure(string message) : Exception(message);
}

/// <summary>The same walks on PostgreSQL 15.</summary>
public sealed class PostgresSchemaWalkTests(Postgres.PostgresSeedArchive seed, Postgres.PostgresGeneratedArchive generated)
    : IClassFixture<Postgres.PostgresSeedArchive>, IClassFixture<Postgres.PostgresGeneratedArchive>
{
    [Fact]
    public Task Every_connection_walks_under_every_order_on_the_seed_archive_one_node_per_page() => SchemaWalkTests.WalkAllAsync(seed.Api, pageSize: 1);

    [Fact]
    public Task Every_connection_walks_under_every_order_on_a_generated_archive() => SchemaWalkTests.WalkAllAsync(generated.Api, pageSize: 40);
}
