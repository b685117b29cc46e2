using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using GraphQL;
using GraphQL.Types;
using GraphQLArchive.Api.Articles;
using GraphQLArchive.Api.Editions;
using GraphQLArchive.Api.Journalists;
using GraphQLArchive.Api.Locations;
using GraphQLArchive.Api.Officials;
using GraphQLArchive.Api.Organizations;
using GraphQLArchive.Api.Projects;
using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Editions;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Model.Locations;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Organizations;
using GraphQLArchive.Model.Projects;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Querying;
using GraphQLArchive.Tests.Archive;
using GraphQLArchive.Tests.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GraphQLArchive.Tests.QueryingTests;

/// <summary>
/// Random valid queries made from the live schema (nested lists with random first/where/order, aliases, inline
/// fragments) answer without an error, and with exactly what the same schema answers over the same archive held in
/// memory, where LINQ to Objects evaluates every filter, order and page over fixed-up object graphs instead of SQL
/// with lists loaded by parent keys.
/// </summary>
public sealed class RandomQueryPropertyTests(GeneratedArchiveFixture archive, ITestOutputHelper output) : IClassFixture<GeneratedArchiveFixture>
{
    private const int Iterations = 150;

    [SqliteFact] // PostgreSQL's own run of it is PostgresRandomQueryPropertyTests
    public Task Random_nested_queries_answer_as_the_in_memory_evaluation_answers() =>
        CheckAsync(archive.Api, () => new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseSqlite($"Data Source={archive.Api.DatabaseFile};Mode=ReadOnly;Pooling=False").Options), output);

    /// <summary>Random queries against <paramref name="api"/>, each compared with the archive that <paramref name="open"/> reads, held in memory.</summary>
    internal static async Task CheckAsync(IGraphQLArchive api, Func<ArchiveDbContext> open, ITestOutputHelper output)
    {
        async Task<JsonObject> Post(string query, object? variables) => (await api.PostAsync(query, variables)).Json;
        var schema = await SchemaWalk.LoadAsync(Post);
        using var memory = InMemoryArchive.Load(open, api.NullsSortFirst);
        var generator = new QueryGenerator(schema);
        var checkedQueries = 0;

        await generator.Query.SampleAsync(async query =>
        {
            var database = await api.PostAsync(query);
            if (database.Json["errors"] is { } errors)
            {
                output.WriteLine(query);
                throw new Xunit.Sdk.XunitException($"{query}\n→ {errors.ToJsonString()}");
            }
            var expected = await memory.ExecuteAsync(query);
            checkedQueries++;
            if (!JsonNode.DeepEquals(database.Json["data"], expected["data"]))
                throw new Xunit.Sdk.XunitException($"{query}\ndatabase: {database.Json["data"]!.ToJsonString()}\nin memory: {expected.ToJsonString()}");
            return true;
        }, iter: Iterations, threads: 1);
        Assert.Equal(Iterations, checkedQueries);
    }

    /// <summary>Queries over the root connections, as a client that knows only the schema would write them.</summary>
    private sealed class QueryGenerator(SchemaWalk schema)
    {
        private static readonly string[] Characters = ["市", "会", "区", "委", "项目", "1", "太原"];

        public Gen<string> Query => Gen.OneOf(schema.RootConnections().ToArray()).SelectMany(connection =>
            Gen.Select(Gen.Int[1, 8], OrderOf(connection.NodeType), Selection(connection.NodeType, depth: 3), Gen.Bool,
                (first, order, selection, fragment) =>
                    $"{{ {connection.Field}(first: {first}{order}) {{ nodes {{ id {(fragment ? $"... on {connection.NodeType} {{ {selection} }}" : selection)} }} }} }}"));

        private Gen<string> OrderOf(string type)
        {
            var fields = schema.SortableScalars(type).ToArray();
            if (fields.Length == 0) return Gen.Const("");
            return Gen.Frequency((1, Gen.Const("")), (4, Gen.Select(Gen.OneOf(fields), Gen.Bool, (f, desc) => $", order: [{{ {f}: {(desc ? "DESC" : "ASC")} }}]")));
        }

        private Gen<string> Where(string type)
        {
            var texts = schema.TextFields(type).ToArray();
            if (texts.Length == 0) return Gen.Const("");
            return Gen.Frequency((2, Gen.Const("")),
                (1, Gen.Select(Gen.OneOf(texts), Gen.OneOf(Characters), Gen.Bool, (f, c, negate) => $", where: {{ {f}: {{ {(negate ? "ncontains" : "contains")}: \"{c}\" }} }}")));
        }

        private Gen<string> Selection(string type, int depth)
        {
            var fields = schema.SelectableFields(type).Where(f => depth > 0 || f.Kind == SchemaWalk.FieldKind.Leaf).ToArray();
            return Gen.Int[1, Math.Min(5, fields.Length)].SelectMany(count => Gen.Shuffle(fields, count)).SelectMany(chosen =>
                chosen.Select((field, index) => Field(field, depth, index)).Aggregate(Gen.Const(""), (all, next) => Gen.Select(all, next, (a, n) => a + " " + n)));
        }

        private Gen<string> Field(SchemaWalk.FieldInfo field, int depth, int index)
        {
            var alias = Gen.Frequency((3, Gen.Const("")), (1, Gen.Const($"a{index}: ")));
            return field.Kind switch
            {
                SchemaWalk.FieldKind.Leaf => alias.Select(a => a + field.Name),
                SchemaWalk.FieldKind.Object => Gen.Select(alias, Selection(field.Type, depth - 1), (a, s) => $"{a}{field.Name} {{ {FirstLeaf(field.Type)} {s} }}"),
                _ => Gen.Select(alias, Gen.Int[0, 6], OrderOf(field.Type), Where(field.Type), Selection(field.Type, depth - 1),
                    (a, first, order, where, s) => $"{a}{field.Name}(first: {first}{order}{where}) {{ {FirstLeaf(field.Type)} {s} }}"),
            };
        }

        private string FirstLeaf(string type) => schema.SelectableFields(type).First(f => f.Kind == SchemaWalk.FieldKind.Leaf).Name;
    }

    /// <summary>The archive read whole into memory (EF Core fixes up every navigation), served by the same graph types.</summary>
    private sealed class InMemoryArchive : IDisposable
    {
        private readonly ServiceProvider _services;

        private InMemoryArchive(ServiceProvider services) => _services = services;

        /// <summary>Every row <paramref name="open"/> reads; NULL ordered as the database under test orders it.</summary>
        public static InMemoryArchive Load(Func<ArchiveDbContext> open, bool nullsSortFirst)
        {
            using var db = open();
            foreach (var entityType in db.Model.GetEntityTypes())
            {
                if (entityType.HasSharedClrType) db.Set<Dictionary<string, object>>(entityType.Name).Load();
                else ((IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entityType.ClrType).Invoke(db, null)!).Load();
            }
            var data = new InMemoryData(db);
            var services = new ServiceCollection();
            services.AddQueryingConventions();
            services.AddSingleton(new QueryingOptions { NullsSortFirst = nullsSortFirst });
            services.AddSingleton(data);
            services.AddSingleton<InMemoryQuery>();
            services.AddGraphQL(graphql => graphql.AddSchema<InMemorySchema>().AddGraphTypes(typeof(ArticleType).Assembly).AddSystemTextJson());
            return new InMemoryArchive(services.BuildServiceProvider());
        }

        public async Task<JsonObject> ExecuteAsync(string query)
        {
            var result = await _services.GetRequiredService<IDocumentExecuter<InMemorySchema>>().ExecuteAsync(options =>
            {
                options.Query = query;
                options.RequestServices = _services;
            });
            return JsonNode.Parse(_services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!.AsObject();
        }

        public void Dispose() => _services.Dispose();
    }

    private sealed class InMemoryData(ArchiveDbContext db)
    {
        public List<Article> Articles { get; } = [.. db.Articles.Local];
        public List<Official> Officials { get; } = [.. db.Officials.Local];
        public List<Location> Locations { get; } = [.. db.Locations.Local];
        public List<Project> Projects { get; } = [.. db.Projects.Local];
        public List<Organization> Organizations { get; } = [.. db.Organizations.Local];
        public List<Journalist> Journalists { get; } = [.. db.Journalists.Local];
        public List<Edition> Editions { get; } = [.. db.Editions.Local];
    }

    private sealed class InMemoryQuery : ObjectGraphType
    {
        public InMemoryQuery(InMemoryData data)
        {
            Name = "Query";
            this.AddConnection<ArticleType, Article>("articles", _ => data.Articles.AsQueryable());
            this.AddConnection<OfficialType, Official>("officials", _ => data.Officials.AsQueryable());
            this.AddConnection<LocationType, Location>("locations", _ => data.Locations.AsQueryable());
            this.AddConnection<ProjectType, Project>("projects", _ => data.Projects.AsQueryable());
            this.AddConnection<OrganizationType, Organization>("organizations", _ => data.Organizations.AsQueryable());
            this.AddConnection<JournalistType, Journalist>("journalists", _ => data.Journalists.AsQueryable());
            this.AddConnection<EditionType, Edition>("editions", _ => data.Editions.AsQueryable());
        }
    }

    private sealed class InMemorySchema : Schema
    {
        public InMemorySchema(IServiceProvider services, InMemoryQuery query) : base(services) => Query = query;
    }
}

/// <summary>The same property on PostgreSQL: its answers against the same rows read back from it, held in memory.</summary>
public sealed class PostgresRandomQueryPropertyTests(Postgres.PostgresGeneratedArchive archive, ITestOutputHelper output) : IClassFixture<Postgres.PostgresGeneratedArchive>
{
    [SqliteFact] // PostgreSQL's own run of it is PostgresRandomQueryPropertyTests
    public Task Random_nested_queries_answer_as_the_in_memory_evaluation_answers() =>
        RandomQueryPropertyTests.CheckAsync(archive.Api, () => new Model.Storage.Postgres.PostgresArchiveDbContext(
            new DbContextOptionsBuilder<Model.Storage.Postgres.PostgresArchiveDbContext>().UseNpgsql(archive.Api.ConnectionString).Options), output);
}
