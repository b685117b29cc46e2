using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Postgres.Migrations
{
    /// <summary>
    /// The short-term index split in two, characters and pairs, over the same texts: the same terms found, and a bulk copy
    /// builds the two at once on two connections. Raw SQL only: an expression index is no part of the EF model. On an
    /// existing archive this builds both over every row (minutes at a million articles).
    /// </summary>
    public partial class ShortTermIndexesSplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresArticleSearch.DropShortTermIndexSql);
            migrationBuilder.Sql(PostgresArticleSearch.CreateSplitShortTermIndexesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresArticleSearch.DropSplitShortTermIndexesSql);
            migrationBuilder.Sql(PostgresArticleSearch.CreateShortTermIndexSql);
        }
    }
}
