using GraphQLArchive.Model.Articles;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Storage.Postgres;

/// <summary>
/// The archive's model on PostgreSQL: the same entities and indexes as <see cref="ArchiveDbContext"/>, in native types
/// (<c>date</c>, <c>numeric</c>, identity columns), with its own migrations (<c>Storage/Postgres/Migrations</c>, found by
/// this type) and the trigram indexes that search reads. Registered as <see cref="ArchiveDbContext"/>, so nothing above
/// the storage layer knows which engine it talks to.
/// </summary>
public sealed class PostgresArchiveDbContext(DbContextOptions<PostgresArchiveDbContext> options) : ArchiveDbContext(options)
{
    /// <summary>Byte order: with UTF-8 it is code-point order, as SQLite compares text, so both engines sort and page alike.</summary>
    public const string Collation = "C";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Not SQLite's text keys: PostgreSQL has an exact decimal type. Unconstrained numeric holds every .NET decimal as
        // it was written (a fixed scale would round 0.125 km²), and compares exactly.
        configurationBuilder.Properties<decimal>().HaveColumnType("numeric");
        // On every column, not on the database: an operator's CREATE DATABASE keeps its own default collation.
        configurationBuilder.Properties<string>().UseCollation(Collation);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasDbFunction(MonthKeyMethod).HasTranslation(args => PostgresFunctions.MonthKey(args[0]));
        modelBuilder.HasPostgresExtension(PostgresArticleSearch.Extension);
        // The searched texts, each with a GIN trigram index: it answers LIKE/ILIKE '%term%' for terms of 3+ characters.
        modelBuilder.Entity<Article>(article =>
        {
            foreach (var column in new[] { nameof(Article.Headline), nameof(Article.Subheadline), nameof(Article.Kicker), nameof(Article.Body) })
                article.HasIndex(column).HasDatabaseName($"IX_Articles_{column}_trgm").HasMethod("gin").HasOperators(PostgresArticleSearch.TrigramOperators);
        });
        modelBuilder.Entity<Photo>().HasIndex(p => p.Caption).HasDatabaseName("IX_Photo_Caption_trgm").HasMethod("gin").HasOperators(PostgresArticleSearch.TrigramOperators);
    }
}
