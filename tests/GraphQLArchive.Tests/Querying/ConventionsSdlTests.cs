using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Querying;
using GraphQLArchive.Querying.Scalars;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace GraphQLArchive.Tests.QueryingTests;

/// <summary>
/// The Querying library over hc-conventions.md's example model, in memory: its SDL is snapshotted and compared,
/// block by block and line by line, with the shapes that document gives.
/// </summary>
public sealed class ConventionsSdlTests
{
    [Fact]
    public void The_sdl_of_the_example_model_matches_its_snapshot() => Snapshot.Match(ConventionsModel.Sdl());

    /// <summary>The blocks of hc-conventions.md, transcribed field per line, without descriptions and comments.</summary>
    public static TheoryData<string, string> Blocks => new()
    {
        { "input ArticleFilterInput", """
            and: [ArticleFilterInput!]
            or: [ArticleFilterInput!]
            headline: StringOperationFilterInput
            characterCount: IntOperationFilterInput
            totalInvestment: DecimalOperationFilterInput
            isFeatured: BooleanOperationFilterInput
            status: ArticleStatusOperationFilterInput
            officials: ListFilterInputTypeOfOfficialFilterInput
            location: LocationFilterInput
            """ },
        { "input StringOperationFilterInput", """
            and: [StringOperationFilterInput!]
            or: [StringOperationFilterInput!]
            eq: String
            neq: String
            contains: String
            ncontains: String
            in: [String]
            nin: [String]
            startsWith: String
            nstartsWith: String
            endsWith: String
            nendsWith: String
            """ },
        { "input IntOperationFilterInput", ComparableBlock("Int") },
        { "input DecimalOperationFilterInput", ComparableBlock("Decimal") },
        { "input LocalDateOperationFilterInput", ComparableBlock("LocalDate") },
        { "input BooleanOperationFilterInput", """
            eq: Boolean
            neq: Boolean
            """ },
        { "input ArticleStatusOperationFilterInput", """
            eq: ArticleStatus
            neq: ArticleStatus
            in: [ArticleStatus!]
            nin: [ArticleStatus!]
            """ },
        { "input ListFilterInputTypeOfOfficialFilterInput", """
            all: OfficialFilterInput
            none: OfficialFilterInput
            some: OfficialFilterInput
            any: Boolean
            """ },
        { "input ArticleSortInput", """
            headline: SortEnumType
            characterCount: SortEnumType
            eventDate: SortEnumType
            location: LocationSortInput
            """ },
        { "enum SortEnumType", """
            ASC
            DESC
            """ },
        { "type ArticlesConnection", """
            pageInfo: PageInfo!
            edges: [ArticlesEdge!]
            nodes: [Article!]
            totalCount: Int!
            """ },
        { "type ArticlesEdge", """
            cursor: String!
            node: Article!
            """ },
        { "type PageInfo", """
            hasNextPage: Boolean!
            hasPreviousPage: Boolean!
            startCursor: String
            endCursor: String
            """ },
        { "type ArticlesPageCollectionSegment", """
            pageInfo: CollectionSegmentInfo!
            items: [Article!]
            totalCount: Int!
            """ },
        { "type CollectionSegmentInfo", """
            hasNextPage: Boolean!
            hasPreviousPage: Boolean!
            """ },
    };

    /// <summary>
    /// Where the printed SDL has lines that hc-conventions.md's block does not. Each is a field of the example model
    /// that the document's abbreviated block leaves out, and that Hot Chocolate itself would generate (it filters and
    /// sorts every scalar field, IDs, booleans and enums included). Nothing else may differ.
    /// </summary>
    private static readonly Dictionary<string, string[]> ModelFieldsTheDocumentLeavesOut = new()
    {
        ["input ArticleFilterInput"] = ["id: IdOperationFilterInput", "eventDate: LocalDateOperationFilterInput"],
        ["input ArticleSortInput"] = ["id: SortEnumType", "totalInvestment: SortEnumType", "isFeatured: SortEnumType", "status: SortEnumType"],
    };

