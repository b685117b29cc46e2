using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using GraphQLArchive.Tests.Archive;
using Xunit.Abstractions;

namespace GraphQLArchive.Tests.QueryingTests;

/// <summary>
/// Random <c>where</c> trees give, through the API and SQL, exactly the rows that the same tree selects when it is
/// evaluated in memory over the seed data, with the semantics of hc-conventions.md:
/// <c>eq: null</c> is "is null"; <c>some</c>/<c>all</c>/<c>none</c>/<c>any</c> are Any(p)/All(p)/!Any(p)/Any();
/// string operations compare the text as stored (ordinal, case-sensitive); a null column neither contains, starts
/// nor ends with anything, and so satisfies every negated string operation; a comparison with a null column is false
/// and its negation true; a null single navigation matches no filter on it.
/// </summary>
public sealed class FilterPropertyTests(ArchiveApiFactory api, ITestOutputHelper output) : IClassFixture<ArchiveApiFactory>
{
    private const int Iterations = 500;

    [Fact]
    public async Task Random_article_filters_select_the_rows_the_in_memory_predicate_selects()
    {
        var seed = await SeedData.LoadAsync(api);
        var model = new FilterModel(seed);
        var gen = model.ObjectFilter(model.Article, depth: 3);
        await CheckAsync(gen, model.Article, seed.Articles, "ArticleFilterInput", "articles");
    }

    [Fact]
    public async Task Random_project_filters_over_decimals_nullable_decimals_enums_and_a_navigation_match_the_in_memory_predicate()
    {
        var seed = await SeedData.LoadAsync(api);
        var model = new FilterModel(seed);
        var gen = model.ObjectFilter(model.Project, depth: 3);
        await CheckAsync(gen, model.Project, seed.Projects, "ProjectFilterInput", "projects");
    }

    /// <summary>
    /// Found by the property above: startsWith/endsWith went to SQLite's LIKE, which ignores ASCII case, so
    /// <c>{ body: { nstartsWith: "…天禧城l区项目…" } }</c> dropped the article that prints 天禧城L区项目.
    /// </summary>
    [Theory]
    [InlineData("endsWith", "l区项目", 0)]
    [InlineData("endsWith", "L区项目", 1)]
    [InlineData("startsWith", "太原富力天禧城l", 0)]
    [InlineData("startsWith", "太原富力天禧城L", 1)]
    [InlineData("nendsWith", "l区项目", 3)]
    [InlineData("nstartsWith", "太原富力天禧城l", 3)]
    [InlineData("startsWith", "", 3)]
    [InlineData("endsWith", "太原富力天禧城L区项目和更多", 0)]
    [InlineData("startsWith", "太原%", 0)]
    public async Task Starts_and_ends_with_compare_text_as_stored_including_ascii_case(string operation, string value, int expected)
    {
        var response = await api.PostAsync("query($v: String) { projects(where: { name: { " + operation + ": $v } }) { nodes { name } } }", new { v = value });
        Assert.Null(response.Json["errors"]);
        Assert.Equal(expected, response.Json["data"]!["projects"]!["nodes"]!.AsArray().Count);
    }

    /// <summary>
    /// Found by the property above: a null inside <c>in</c>/<c>nin</c> on a non-nullable column (legal: the list is
    /// <c>[Int]</c>) crashed the field with ARGUMENT_NULL. Null matches no row there, as <c>eq: null</c> does.
    /// </summary>
    [Theory]
    [InlineData("characterCount: { in: [null, 1453] }", 1)]
    [InlineData("characterCount: { nin: [null] }", 3)]
    [InlineData("characterCount: { in: [null] }", 0)]
    [InlineData("characterCount: { eq: null }", 0)]
    [InlineData("characterCount: { neq: null }", 3)]
    [InlineData("headline: { in: [null] }", 0)]
    [InlineData("id: { in: [null, \"QXJ0aWNsZTox\"] }", 1)]
    [InlineData("id: { nin: [null] }", 3)]
    [InlineData("eventDate: { in: [null, \"2021-07-30\"] }", 1)]
    public async Task Null_in_an_in_list_or_eq_matches_no_row_of_a_non_nullable_column(string filter, int expected)
    {
        var response = await api.PostAsync($"{{ articles(where: {{ {filter} }}) {{ nodes {{ id }} }} }}");
        Assert.True(response.Json["errors"] is null, response.Text);
        Assert.Equal(expected, response.Json["data"]!["articles"]!["nodes"]!.AsArray().Count);
    }

