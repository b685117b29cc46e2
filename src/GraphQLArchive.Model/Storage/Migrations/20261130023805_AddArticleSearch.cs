using GraphQLArchive.Model.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Migrations
{
    /// <summary>
    /// The FTS5 search index and the triggers that keep it in step with Articles and Photos.
    /// Raw SQL only: the index is no entity, so the model snapshot does not change.
    /// </summary>
    public partial class AddArticleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // FTS5 is SQLite's; a Postgres index (tsvector or pg_trgm) would be its own migration.
            if (migrationBuilder.IsSqlite()) migrationBuilder.Sql(SearchIndexV1.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite()) migrationBuilder.Sql(SearchIndexV1.DropSql);
        }
    }
}
