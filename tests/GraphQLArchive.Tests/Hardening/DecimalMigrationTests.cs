using GraphQLArchive.Model.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GraphQLArchive.Tests.Hardening;

/// <summary>An archive written with hundredths keeps its figures when it migrates to exact decimals, and back.</summary>
public sealed class DecimalMigrationTests : IDisposable
{
    private const string BeforeExactDecimals = "20261202091500_SearchIndexWithoutCopies";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"archive-migration-{Guid.NewGuid():N}.db");

    private static readonly (long Hundredths, decimal Value)[] Figures =
        [(0, 0m), (12, 0.12m), (50, 0.5m), (520000000000, 5200000000m), (520000000012, 5200000000.12m), (-510, -5.1m), (-500, -5m), (-7, -0.07m),
         (long.MaxValue, 92233720368547758.07m)];

    private ArchiveDbContext Open() => new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);

    [Fact]
    public void Hundredths_become_the_same_figures_and_go_back()
    {
        using (var db = Open())
        {
            db.GetService<IMigrator>().Migrate(BeforeExactDecimals);
            foreach (var (hundredths, i) in Figures.Select((f, i) => (f.Hundredths, i + 1)))
            {
                db.Database.ExecuteSql($"INSERT INTO Projects (Id, Name, Aliases, Status, TotalInvestment) VALUES ({i}, {"p" + i}, '[]', 0, {hundredths})");
                db.Database.ExecuteSql($"INSERT INTO ProjectFact (ProjectId, Label, Value, Unit, Qualifier, Printed) VALUES ({i}, 'x', {hundredths}, 'CNY', 0, 'x')");
            }
            db.Database.ExecuteSql($"INSERT INTO Projects (Id, Name, Aliases, Status, TotalInvestment) VALUES (100, 'none', '[]', 0, NULL)");
            db.Database.Migrate();
        }

        using (var db = Open())
        {
            var read = db.Projects.Where(p => p.Id < 100).OrderBy(p => p.Id).Select(p => new { p.TotalInvestment, Fact = p.Facts.Single().Value }).ToList();
            Assert.Equal(Figures.Select(f => (decimal?)f.Value), read.Select(r => r.TotalInvestment));
            Assert.Equal(Figures.Select(f => f.Value), read.Select(r => r.Fact));
            Assert.Null(db.Projects.Single(p => p.Id == 100).TotalInvestment);
            // The keys compare as the numbers do.
            Assert.Equal(Figures.Count(f => f.Value > 0.12m), db.Projects.Count(p => p.TotalInvestment > 0.12m));
            db.GetService<IMigrator>().Migrate(BeforeExactDecimals);
        }

        using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT TotalInvestment, typeof(TotalInvestment) FROM Projects WHERE Id < 100 ORDER BY Id";
        using var reader = command.ExecuteReader();
        var back = new List<long>();
        while (reader.Read())
        {
            Assert.Equal("integer", reader.GetString(1));
            back.Add(reader.GetInt64(0));
        }
        Assert.Equal(Figures.Select(f => f.Hundredths), back);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
    }
}
