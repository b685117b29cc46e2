using GraphQLArchive.Model.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Migrations
{
    /// <summary>
    /// One text index: the bigram table serves terms of every length, and the trigram table is dropped (see
    /// <see cref="SqliteSearchSchema"/>). Raw SQL only: the model does not change.
    /// </summary>
    public partial class OneTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite()) migrationBuilder.Sql(SearchIndexV2.RemoveTrigramsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.IsSqlite()) migrationBuilder.Sql(SearchIndexV2.AddTrigramsSql);
        }
    }
}