    private static string ComparableBlock(string scalar) => string.Join('\n',
        new[] { "eq", "neq" }.Select(op => $"{op}: {scalar}")
            .Concat(new[] { "in", "nin" }.Select(op => $"{op}: [{scalar}]"))
            .Concat(new[] { "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" }.Select(op => $"{op}: {scalar}")));

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_of_hc_conventions_is_printed_line_for_line(string header, string expectedBody)
    {
        var printed = PrintedBlock(ConventionsModel.SdlWithoutDescriptions(), header);
        var expected = expectedBody.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        var known = ModelFieldsTheDocumentLeavesOut.GetValueOrDefault(header) ?? [];

        Assert.Empty(known.Except(printed)); // the documented difference is really there…
        Assert.Equal(expected, printed.Except(known).ToList()); // …and is the only one, line for line, in order
    }

    [Fact]
    public void The_article_fields_take_their_arguments_in_hot_chocolates_order()
    {
        var query = PrintedBlock(ConventionsModel.SdlWithoutDescriptions(), "type Query");
        Assert.Contains("articles(first: Int, after: String, last: Int, before: String, where: ArticleFilterInput, order: [ArticleSortInput!]): ArticlesConnection", query);
        Assert.Contains("articlesPage(skip: Int, take: Int, where: ArticleFilterInput, order: [ArticleSortInput!]): ArticlesPageCollectionSegment", query);
    }

    [Theory]
    [InlineData("A connection to a list of items.", "type ArticlesConnection")]
    [InlineData("An edge in a connection.", "type ArticlesEdge")]
    [InlineData("Information about pagination in a connection.", "type PageInfo")]
    [InlineData("A segment of a collection.", "type ArticlesPageCollectionSegment")]
    [InlineData("Information about the offset pagination.", "type CollectionSegmentInfo")]
    public void The_paging_types_carry_hot_chocolates_descriptions(string description, string header) =>
        Assert.Contains($"\"{description}\"\n{header} {{", ConventionsModel.Sdl());

    [Fact]
    public void The_field_order_follows_declaration_order_and_only_object_and_string_filters_carry_and_or()
    {
        var sdl = ConventionsModel.SdlWithoutDescriptions();
        foreach (var header in new[] { "input OfficialFilterInput", "input LocationFilterInput" })
            Assert.Equal(["and:", "or:"], PrintedBlock(sdl, header).Take(2).Select(l => l.Split(' ')[0]));
        foreach (var header in new[] { "input IntOperationFilterInput", "input BooleanOperationFilterInput", "input ArticleStatusOperationFilterInput", "input ListFilterInputTypeOfOfficialFilterInput", "input IdOperationFilterInput" })
            Assert.DoesNotContain(PrintedBlock(sdl, header), l => l.StartsWith("and:", StringComparison.Ordinal) || l.StartsWith("or:", StringComparison.Ordinal));
        Assert.Equal(["and: [LocationFilterInput!]", "or: [LocationFilterInput!]", "name: StringOperationFilterInput", "kind: LocationKindOperationFilterInput"], PrintedBlock(sdl, "input LocationFilterInput"));
        Assert.Equal(["name: SortEnumType", "kind: SortEnumType"], PrintedBlock(sdl, "input LocationSortInput"));
        Assert.Contains("scalar LocalDate", sdl);
    }

