using GraphQLArchive.Model.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Migrations
{
    /// <summary>
    /// The search index without copies of the text, and with a bigram table for 1–2-character terms; triggers that
    /// run on SQLite 3.40 (see <see cref="SqliteSearchSchema"/>). Raw SQL only: the model does not change.
    /// </summary>
    public partial class SearchIndexWithoutCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite()) return;
            migrationBuilder.Sql(SearchIndexV1.DropSql);
            migrationBuilder.Sql(SqliteSearchSchema.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite()) return;
            migrationBuilder.Sql(SqliteSearchSchema.DropSql);
            migrationBuilder.Sql(SearchIndexV1.CreateSql);
        }
    }
}
