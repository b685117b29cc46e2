using GraphQLArchive.Model.Storage;
using GraphQLArchive.Model.Storage.Postgres;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Tests.Postgres;

/// <summary>Each engine's migrations produce its model: a model change without a migration fails here, not at a user's start-up.</summary>
public sealed class MigrationsMatchModelTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changes no migration holds: add one (see README, Migrations).");
    }

    [Fact]
    public void The_postgresql_migrations_match_the_model()
    {
        // Comparing the model with the migrations' snapshot needs no server.
        using var db = new PostgresArchiveDbContext(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql("Host=localhost;Database=none").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model has changes no migration holds: add one (see README, Migrations).");
    }

    [Fact]
    public void Each_engine_finds_only_its_own_migrations()
    {
        using var sqlite = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresArchiveDbContext(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql("Host=localhost;Database=none").Options);
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();
        Assert.Contains(sqliteMigrations, m => m.EndsWith("_InitialArchive", StringComparison.Ordinal));
        Assert.Contains(postgresMigrations, m => m.EndsWith("_InitialPostgres", StringComparison.Ordinal));
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }
}