    /// <summary>
    /// Found by the property above on PostgreSQL: two <c>contains</c> served by the text index in one filter sent the
    /// first term for both, so a headline was tested for the body's term.
    /// </summary>
    [Theory]
    [InlineData("or: [{ body: { contains: \"汇报,\" } }, { headline: { contains: \"尖草坪区\" } }]", "Article:1,Article:3")]
    [InlineData("body: { contains: \"罗清宇\" }, headline: { contains: \"慰问\" }", "Article:2")]
    [InlineData("or: [{ body: { contains: \"慰问\" } }, { headline: { contains: \"开工\" } }]", "Article:2,Article:3")]
    public async Task Two_indexed_contains_in_one_filter_each_test_their_own_term(string filter, string expected)
    {
        var response = await api.PostAsync($"{{ articles(where: {{ {filter} }}) {{ nodes {{ id }} }} }}");
        Assert.True(response.Json["errors"] is null, response.Text);
        var ids = response.Json["data"]!["articles"]!["nodes"]!.AsArray().Select(n => Encoding.UTF8.GetString(Convert.FromBase64String((string)n!["id"]!)));
        Assert.Equal(expected, string.Join(",", ids.Order()));
    }

    [Fact]
    public async Task The_generators_reach_both_empty_and_non_empty_results_and_every_operation()
    {
        // Guards the property above against vacuity: over the same sample, filters both select and reject rows,
        // and every operation of every filter type is generated.
        var seed = await SeedData.LoadAsync(api);
        var model = new FilterModel(seed);
        var gen = model.ObjectFilter(model.Article, depth: 3);
        var sizes = new List<int>();
        var operations = new HashSet<string>();
        for (var i = 0; i < 2000; i++)
        {
            var filter = gen.Single();
            sizes.Add(seed.Articles.Count(a => Evaluator.Object(model.Article, filter, a)));
            Collect(filter, operations);
        }
        Assert.Contains(0, sizes);
        Assert.Contains(seed.Articles.Count, sizes);
        Assert.Contains(sizes, s => s > 0 && s < seed.Articles.Count);
        var expected = new[]
        {
            "and", "or", "eq", "neq", "in", "nin", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith",
            "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte", "some", "all", "none", "any",
            // and fields at every level: mapped paths, nested lists, nullable navigations, scalar lists, floats
            "page", "edition", "appearances", "official", "positions", "organization", "titles", "aliases", "latitude", "firstSeen",
        };
        Assert.Empty(expected.Except(operations));

        static void Collect(object? node, HashSet<string> into)
        {
            switch (node)
            {
                case Dictionary<string, object?> d:
                    foreach (var (k, v) in d) { into.Add(k); Collect(v, into); }
                    break;
                case List<object?> l:
                    foreach (var v in l) Collect(v, into);
                    break;
            }
        }
    }

    private async Task CheckAsync(Gen<Dictionary<string, object?>> gen, TypeSpec type, IReadOnlyList<JsonObject> rows, string inputType, string field)
    {
        var started = DateTime.UtcNow;
        var matchedSome = 0;
        await gen.SampleAsync(async filter =>
        {
            var expected = rows.Where(r => Evaluator.Object(type, filter, r)).Select(r => (string)r["id"]!).Order().ToList();
            var response = await api.PostAsync($"query($w: {inputType}) {{ {field}(first: 50, where: $w) {{ nodes {{ id }} }} }}", new { w = filter });
            if (response.Json["errors"] is { } errors) throw new Xunit.Sdk.XunitException($"errors: {errors.ToJsonString()}");
            var actual = response.Json["data"]![field]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).Order().ToList();
            if (!expected.SequenceEqual(actual))
                throw new Xunit.Sdk.XunitException($"expected [{string.Join(", ", expected.Select(seedIdName))}] but the API gave [{string.Join(", ", actual.Select(seedIdName))}]");
            if (expected.Count > 0) Interlocked.Increment(ref matchedSome);
        }, iter: Iterations, print: Print, writeLine: output.WriteLine);
        output.WriteLine($"{field}: {Iterations} filters, {matchedSome} selected at least one row, {(DateTime.UtcNow - started).TotalSeconds:F1} s");

