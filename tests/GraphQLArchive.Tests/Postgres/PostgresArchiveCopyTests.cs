using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using GraphQLArchive.Tests.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>
/// <see cref="PostgresArchiveCopy"/> copies without the foreign keys and secondary indexes, commits the rows with the keys
/// back, then builds the indexes on two connections: afterwards the indexes and keys are the migrations' own, and a failure
/// while building them leaves the target as the migrations made it.
/// </summary>
public sealed class PostgresArchiveCopyTests
{
    private const int Articles = 40;
    private const int Seed = 5;

    [Fact]
    public async Task After_a_copy_the_indexes_and_keys_are_the_migrations_own()
    {
        using var generated = GeneratedDatabase.Create(Articles, Seed);
        var migrated = PostgresServer.CreateDatabase();
        var copied = PostgresServer.CreateDatabase();
        try
        {
            await using (var target = Target(migrated)) await PostgresArchiveCopy.EnsureEmptyAsync(target);
            await CopyAsync(generated.File, copied);

            var expected = await IndexesAsync(migrated);
            Assert.Contains(expected, i => i.Contains("USING gin", StringComparison.Ordinal)); // the search indexes are among them
            Assert.Equal(expected, await IndexesAsync(copied));
            var constraints = await ConstraintsAsync(migrated); // the foreign keys, dropped for the COPY, are back
            Assert.Contains(constraints, c => c.Contains("FOREIGN KEY", StringComparison.Ordinal));
            Assert.Equal(constraints, await ConstraintsAsync(copied));
            Assert.Equal(generated.Scalar("SELECT COUNT(*) FROM Articles"), await ScalarAsync(copied, "SELECT COUNT(*) FROM \"Articles\""));
        }
        finally
        {
            PostgresServer.DropDatabase(migrated);
            PostgresServer.DropDatabase(copied);
        }
    }

    [Fact]
    public async Task A_copy_that_fails_building_an_index_leaves_the_target_empty_with_its_indexes()
    {
        using var generated = GeneratedDatabase.Create(Articles, Seed);
        // Two pages with one content hash: the rows copy, and the unique index over them then fails to build.
        var broken = Path.Combine(Path.GetTempPath(), $"archive-broken-{Guid.NewGuid():N}.db");
        File.Copy(generated.File, broken);
        var database = PostgresServer.CreateDatabase();
        try
        {
            using (var connection = new SqliteConnection($"Data Source={broken};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "DROP INDEX \"IX_Editions_ContentHash\"; " +
                                      "UPDATE Editions SET ContentHash = (SELECT ContentHash FROM Editions WHERE Id = 1) WHERE Id = 2;";
                command.ExecuteNonQuery();
            }
            var error = await Assert.ThrowsAsync<PostgresException>(() => CopyAsync(broken, database));
            Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);

            var migrated = PostgresServer.CreateDatabase();
            try
            {
                await using (var target = Target(migrated)) await PostgresArchiveCopy.EnsureEmptyAsync(target);
                Assert.Equal(await IndexesAsync(migrated), await IndexesAsync(database));
            }
            finally
            {
                PostgresServer.DropDatabase(migrated);
            }
            foreach (var table in new[] { "Editions", "Articles", "Appearances", "Officials", "Photo", "Position" })
                Assert.Equal(0, await ScalarAsync(database, $"SELECT COUNT(*) FROM \"{table}\""));

            // Empty means empty: a good copy goes in afterwards, ids and all.
            await CopyAsync(generated.File, database);
            Assert.Equal(generated.Scalar("SELECT MAX(Id) FROM Officials") + 1,
                await ScalarAsync(database, "SELECT nextval(pg_get_serial_sequence('\"Officials\"', 'Id'))"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(broken);
            PostgresServer.DropDatabase(database);
        }
    }

    private static PostgresArchiveDbContext Target(string database) =>
        new(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql(PostgresServer.ConnectionString(database)).Options);

    private static async Task CopyAsync(string sqliteFile, string database)
    {
        await using var source = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False").Options);
        await using var target = Target(database);
        await PostgresArchiveCopy.CopyAsync(source, target);
    }

    /// <summary>Every index of the archive's tables, as the statement that would create it.</summary>
    private static Task<List<string>> IndexesAsync(string database) =>
        ListAsync(database, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname");

    /// <summary>Every constraint (keys, foreign keys, checks), named, with its definition.</summary>
    private static Task<List<string>> ConstraintsAsync(string database) => ListAsync(database,
        "SELECT k.conname || ' ON ' || t.relname || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint AS k JOIN pg_class AS t ON t.oid = k.conrelid " +
        "WHERE t.relnamespace = current_schema()::regnamespace ORDER BY k.conname");

    private static async Task<List<string>> ListAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
