using System.Security.Cryptography;
using System.Text;
using GraphQLArchive.Model.Generation;
using GraphQLArchive.Model.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Tests.Generation;

/// <summary>A generated archive in its own temporary file, deleted on dispose.</summary>
public sealed class GeneratedDatabase : IDisposable
{
    private GeneratedDatabase(string file, GenerationSummary summary)
    {
        File = file;
        Summary = summary;
    }

    public string File { get; }
    public GenerationSummary Summary { get; }

    public static GeneratedDatabase Create(int articles, int seed)
    {
        var file = Path.Combine(Path.GetTempPath(), $"archive-gen-{Guid.NewGuid():N}.db");
        using var db = Context(file);
        var summary = ArchiveGenerator.Generate(db, new GenerationOptions(articles, seed, Path.Combine(AppContext.BaseDirectory, "seeds")));
        return new GeneratedDatabase(file, summary);
    }

    public static ArchiveDbContext Context(string file) =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={File};Pooling=False;Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>SHA-256 over every row of every table, in key order.</summary>
    public string ContentHash()
    {
        using var connection = Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            // The search index (ArticleSearch, ArticleBigrams and their shadow tables) is derived from the articles: leave it out.
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ArticleSearch%' AND name NOT LIKE 'ArticleBigrams%' AND name <> '__EFMigrationsLock' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = rows.ExecuteReader();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes($"{reader.GetValue(i)}\u001f"));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        foreach (var file in new[] { File, File + "-wal", File + "-shm" })
            System.IO.File.Delete(file);
    }
}
