using GraphQLArchive.Model.Articles;
using GraphQLArchive.Model.Editions;
using GraphQLArchive.Model.Journalists;
using GraphQLArchive.Model.Locations;
using GraphQLArchive.Model.Officials;
using GraphQLArchive.Model.Organizations;
using GraphQLArchive.Model.Projects;
using Microsoft.EntityFrameworkCore;

namespace GraphQLArchive.Model.Storage;

/// <summary>
/// The archive's model, as SQLite stores it; <see cref="Postgres.PostgresArchiveDbContext"/> is the same model with
/// PostgreSQL's native types and its own migrations.
/// </summary>
public class ArchiveDbContext : DbContext
{
    public ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : base(options) { }

    /// <summary>For a provider's subclass: EF Core keeps one model and one migrations set per context type.</summary>
    protected ArchiveDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Appearance> Appearances => Set<Appearance>();
    public DbSet<Official> Officials => Set<Official>();
    public DbSet<Journalist> Journalists => Set<Journalist>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Project> Projects => Set<Project>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money, areas and facts are stored as order-preserving text (SQLite has no decimal type), so that filters and
        // sorts on them compare exact values and an index serves them.
        configurationBuilder.Properties<decimal>().HaveConversion<Sqlite.DecimalKeyConverter>();
    }

    /// <summary>Year × 100 + month of a date, in SQL only: the search's months facet groups by it.</summary>
    public static int MonthKey(DateOnly date) => throw new InvalidOperationException($"{nameof(MonthKey)} runs in SQL only.");

    protected static readonly System.Reflection.MethodInfo MonthKeyMethod = typeof(ArchiveDbContext).GetMethod(nameof(MonthKey))!;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // SQLite stores a date as 'yyyy-MM-dd': two substrings, where Year and Month would parse it twice with strftime
        // (half the months facet's time at 13,000 hits).
        modelBuilder.HasDbFunction(MonthKeyMethod).HasTranslation(args => Sqlite.SqliteFunctions.MonthKey(args[0]));
        modelBuilder.Entity<Edition>(edition =>
        {
            edition.HasIndex(e => e.ContentHash).IsUnique();
            edition.HasIndex(e => new { e.Date, e.Newspaper, e.Page });
            edition.HasMany(e => e.Facts).WithOne(f => f.Edition).HasForeignKey(f => f.EditionId);
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.HasOne(a => a.Edition).WithMany(e => e.Articles).HasForeignKey(a => a.EditionId);
            article.HasIndex(a => a.EventDate);
            article.HasIndex(a => new { a.EditionId, a.Ordinal }).IsUnique();
            article.HasMany(a => a.Photos).WithOne(p => p.Article).HasForeignKey(p => p.ArticleId);
            // Each join table is read from both ends: its key (article, other) serves an article's lists, and an index
            // (other, article) serves the other side's lists and the filters that ask which articles name one of them,
            // without a lookup per row.
            article.HasMany(a => a.Journalists).WithMany(j => j.Articles).UsingEntity("ArticleJournalist", j => j.HasIndex("JournalistsId", "ArticlesId"));
            article.HasMany(a => a.Locations).WithMany(l => l.Articles).UsingEntity("ArticleLocation", j => j.HasIndex("LocationsId", "ArticlesId"));
            article.HasMany(a => a.Projects).WithMany(p => p.Articles).UsingEntity("ArticleProject", j => j.HasIndex("ProjectsId", "ArticlesId"));
            article.HasMany(a => a.Organizations).WithMany(o => o.Articles).UsingEntity("ArticleOrganization", j => j.HasIndex("OrganizationsId", "ArticlesId"));
            article.HasMany(a => a.Officials).WithMany(o => o.Articles).UsingEntity<Appearance>(
                j => j.HasOne(x => x.Official).WithMany(o => o.Appearances).HasForeignKey(x => x.OfficialId),
                j => j.HasOne(x => x.Article).WithMany(a => a.Appearances).HasForeignKey(x => x.ArticleId),
                j =>
                {
                    j.HasKey(x => x.Id);
                    j.HasIndex(x => new { x.ArticleId, x.OfficialId }).IsUnique();
                    j.HasIndex(x => new { x.OfficialId, x.ArticleId });
                    j.HasIndex(x => new { x.OfficialId, x.EventDate });
                });
        });

        modelBuilder.Entity<Photo>()
            .HasOne(p => p.Photographer).WithMany(j => j.Photos).HasForeignKey(p => p.PhotographerId);

        modelBuilder.Entity<Official>(official =>
        {
            official.HasIndex(o => o.Name).IsUnique();
            official.Ignore(o => o.ArticleCount);
            official.HasMany(o => o.Positions).WithOne(p => p.Official).HasForeignKey(p => p.OfficialId);
        });

        modelBuilder.Entity<Position>()
            .HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId);

        modelBuilder.Entity<Journalist>().HasIndex(j => j.Name).IsUnique();

        modelBuilder.Entity<Location>(location =>
        {
            location.HasIndex(l => l.Name).IsUnique();
            location.HasOne(l => l.Parent).WithMany(l => l.Children).HasForeignKey(l => l.ParentId);
        });

        modelBuilder.Entity<Organization>(organization =>
        {
            organization.HasIndex(o => o.Name).IsUnique();
            organization.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId);
        });

        modelBuilder.Entity<Project>(project =>
        {
            project.HasIndex(p => p.Name).IsUnique();
            project.HasIndex(p => p.TotalInvestment);
            project.HasOne(p => p.Location).WithMany(l => l.Projects).HasForeignKey(p => p.LocationId);
            project.HasOne(p => p.Organization).WithMany(o => o.Projects).HasForeignKey(p => p.OrganizationId);
            project.HasMany(p => p.Facts).WithOne(f => f.Project).HasForeignKey(f => f.ProjectId);
            project.HasMany(p => p.Milestones).WithOne(m => m.Project).HasForeignKey(m => m.ProjectId);
        });
    }
}
