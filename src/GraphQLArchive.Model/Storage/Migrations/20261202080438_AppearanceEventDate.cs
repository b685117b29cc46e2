using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AppearanceEventDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EventDate",
                table: "Appearances",
                type: "TEXT",
                nullable: true);

            // Appearances stored before this column take their report's date.
            migrationBuilder.Sql("UPDATE Appearances SET EventDate = (SELECT EventDate FROM Articles WHERE Articles.Id = Appearances.ArticleId)");

            migrationBuilder.CreateIndex(
                name: "IX_Appearances_OfficialId_EventDate",
                table: "Appearances",
                columns: new[] { "OfficialId", "EventDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appearances_OfficialId_EventDate",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "EventDate",
                table: "Appearances");
        }
    }
}
