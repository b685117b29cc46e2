using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresArchiveDbContext</c> build the context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresArchiveDbContext>
{
    public PostgresArchiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresArchiveDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
