using GraphQLArchive.Api.Cli;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using GraphQLArchive.Tests.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace GraphQLArchive.Tests.Postgres;

/// <summary><c>generate</c> with <c>Database:Provider=Postgres</c>: the same archive the SQLite generator writes for the seed, in PostgreSQL.</summary>
public sealed class PostgresGenerateTests
{
    private const int Articles = 60;
    private const int Seed = 3;

    [Fact]
    public async Task Generate_writes_the_sqlite_generators_archive_into_postgresql_and_refuses_a_second_time()
    {
        var database = PostgresServer.NewDatabaseName(); // the command's migrations create it
        var connectionString = PostgresServer.ConnectionString(database, pooling: false);
        try
        {
            Assert.Equal(0, await RunAsync(connectionString));
            using var expected = GeneratedDatabase.Create(Articles, Seed);
            await using var sqlite = GeneratedDatabase.Context(expected.File);
            await using var postgres = new PostgresArchiveDbContext(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql(connectionString).Options);

            Assert.Equal(await Rows(sqlite), await Rows(postgres));
            Assert.Equal(
                await sqlite.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.Headline, a.Body, a.EventDate, a.EditionId }).ToListAsync(),
                await postgres.Articles.OrderBy(a => a.Id).Select(a => new { a.Id, a.Headline, a.Body, a.EventDate, a.EditionId }).ToListAsync());
            Assert.Equal(
                await sqlite.Projects.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.TotalInvestment, p.FloorArea, p.Status }).ToListAsync(),
                await postgres.Projects.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.TotalInvestment, p.FloorArea, p.Status }).ToListAsync());
            var titles = (await postgres.Appearances.OrderBy(a => a.Id).Select(a => a.Titles).ToListAsync()).SelectMany(t => t).ToList();
            Assert.Equal((await sqlite.Appearances.OrderBy(a => a.Id).Select(a => a.Titles).ToListAsync()).SelectMany(t => t), titles);

            // The identity sequences go on after the copied ids.
            var official = new Official { Name = "测试新人" };
            postgres.Officials.Add(official);
            await postgres.SaveChangesAsync();
            Assert.Equal(await sqlite.Officials.MaxAsync(o => o.Id) + 1, official.Id);

            Assert.Equal(2, await RunAsync(connectionString)); // not into a database that holds data
        }
        finally
        {
            PostgresServer.DropDatabase(database);
        }
    }

    private static Task<int> RunAsync(string connectionString) => Generate.RunAsync(
        new ConfigurationBuilder().AddInMemoryCollection([new("Database:Provider", "Postgres")]).Build(),
        new HostingEnvironment { ContentRootPath = Path.GetTempPath() },
        ["generate", "--articles", Articles.ToString(System.Globalization.CultureInfo.InvariantCulture), "--database", connectionString, "--seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    private static async Task<int[]> Rows(ArchiveDbContext db) =>
    [
        await db.Editions.CountAsync(), await db.Articles.CountAsync(), await db.Appearances.CountAsync(), await db.Officials.CountAsync(),
        await db.Journalists.CountAsync(), await db.Locations.CountAsync(), await db.Organizations.CountAsync(), await db.Projects.CountAsync(),
        await db.Articles.SumAsync(a => a.Body.Length), await db.Articles.SelectMany(a => a.Photos).CountAsync(),
        await db.Articles.SelectMany(a => a.Journalists).CountAsync(), await db.Officials.SelectMany(o => o.Positions).CountAsync(),
    ];
}