    [Fact]
    public async Task A_filtered_sorted_paged_query_runs_over_a_plain_in_memory_queryable()
    {
        const string query = """
            query($w: ArticleFilterInput, $after: String) {
              articles(first: 2, after: $after, where: $w, order: [{ eventDate: DESC }, { headline: ASC }]) {
                totalCount
                edges { cursor node { headline eventDate totalInvestment isFeatured status location { name } officials { name } } }
                pageInfo { hasNextPage hasPreviousPage endCursor }
              }
            }
            """;
        var where = new Dictionary<string, object?>
        {
            ["or"] = new object[]
            {
                new Dictionary<string, object?> { ["officials"] = new Dictionary<string, object?> { ["some"] = new Dictionary<string, object?> { ["name"] = new Dictionary<string, object?> { ["startsWith"] = "罗" } } } },
                new Dictionary<string, object?> { ["totalInvestment"] = new Dictionary<string, object?> { ["gte"] = 5000000000m } },
            },
            ["status"] = new Dictionary<string, object?> { ["neq"] = "ARCHIVED" },
        };

        var first = await ConventionsModel.ExecuteAsync(query, new Dictionary<string, object?> { ["w"] = where });
        Assert.True(first["errors"] is null, first.ToJsonString());
        var connection = first["data"]!["articles"]!;
        Assert.Equal(3, (int)connection["totalCount"]!);
        Assert.Equal(["太原富力天禧城L区项目开工", "罗清宇主持召开专题会议"], Headlines(connection));
        Assert.Equal("三给片区", (string?)connection["edges"]![0]!["node"]!["location"]!["name"]);
        Assert.Equal(5200000000m, (decimal)connection["edges"]![0]!["node"]!["totalInvestment"]!);
        Assert.Equal("2021-07-30", (string?)connection["edges"]![0]!["node"]!["eventDate"]);
        Assert.Equal("PUBLISHED", (string?)connection["edges"]![0]!["node"]!["status"]);
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)connection["pageInfo"]!["hasPreviousPage"]!);

        var second = await ConventionsModel.ExecuteAsync(query, new Dictionary<string, object?> { ["w"] = where, ["after"] = (string)connection["pageInfo"]!["endCursor"]! });
        Assert.True(second["errors"] is null, second.ToJsonString());
        connection = second["data"]!["articles"]!;
        Assert.Equal(["罗清宇张新伟走访慰问驻并部队"], Headlines(connection));
        Assert.Equal(["罗清宇", "张新伟"], connection["edges"]![0]!["node"]!["officials"]!.AsArray().Select(o => (string)o!["name"]!));
        Assert.False((bool)connection["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)connection["pageInfo"]!["hasPreviousPage"]!);

        static List<string> Headlines(JsonNode connection) =>
            connection["edges"]!.AsArray().Select(e => (string)e!["node"]!["headline"]!).ToList();
    }

    [Fact]
    public async Task Sorting_through_a_navigation_that_is_null_in_memory_places_the_row_instead_of_failing()
    {
        // Over EF Core a null navigation sorts as a null key; a plain IQueryable must not dereference it.
        var result = await ConventionsModel.ExecuteAsync("{ articlesPage(take: 50, order: [{ location: { name: ASC } }, { headline: ASC }]) { items { headline location { name } } } }");
        Assert.True(result["errors"] is null, result.ToJsonString());
        var items = result["data"]!["articlesPage"]!["items"]!.AsArray();
        Assert.Equal(ConventionsModel.Articles.Count, items.Count);
        Assert.Null(items[0]!["location"]);
    }

    /// <summary>The lines of one block (<c>input X {</c> … <c>}</c>), trimmed.</summary>
    private static List<string> PrintedBlock(string sdl, string header)
    {
        var lines = sdl.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(header + " ", StringComparison.Ordinal) || l == header + " {");
        Assert.True(start >= 0, $"`{header}` is not in the printed schema:\n{sdl}");
        return lines.Skip(start + 1).TakeWhile(l => l != "}").Select(l => l.Trim()).ToList();
    }
}

/// <summary>hc-conventions.md's example model: Article, Official, Location, and a query with a connection and a segment.</summary>
internal static class ConventionsModel
{
    public enum ArticleStatus { Draft, Published, Archived }

    public enum LocationKind { District, Area }

    public sealed class Article
    {
        public int Id { get; set; }
        public string Headline { get; set; } = "";
        public int CharacterCount { get; set; }
        public DateOnly EventDate { get; set; }
        public decimal TotalInvestment { get; set; }
        public bool IsFeatured { get; set; }
        public ArticleStatus Status { get; set; }
        public List<Official> Officials { get; set; } = [];
        public Location? Location { get; set; }
    }

