using GraphQLArchive.Model.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Tests.Generation;

public sealed class GeneratorDeterminismTests
{
    [Fact]
    public void The_same_seed_writes_the_same_archive_and_another_seed_a_different_one()
    {
        using var first = GeneratedDatabase.Create(200, seed: 7);
        using var again = GeneratedDatabase.Create(200, seed: 7);
        using var other = GeneratedDatabase.Create(200, seed: 8);

        Assert.Equal(first.ContentHash(), again.ContentHash());
        Assert.NotEqual(first.ContentHash(), other.ContentHash());
    }

    [Fact]
    public void A_database_that_holds_data_already_is_refused()
    {
        using var generated = GeneratedDatabase.Create(20, seed: 1);
        using var db = GeneratedDatabase.Context(generated.File);
        var error = Assert.Throws<Model.Storage.DatabaseNotEmptyException>(() => Model.Generation.ArchiveGenerator.Generate(db,
            new Model.Generation.GenerationOptions(20, 1, Path.Combine(AppContext.BaseDirectory, "seeds"))));
        Assert.Contains("holds data already", error.Message);
    }
}

/// <summary>The generated archive has the real one's shape.</summary>
public sealed class GeneratorShapeTests : IClassFixture<GeneratorShapeTests.Archive>
{
    public sealed class Archive : IDisposable
    {
        public GeneratedDatabase Database { get; } = GeneratedDatabase.Create(500, seed: 11);
        public void Dispose() => Database.Dispose();
    }

    private readonly GeneratedDatabase _db;

    public GeneratorShapeTests(Archive archive) => _db = archive.Database;

    [Fact]
    public void The_file_has_the_migrations_schema_though_its_indexes_were_built_after_the_load()
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"archive-schema-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = GeneratedDatabase.Context(fresh)) db.Database.Migrate();
            Assert.Equal(Schema(fresh), Schema(_db.File));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { fresh, fresh + "-wal", fresh + "-shm" }) File.Delete(file);
        }
        Assert.Equal(ArchiveGenerator.PageSize, _db.Scalar("PRAGMA page_size"));
    }

    private static List<string> Schema(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        Assert.True(rows.Count(r => r.StartsWith("index IX_", StringComparison.Ordinal)) > 10, string.Join("\n", rows));
        return rows;
    }

    [Fact]
    public void Counts_match_the_summary()
    {
        Assert.Equal(500, _db.Scalar("SELECT COUNT(*) FROM Articles"));
        Assert.Equal(_db.Summary.Editions, _db.Scalar("SELECT COUNT(*) FROM Editions"));
        // Each body holds its paragraphs, one blank line between two.
        Assert.Equal(_db.Summary.Paragraphs, _db.Scalar("SELECT SUM((length(Body) - length(replace(Body, char(10) || char(10), ''))) / 2 + 1) FROM Articles"));
        Assert.Equal(_db.Summary.Appearances, _db.Scalar("SELECT COUNT(*) FROM Appearances"));
        Assert.Equal(_db.Summary.Officials, _db.Scalar("SELECT COUNT(*) FROM Officials"));
        Assert.True(_db.Summary.Photos > 0);
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM Projects") > 0);
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM ProjectFact") > 0);
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM Milestone") > 0);
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM ArticleProject") > 0);
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM ArticleOrganization") > 0);
    }

    [Fact]
    public void Every_article_has_paragraphs_a_body_that_joins_them_and_an_event_date_before_its_edition()
    {
        // The body is the paragraphs with one blank line between two: none empty, and the character count is theirs.
        Assert.Equal(0, _db.Scalar("""
            SELECT COUNT(*) FROM Articles a
            WHERE a.Body = '' OR a.Body LIKE char(10) || '%' OR a.Body LIKE '%' || char(10) OR instr(a.Body, char(10, 10, 10)) > 0
               OR a.CharacterCount <> length(replace(a.Body, char(10, 10), ''))
            """));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM Articles a JOIN Editions e ON e.Id = a.EditionId WHERE a.EventDate >= e.Date"));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM Articles WHERE Byline NOT LIKE '本报讯(记者 %)'"));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM Photo WHERE Caption NOT LIKE '图为%' OR Credit IS NULL"));
    }

    [Fact]
    public void Appearances_name_existing_officials_and_print_the_titles_of_the_day()
    {
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM Appearances a WHERE NOT EXISTS (SELECT 1 FROM Officials o WHERE o.Id = a.OfficialId)"));
        // A printed title is one of the official's positions, printed within the dates it was seen.
        Assert.Equal(0, _db.Scalar("""
            SELECT COUNT(*) FROM Appearances a JOIN Articles r ON r.Id = a.ArticleId JOIN Editions e ON e.Id = r.EditionId, json_each(a.Titles) t
            WHERE NOT EXISTS (SELECT 1 FROM Position p WHERE p.OfficialId = a.OfficialId AND p.Title = t.value AND e.Date BETWEEN p.FirstSeen AND p.LastSeen)
            """));
        Assert.True(_db.Scalar("SELECT COUNT(DISTINCT Role) FROM Appearances") == 6);
    }

    [Fact]
    public void Titles_change_over_time_and_a_few_officials_appear_in_most_reports()
    {
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM (SELECT OfficialId FROM Position WHERE FirstSeen IS NOT NULL GROUP BY OfficialId HAVING COUNT(DISTINCT FirstSeen) > 1)") > 0);
        var top = _db.Scalar("SELECT MAX(c) FROM (SELECT COUNT(*) c FROM Appearances GROUP BY OfficialId)");
        var median = _db.Scalar("SELECT c FROM (SELECT COUNT(*) c FROM Appearances GROUP BY OfficialId ORDER BY c) LIMIT 1 OFFSET (SELECT COUNT(DISTINCT OfficialId) / 2 FROM Appearances)");
        Assert.True(top * 10 > 500 * 3, $"the most frequent official appears in {top} of 500 reports");
        Assert.True(top > median * 5, $"top {top}, median {median}");
    }

    [Fact]
    public void Locations_form_a_tree_from_the_province()
    {
        // Walking up from every location reaches a root within the hierarchy's depth: no cycles.
        Assert.Equal(0, _db.Scalar("""
            WITH RECURSIVE up(Id, ParentId, Depth) AS (
              SELECT Id, ParentId, 0 FROM Locations
              UNION ALL SELECT up.Id, l.ParentId, up.Depth + 1 FROM up JOIN Locations l ON l.Id = up.ParentId WHERE up.Depth < 20)
            SELECT COUNT(*) FROM up WHERE Depth >= 20
            """));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM Locations WHERE ParentId IS NULL"));
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM Locations p JOIN Locations a ON a.ParentId = p.Id WHERE p.Kind = 2 AND a.Kind = 4") > 0, "areas in districts");
        Assert.True(_db.Scalar("SELECT COUNT(*) FROM Locations z JOIN Locations k ON k.ParentId = z.Id WHERE z.Kind = 3 AND k.Kind = 5") > 0, "parks in development zones");
    }
}
