using GraphQLArchive.Model.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Migrations
{
    /// <summary>
    /// The search index without copies of the text, and with a bigram table for 1–2-character terms; triggers that
    /// run on SQLite 3.40 (see <see cref="SearchIndexV2"/>). Raw SQL only: the model does not change.
    /// </summary>
    public partial class SearchIndexWithoutCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite()) return;
            migrationBuilder.Sql(SearchIndexV1.DropSql);
            migrationBuilder.Sql(SqliteSearchSchema.CreateSql);
            migrationBuilder.Sql(SearchIndexV2.AddTrigramsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite()) return;
            migrationBuilder.Sql(SearchIndexV2.DropSql);
            migrationBuilder.Sql(SearchIndexV1.CreateSql);
        }
    }
}