    public sealed class Official
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    public sealed class Location
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public LocationKind Kind { get; set; }
    }

    public sealed class ArticleGraphType : ObjectGraphType<Article>
    {
        public ArticleGraphType()
        {
            Name = "Article";
            Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>));
            Field(a => a.Headline, type: typeof(NonNullGraphType<StringGraphType>));
            Field(a => a.CharacterCount, type: typeof(NonNullGraphType<IntGraphType>));
            Field(a => a.EventDate, type: typeof(NonNullGraphType<LocalDateGraphType>));
            Field(a => a.TotalInvestment, type: typeof(NonNullGraphType<DecimalGraphType>));
            Field(a => a.IsFeatured, type: typeof(NonNullGraphType<BooleanGraphType>));
            Field(a => a.Status, type: typeof(NonNullGraphType<ArticleStatusGraphType>));
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<OfficialGraphType>>>>("officials");
            Field<LocationGraphType>("location");
        }
    }

    public sealed class OfficialGraphType : ObjectGraphType<Official>
    {
        public OfficialGraphType()
        {
            Name = "Official";
            Field(o => o.Name, type: typeof(NonNullGraphType<StringGraphType>));
        }
    }

    public sealed class LocationGraphType : ObjectGraphType<Location>
    {
        public LocationGraphType()
        {
            Name = "Location";
            Field(l => l.Name, type: typeof(NonNullGraphType<StringGraphType>));
            Field(l => l.Kind, type: typeof(NonNullGraphType<LocationKindGraphType>));
        }
    }

    public sealed class ArticleStatusGraphType : EnumerationGraphType<ArticleStatus>
    {
        public ArticleStatusGraphType() => Name = "ArticleStatus";
    }

    public sealed class LocationKindGraphType : EnumerationGraphType<LocationKind>
    {
        public LocationKindGraphType() => Name = "LocationKind";
    }

    public sealed class QueryGraphType : ObjectGraphType
    {
        public QueryGraphType()
        {
            Name = "Query";
            this.AddConnection<ArticleGraphType, Article>("articles", _ => Articles.AsQueryable());
            this.AddCollectionSegment<ArticleGraphType, Article>("articlesPage", _ => Articles.AsQueryable());
        }
    }

    public sealed class ConventionsSchema : Schema
    {
        public ConventionsSchema(IServiceProvider services, QueryGraphType query) : base(services) => Query = query;
    }

    private static readonly Official Luo = new() { Id = 1, Name = "罗清宇" };
    private static readonly Official Zhang = new() { Id = 2, Name = "张新伟" };

    public static IReadOnlyList<Article> Articles { get; } =
    [
        new() { Id = 1, Headline = "罗清宇主持召开专题会议", CharacterCount = 1453, EventDate = new(2021, 7, 29), Status = ArticleStatus.Published, Officials = [Luo] },
        new() { Id = 2, Headline = "罗清宇张新伟走访慰问驻并部队", CharacterCount = 1229, EventDate = new(2021, 7, 29), Status = ArticleStatus.Published, Officials = [Luo, Zhang], Location = new() { Id = 1, Name = "尖草坪区", Kind = LocationKind.District } },
        new() { Id = 3, Headline = "太原富力天禧城L区项目开工", CharacterCount = 1269, EventDate = new(2021, 7, 30), TotalInvestment = 5200000000m, IsFeatured = true, Status = ArticleStatus.Published, Location = new() { Id = 2, Name = "三给片区", Kind = LocationKind.Area } },
        new() { Id = 4, Headline = "草稿", CharacterCount = 2, EventDate = new(2021, 8, 1), Status = ArticleStatus.Draft, Officials = [Zhang] },
        new() { Id = 5, Headline = "旧闻", CharacterCount = 2, EventDate = new(2020, 1, 1), TotalInvestment = 6000000000m, Status = ArticleStatus.Archived, Officials = [Luo] },
    ];

    private static readonly Lazy<IServiceProvider> Services = new(() =>
    {
        var services = new ServiceCollection();
        services.AddQueryingConventions();
        services.AddGraphQL(graphql => graphql
            .AddSchema<ConventionsSchema>()
            .AddGraphTypes(typeof(ConventionsSchema).Assembly)
            .AddSystemTextJson());
        return services.BuildServiceProvider();
    });

    private static ISchema Schema()
    {
        var schema = Services.Value.GetRequiredService<ConventionsSchema>();
        schema.Initialize();
        return schema;
    }

    public static string Sdl() => Schema().Print().ReplaceLineEndings("\n");

    public static string SdlWithoutDescriptions() =>
        Schema().Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = false }).ReplaceLineEndings("\n");

    public static async Task<JsonObject> ExecuteAsync(string query, Dictionary<string, object?>? variables = null)
    {
        var services = Services.Value;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var result = await services.GetRequiredService<IDocumentExecuter<ConventionsSchema>>().ExecuteAsync(options =>
        {
            options.Query = query;
            options.Variables = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables));
            options.RequestServices = services;
        });
        return JsonNode.Parse(serializer.Serialize(result))!.AsObject();
    }
}
