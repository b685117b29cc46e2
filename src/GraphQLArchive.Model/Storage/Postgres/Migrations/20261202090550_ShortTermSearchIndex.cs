using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Postgres.Migrations
{
    /// <summary>
    /// The index that finds search terms of 1–2 characters, which have no trigram: a GIN index over each text's
    /// characters and character pairs. Raw SQL only: an expression index is no part of the EF model.
    /// </summary>
    public partial class ShortTermSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresArticleSearch.CreateShortTermIndexSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgresArticleSearch.DropShortTermIndexSql);
        }
    }
}