        string seedIdName(string id) => Encoding.UTF8.GetString(Convert.FromBase64String(id));
    }

    internal static string Print(Dictionary<string, object?> filter) => JsonSerializer.Serialize(filter, PrintOptions);

    private static readonly JsonSerializerOptions PrintOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

internal enum ScalarKind { String, Id, Enum, Int, Float, Date, Decimal }

internal abstract record FieldSpec(string Name);

/// <summary>A scalar field: its kind, whether it can be null, and values near the real ones.</summary>
internal sealed record ScalarSpec(string Name, ScalarKind Kind, bool Nullable, Gen<object> Values) : FieldSpec(Name);

internal sealed record ObjectSpec(string Name, TypeSpec Type) : FieldSpec(Name);

internal sealed record ListSpec(string Name, TypeSpec Type) : FieldSpec(Name);

internal sealed record ScalarListSpec(string Name, ScalarSpec Element) : FieldSpec(Name);

internal sealed record TypeSpec(string Name)
{
    public List<FieldSpec> Fields { get; } = [];
}

/// <summary>The rows the filters run over, read once through the API.</summary>
internal sealed record SeedData(IReadOnlyList<JsonObject> Articles, IReadOnlyList<JsonObject> Projects, IReadOnlyList<JsonObject> Officials,
    IReadOnlyDictionary<string, string[]> Enums)
{
    public static async Task<SeedData> LoadAsync(ArchiveApiFactory api)
    {
        var response = await api.PostAsync("""
            { articles(first: 50) { nodes { id kicker headline subheadline byline body eventDate characterCount page
                edition { date page }
                officials { id name aliases positions { title firstSeen lastSeen organization { name } } }
                appearances { role titles official { name aliases positions { title firstSeen lastSeen organization { name } } } }
                locations { name kind aliases latitude longitude }
                projects { name aliases totalInvestment status organization { name } location { name kind aliases latitude longitude } } } }
              projects(first: 50) { nodes { id name aliases status sector totalInvestment floorArea siteArea expectedAnnualRevenue
                organization { name } location { name kind aliases latitude longitude } } }
              officials(first: 50) { nodes { id name aliases positions { title firstSeen lastSeen organization { name } } } }
              role: __type(name: "AppearanceRole") { enumValues { name } }
              kind: __type(name: "LocationKind") { enumValues { name } }
              status: __type(name: "ProjectStatus") { enumValues { name } } }
            """);
        Assert.Null(response.Json["errors"]);
        var data = response.Json["data"]!;
        List<JsonObject> Nodes(string field) => data[field]!["nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();
        string[] Enum(string alias) => data[alias]!["enumValues"]!.AsArray().Select(v => (string)v!["name"]!).ToArray();
        return new SeedData(Nodes("articles"), Nodes("projects"), Nodes("officials"),
            new Dictionary<string, string[]> { ["AppearanceRole"] = Enum("role"), ["LocationKind"] = Enum("kind"), ["ProjectStatus"] = Enum("status") });
    }
}

/// <summary>The filterable fields of articles and projects, and generators of filter trees over them.</summary>
internal sealed class FilterModel
{
    public TypeSpec Article { get; } = new("Article");
    public TypeSpec Project { get; } = new("Project");

    private static readonly string[] Absent = ["", "不存在", "zz", "%", "_", "区%", "市_", "\\"];

    public FilterModel(SeedData seed)
    {
        var positions = seed.Officials.SelectMany(o => o["positions"]!.AsArray()).ToList();
        var organization = new TypeSpec("Organization");
        organization.Fields.Add(Str("name", false, positions.Select(p => (string?)p!["organization"]?["name"])
            .Concat(seed.Projects.Select(p => (string?)p["organization"]?["name"]))));
        var position = new TypeSpec("Position");
        position.Fields.AddRange([
            Str("title", false, positions.Select(p => (string?)p!["title"])),
            Date("firstSeen", true, positions.Select(p => (string?)p!["firstSeen"])),
            Date("lastSeen", true, positions.Select(p => (string?)p!["lastSeen"])),
            new ObjectSpec("organization", organization),
        ]);
        var official = new TypeSpec("Official");
        official.Fields.AddRange([
            Str("name", false, seed.Officials.Select(o => (string?)o["name"])),
            new ScalarListSpec("aliases", Str("aliases", false, seed.Officials.SelectMany(o => o["aliases"]!.AsArray().Select(a => (string?)a)).Append("罗清宇"))),
            new ListSpec("positions", position),
        ]);

        var locationName = Str("name", false, seed.Projects.Select(p => (string?)p["location"]?["name"])
            .Concat(seed.Articles.SelectMany(a => a["locations"]!.AsArray().Select(l => (string?)l!["name"]))));
        var locationKind = Enum("kind", false, seed.Enums["LocationKind"]);
        var locations = seed.Projects.Select(p => p["location"]).Concat(seed.Articles.SelectMany(a => a["locations"]!.AsArray())).Where(l => l is not null).ToList();
        var location = new TypeSpec("Location");
        location.Fields.AddRange([
            locationName, locationKind,
            new ScalarListSpec("aliases", Str("aliases", false, locations.SelectMany(l => l!["aliases"]!.AsArray().Select(a => (string?)a)))),
            Float("latitude", locations.Select(l => l!["latitude"]), 37.87m),
            Float("longitude", locations.Select(l => l!["longitude"]), 112.55m),
        ]);

        var projectStatus = Enum("status", false, seed.Enums["ProjectStatus"]);
        var totalInvestment = Dec("totalInvestment", seed.Projects.Select(p => p["totalInvestment"]));
        var articleProject = new TypeSpec("Project");
        var projectAliases = new ScalarListSpec("aliases", Str("aliases", false, seed.Projects.SelectMany(p => p["aliases"]!.AsArray().Select(a => (string?)a)).Append("富力天禧城")));
        articleProject.Fields.AddRange([Str("name", false, seed.Projects.Select(p => (string?)p["name"])), projectAliases, totalInvestment, projectStatus,
            new ObjectSpec("organization", organization), new ObjectSpec("location", location)]);

        var appearance = new TypeSpec("Appearance");
        var titles = seed.Articles.SelectMany(a => a["appearances"]!.AsArray().SelectMany(x => x!["titles"]!.AsArray().Select(t => (string?)t)));
        appearance.Fields.AddRange([
            Enum("role", false, seed.Enums["AppearanceRole"]),
            new ScalarListSpec("titles", Str("titles", false, titles)),
            new ObjectSpec("official", official),
        ]);

        var edition = new TypeSpec("Edition");
        edition.Fields.AddRange([
            Date("date", false, seed.Articles.Select(a => (string?)a["edition"]!["date"])),
            Int("page", seed.Articles.Select(a => (int)a["edition"]!["page"]!)),
        ]);

        Article.Fields.AddRange([
            new ScalarSpec("id", ScalarKind.Id, false, Gen.OneOf(seed.Articles.Select(a => (object)(string)a["id"]!).Append(GlobalId("Article", 999)).ToArray())),
            Str("kicker", true, seed.Articles.Select(a => (string?)a["kicker"])),
            Str("headline", false, seed.Articles.Select(a => (string?)a["headline"])),
            Str("subheadline", true, seed.Articles.Select(a => (string?)a["subheadline"])),
            Str("byline", true, seed.Articles.Select(a => (string?)a["byline"])),
            Str("body", false, seed.Articles.Select(a => (string?)a["body"])),
            Date("eventDate", true, seed.Articles.Select(a => (string?)a["eventDate"])),
            Int("characterCount", seed.Articles.Select(a => (int)a["characterCount"]!)),
            Int("page", seed.Articles.Select(a => (int)a["page"]!)),
            new ObjectSpec("edition", edition),
            new ListSpec("officials", official),
            new ListSpec("appearances", appearance),
            new ListSpec("locations", location),
            new ListSpec("projects", articleProject),
        ]);

        Project.Fields.AddRange([
            new ScalarSpec("id", ScalarKind.Id, false, Gen.OneOf(seed.Projects.Select(p => (object)(string)p["id"]!).ToArray())),
            Str("name", false, seed.Projects.Select(p => (string?)p["name"])),
            projectAliases,
            projectStatus,
            Str("sector", true, seed.Projects.Select(p => (string?)p["sector"])),
            totalInvestment,
            Dec("floorArea", seed.Projects.Select(p => p["floorArea"])),
            Dec("siteArea", seed.Projects.Select(p => p["siteArea"])),
            Dec("expectedAnnualRevenue", seed.Projects.Select(p => p["expectedAnnualRevenue"])),
            new ObjectSpec("organization", organization),
            new ObjectSpec("location", location),
        ]);
    }

    private static string GlobalId(string type, int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id}"));

    /// <summary>Whole values, 1–3 character substrings of them, ASCII-case-flipped substrings, and strings that are nowhere.</summary>
    private static ScalarSpec Str(string name, bool nullable, IEnumerable<string?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!).Distinct().DefaultIfEmpty("无").ToArray();
        var whole = Gen.OneOf(present);
        var substring = whole.SelectMany(s => Gen.Int[1, 3].SelectMany(length =>
        {
            length = Math.Min(length, s.Length);
            return Gen.Frequency(
                (2, Gen.Int[0, s.Length - length].Select(start => s.Substring(start, length))),
                (1, Gen.Const(s[..length])),
                (1, Gen.Const(s[^length..])));
        }));
        // Text is compared as stored: 太原富力天禧城l区项目 is not 太原富力天禧城L区项目.
        var flipped = Gen.OneOf(substring, whole).Select(s => new string(s.Select(c => char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()));
        var gen = Gen.Frequency((3, substring), (2, whole), (1, flipped), (1, Gen.OneOf(Absent)));
        return new ScalarSpec(name, ScalarKind.String, nullable, gen.Select(s => (object)s));
    }

    private static ScalarSpec Enum(string name, bool nullable, string[] values) =>
        new(name, ScalarKind.Enum, nullable, Gen.OneOf(values).Select(v => (object)v));

    private static ScalarSpec Int(string name, IEnumerable<int> values)
    {
        var present = values.Distinct().ToArray();
        var gen = Gen.OneOf(present).SelectMany(v => Gen.Int[-2, 2].Select(d => v + d));
        return new ScalarSpec(name, ScalarKind.Int, false, Gen.Frequency((4, gen), (1, Gen.Int[-5, 5000])).Select(v => (object)(long)v));
    }

    private static ScalarSpec Date(string name, bool nullable, IEnumerable<string?> values)
    {
        var present = values.Where(v => v is not null).Select(v => DateOnly.ParseExact(v!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct().DefaultIfEmpty(new DateOnly(2021, 7, 29)).ToArray();
        var gen = Gen.OneOf(present).SelectMany(d => Gen.Int[-2, 2].Select(delta => d.AddDays(delta)));
        return new ScalarSpec(name, ScalarKind.Date, nullable, gen.Select(d => (object)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    /// <summary>Values around the real ones (5200000000, 890000, 150000, …): equal, one off, and a hundredth off.</summary>
    private static ScalarSpec Dec(string name, IEnumerable<JsonNode?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.GetValue<decimal>())
            .Concat([5200000000m, 890000m, 150000m]).Distinct().ToArray();
        var gen = Gen.OneOf(present).SelectMany(v => Gen.OneOf(0m, 0m, 1m, -1m, 0.01m, -0.01m, 0.5m).Select(d => v + d));
        return new ScalarSpec(name, ScalarKind.Decimal, true, gen.Select(d => (object)d));
    }

    private readonly Dictionary<(TypeSpec, int), Gen<Dictionary<string, object?>>> _objectFilters = [];

    /// <summary>One or two field filters, or (above depth 0) an <c>and</c>/<c>or</c> of one to three filters one level shallower.</summary>
    /// <summary>Doubles (latitude, longitude) near the real ones, or near <paramref name="fallback"/> where every row is null.</summary>
    private static ScalarSpec Float(string name, IEnumerable<JsonNode?> values, decimal fallback)
    {
        var present = values.Where(v => v is not null).Select(v => v!.GetValue<decimal>()).Append(fallback).Distinct().ToArray();
        var gen = Gen.OneOf(present).SelectMany(v => Gen.OneOf(0m, 0.01m, -0.01m, 1m).Select(d => (object)(double)(v + d)));
        return new ScalarSpec(name, ScalarKind.Float, true, gen);
    }

    public Gen<Dictionary<string, object?>> ObjectFilter(TypeSpec type, int depth)
    {
        if (_objectFilters.TryGetValue((type, depth), out var cached)) return cached;
        var perField = type.Fields.Select(f => FieldFilter(f, depth).Select(v => (f.Name, v))).ToArray();
        var oneField = Gen.Int[0, perField.Length - 1].SelectMany(i => perField[i]);
        var fields = Gen.Frequency(
                (2, oneField.Select(p => new[] { p })),
                (1, Gen.Select(oneField, oneField, (a, b) => a.Name == b.Name ? new[] { a } : new[] { a, b })))
            .Select(parts => parts.ToDictionary<(string Name, object? v), string, object?>(p => p.Name, p => p.v));
        var result = fields;
        if (depth > 0)
        {
            var child = ObjectFilter(type, depth - 1);
            var combinator = Gen.OneOf("and", "or").SelectMany(op => child.List[1, 3].Select(items =>
                new Dictionary<string, object?> { [op] = items.Cast<object?>().ToList() }));
            result = Gen.Frequency((3, fields), (1, combinator));
        }
        return _objectFilters[(type, depth)] = result;
    }

    private Gen<object?> FieldFilter(FieldSpec field, int depth) => field switch
    {
        ScalarSpec scalar => Operations(scalar, allowCombinators: true).Select(d => (object?)d),
        ObjectSpec obj => ObjectFilter(obj.Type, Math.Max(0, depth - 1)).Select(d => (object?)d),
        ListSpec list => ListFilter(ObjectFilter(list.Type, Math.Max(0, depth - 1))),
        ScalarListSpec scalars => ListFilter(Operations(scalars.Element, allowCombinators: false)),
        _ => throw new InvalidOperationException(),
    };

    private static Gen<object?> ListFilter(Gen<Dictionary<string, object?>> element) =>
        Gen.Frequency(
            (3, Gen.OneOf("some", "all", "none").SelectMany(op => element.Select(e => new Dictionary<string, object?> { [op] = e }))),
            (1, Gen.Bool.Select(b => new Dictionary<string, object?> { ["any"] = b })))
        .Select(d => (object?)d);

    private static Gen<Dictionary<string, object?>> Operations(ScalarSpec scalar, bool allowCombinators)
    {
        string[] names = scalar.Kind switch
        {
            ScalarKind.String => ["eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith"],
            ScalarKind.Id or ScalarKind.Enum => ["eq", "neq", "in", "nin"],
            _ => ["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"],
        };
        // eq/neq null ("is null") and null in an in-list are legal on every field, nullable or not;
        // only enum lists ([ArticleStatus!]) cannot hold null.
        Gen<object?> orNull = Gen.Frequency<object?>((5, scalar.Values.Select(v => (object?)v)), (scalar.Nullable ? 2 : 1, Gen.Const((object?)null)));
        var one = Gen.OneOf(names).SelectMany(op => (Gen<(string op, object? v)>)(op switch
        {
            "eq" or "neq" => orNull.Select(v => (op, v)),
            "in" or "nin" => (scalar.Kind is ScalarKind.Enum ? scalar.Values.Select(v => (object?)v) : orNull)
                .List[0, 3].Select(values => (op, (object?)values)),
            _ => scalar.Values.Select(v => (op, (object?)v)),
        }));
        var plain = one.Array[1, 2].Select(ops => ops.GroupBy(o => o.op).ToDictionary<IGrouping<string, (string op, object? v)>, string, object?>(g => g.Key, g => g.First().v));
        if (!allowCombinators || scalar.Kind != ScalarKind.String) return plain;
        // Only string (and object) filters carry and/or.
        var combined = Gen.OneOf("and", "or").SelectMany(op => plain.List[1, 2].Select(items =>
            new Dictionary<string, object?> { [op] = items.Cast<object?>().ToList() }));
        return Gen.Frequency((5, plain), (1, combined));
    }
}

/// <summary>The filter semantics of hc-conventions.md, over the JSON rows the API returned.</summary>
internal static class Evaluator
{
    public static bool Object(TypeSpec type, Dictionary<string, object?> filter, JsonNode? row)
    {
        if (row is null) return false; // a null navigation matches no filter on it
        foreach (var (name, value) in filter)
        {
            var items = value as List<object?>;
            var ok = name switch
            {
                "and" => items!.All(i => Object(type, (Dictionary<string, object?>)i!, row)),
                "or" => items!.Any(i => Object(type, (Dictionary<string, object?>)i!, row)),
                _ => Field(type.Fields.Single(f => f.Name == name), (Dictionary<string, object?>)value!,
                    row.AsObject().TryGetPropertyValue(name, out var member) ? member : throw new InvalidOperationException($"The seed rows lack {type.Name}.{name}.")),
            };
            if (!ok) return false;
        }
        return true;
    }

    private static bool Field(FieldSpec field, Dictionary<string, object?> filter, JsonNode? value) => field switch
    {
        ScalarSpec scalar => Operations(scalar.Kind, filter, value),
        ObjectSpec obj => Object(obj.Type, filter, value),
        ListSpec list => List(filter, value!.AsArray(), (f, e) => Object(list.Type, f, e)),
        ScalarListSpec scalars => List(filter, value!.AsArray(), (f, e) => Operations(scalars.Element.Kind, f, e)),
        _ => throw new InvalidOperationException(),
    };

    private static bool List(Dictionary<string, object?> filter, JsonArray items, Func<Dictionary<string, object?>, JsonNode?, bool> element) =>
        filter.All(op => op.Key switch
        {
            "some" => items.Any(i => element((Dictionary<string, object?>)op.Value!, i)),
            "all" => items.All(i => element((Dictionary<string, object?>)op.Value!, i)),
            "none" => !items.Any(i => element((Dictionary<string, object?>)op.Value!, i)),
            "any" => (bool)op.Value! == items.Count > 0,
            _ => throw new InvalidOperationException(op.Key),
        });

    private static bool Operations(ScalarKind kind, Dictionary<string, object?> filter, JsonNode? node)
    {
        var numeric = kind is ScalarKind.Int or ScalarKind.Float or ScalarKind.Decimal;
        var text = node is null || numeric ? null : node.GetValue<string>();
        var number = node is not null && numeric ? node.GetValue<decimal>() : (decimal?)null;
        var isNull = node is null;

        bool Eq(object? v) => v is null ? isNull : !isNull && Cmp(v) == 0;
        int Cmp(object v) => number is { } n ? n.CompareTo(Convert.ToDecimal(v, CultureInfo.InvariantCulture)) : string.CompareOrdinal(text, (string)v);
        bool Compare(object? v, Func<int, bool> test) => !isNull && test(Cmp(v!));
        bool Str(object? v, Func<string, string, bool> test) => text is not null && test(text, (string)v!);

        return filter.All(op => op.Key switch
        {
            "and" => ((List<object?>)op.Value!).All(i => Operations(kind, (Dictionary<string, object?>)i!, node)),
            "or" => ((List<object?>)op.Value!).Any(i => Operations(kind, (Dictionary<string, object?>)i!, node)),
            "eq" => Eq(op.Value),
            "neq" => !Eq(op.Value),
            "in" => ((List<object?>)op.Value!).Any(Eq),
            "nin" => !((List<object?>)op.Value!).Any(Eq),
            "contains" => Str(op.Value, (t, v) => t.Contains(v, StringComparison.Ordinal)),
            "ncontains" => !Str(op.Value, (t, v) => t.Contains(v, StringComparison.Ordinal)),
            "startsWith" => Str(op.Value, (t, v) => t.StartsWith(v, StringComparison.Ordinal)),
            "nstartsWith" => !Str(op.Value, (t, v) => t.StartsWith(v, StringComparison.Ordinal)),
            "endsWith" => Str(op.Value, (t, v) => t.EndsWith(v, StringComparison.Ordinal)),
            "nendsWith" => !Str(op.Value, (t, v) => t.EndsWith(v, StringComparison.Ordinal)),
            "gt" => Compare(op.Value, c => c > 0),
            "ngt" => !Compare(op.Value, c => c > 0),
            "gte" => Compare(op.Value, c => c >= 0),
            "ngte" => !Compare(op.Value, c => c >= 0),
            "lt" => Compare(op.Value, c => c < 0),
            "nlt" => !Compare(op.Value, c => c < 0),
            "lte" => Compare(op.Value, c => c <= 0),
            "nlte" => !Compare(op.Value, c => c <= 0),
            _ => throw new InvalidOperationException(op.Key),
        });
    }
}
