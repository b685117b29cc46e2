using System.Text;
using GraphQLArchive.Model.Search;
using GraphQLArchive.Model.Seeding;
using GraphQLArchive.Model.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Benchmarks;

/// <summary>
/// A generated archive for the search benchmark: the seed page (for officials, locations, projects and
/// journalists) plus N articles whose text is drawn, deterministically, from the seed page's sentences.
/// Built once per size and kept in the temp folder. A minimal filler until the <c>generate</c> verb lands.
/// </summary>
internal static class SearchArchive
{
    public static string PathFor(int articles) => Path.Combine(Path.GetTempPath(), $"graphql-archive-search-bench-v1-{articles}.db");

    public static ArchiveDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={path}").Options);

    public static async Task<string> EnsureAsync(int articles)
    {
        var path = PathFor(articles);
        if (File.Exists(path)) return path;
        var building = path + ".building";
        File.Delete(building);
        await using (var db = Open(building))
        {
            await new ArchiveSeeder(db).SeedAsync(Path.Combine(AppContext.BaseDirectory, "seeds"));
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await FillAsync(connection, articles);
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    private static async Task FillAsync(SqliteConnection connection, int count)
    {
        var sentences = Sentences(await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds", "pages"), "*.txt").Order().First()));
        var officials = await IdsAsync(connection, "Officials");
        var locations = await IdsAsync(connection, "Locations");
        var projects = await IdsAsync(connection, "Projects");
        var journalists = await IdsAsync(connection, "Journalists");
        var editionId = (long)(await Command(connection, null, "SELECT min(Id) FROM Editions").ExecuteScalarAsync())!;

        // Bulk load: no per-row index maintenance, one rebuild at the end.
        await ArticleSearchIndex.DropTriggersAsync(connection);
        var random = new Random(20210731);
        await using (var transaction = connection.BeginTransaction())
        {
            var article = Command(connection, transaction,
                "INSERT INTO Articles (EditionId, Ordinal, Headline, Subheadline, EventDate, Body, CharacterCount) VALUES ($e, $o, $h, $s, $d, $b, $c) RETURNING Id",
                "$e", "$o", "$h", "$s", "$d", "$b", "$c");
            var appearance = Command(connection, transaction, "INSERT INTO Appearances (ArticleId, OfficialId, Role, Titles) VALUES ($a, $x, 0, '[]')", "$a", "$x");
            var location = Command(connection, transaction, "INSERT INTO ArticleLocation (ArticlesId, LocationsId) VALUES ($a, $x)", "$a", "$x");
            var project = Command(connection, transaction, "INSERT INTO ArticleProject (ArticlesId, ProjectsId) VALUES ($a, $x)", "$a", "$x");
            var journalist = Command(connection, transaction, "INSERT INTO ArticleJournalist (ArticlesId, JournalistsId) VALUES ($a, $x)", "$a", "$x");
            var photo = Command(connection, transaction, "INSERT INTO Photo (ArticleId, Caption) VALUES ($a, $x)", "$a", "$x");
            var start = new DateOnly(2015, 1, 1);
            for (var i = 0; i < count; i++)
            {
                var body = new StringBuilder();
                for (var s = random.Next(3, 9); s > 0; s--) body.Append(sentences[random.Next(sentences.Count)]);
                var headline = sentences[random.Next(sentences.Count)];
                article.Parameters["$e"].Value = editionId;
                article.Parameters["$o"].Value = 1000 + i; // after the seed page's own articles
                article.Parameters["$h"].Value = headline.Length > 24 ? headline[..24] : headline;
                article.Parameters["$s"].Value = random.Next(4) == 0 ? sentences[random.Next(sentences.Count)] : DBNull.Value;
                article.Parameters["$d"].Value = start.AddDays(random.Next(3650)).ToString("yyyy-MM-dd");
                article.Parameters["$b"].Value = body.ToString();
                article.Parameters["$c"].Value = body.Length;
                var id = (long)(await article.ExecuteScalarAsync())!;
                await LinkAsync(appearance, id, officials, random, 3);
                await LinkAsync(location, id, locations, random, 2);
                await LinkAsync(project, id, projects, random, 1);
                await LinkAsync(journalist, id, journalists, random, 2);
                if (random.Next(3) == 0) await LinkAsync(photo, id, [sentences[random.Next(sentences.Count)]], random, 1);
            }
            await transaction.CommitAsync();
        }
        await ArticleSearchIndex.RebuildAsync(connection);
        await Command(connection, null, "ANALYZE").ExecuteNonQueryAsync();
    }

    private static async Task LinkAsync<T>(SqliteCommand command, long articleId, IReadOnlyList<T> pool, Random random, int max)
    {
        foreach (var value in Enumerable.Range(0, random.Next(max + 1)).Select(_ => pool[random.Next(pool.Count)]).Distinct())
        {
            command.Parameters["$a"].Value = articleId;
            command.Parameters["$x"].Value = value;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static List<string> Sentences(string page) =>
        page.Split('。', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("\n", "") + "。").Where(s => s.Length >= 8).ToList();

    private static async Task<List<long>> IdsAsync(SqliteConnection connection, string table)
    {
        var ids = new List<long>();
        await using var reader = await Command(connection, null, $"SELECT Id FROM {table} ORDER BY Id").ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        if (parameters.Length > 0) command.Prepare();
        return command;
    }
}
