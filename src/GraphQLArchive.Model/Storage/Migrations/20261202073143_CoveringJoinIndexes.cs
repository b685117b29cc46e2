using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQLArchive.Model.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CoveringJoinIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleProject_ProjectsId",
                table: "ArticleProject");

            migrationBuilder.DropIndex(
                name: "IX_ArticleOrganization_OrganizationsId",
                table: "ArticleOrganization");

            migrationBuilder.DropIndex(
                name: "IX_ArticleLocation_LocationsId",
                table: "ArticleLocation");

            migrationBuilder.DropIndex(
                name: "IX_ArticleJournalist_JournalistsId",
                table: "ArticleJournalist");

            migrationBuilder.DropIndex(
                name: "IX_Appearances_OfficialId",
                table: "Appearances");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleProject_ProjectsId_ArticlesId",
                table: "ArticleProject",
                columns: new[] { "ProjectsId", "ArticlesId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleOrganization_OrganizationsId_ArticlesId",
                table: "ArticleOrganization",
                columns: new[] { "OrganizationsId", "ArticlesId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLocation_LocationsId_ArticlesId",
                table: "ArticleLocation",
                columns: new[] { "LocationsId", "ArticlesId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleJournalist_JournalistsId_ArticlesId",
                table: "ArticleJournalist",
                columns: new[] { "JournalistsId", "ArticlesId" });

            migrationBuilder.CreateIndex(
                name: "IX_Appearances_OfficialId_ArticleId",
                table: "Appearances",
                columns: new[] { "OfficialId", "ArticleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleProject_ProjectsId_ArticlesId",
                table: "ArticleProject");

            migrationBuilder.DropIndex(
                name: "IX_ArticleOrganization_OrganizationsId_ArticlesId",
                table: "ArticleOrganization");

            migrationBuilder.DropIndex(
                name: "IX_ArticleLocation_LocationsId_ArticlesId",
                table: "ArticleLocation");

            migrationBuilder.DropIndex(
                name: "IX_ArticleJournalist_JournalistsId_ArticlesId",
                table: "ArticleJournalist");

            migrationBuilder.DropIndex(
                name: "IX_Appearances_OfficialId_ArticleId",
                table: "Appearances");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleProject_ProjectsId",
                table: "ArticleProject",
                column: "ProjectsId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleOrganization_OrganizationsId",
                table: "ArticleOrganization",
                column: "OrganizationsId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleLocation_LocationsId",
                table: "ArticleLocation",
                column: "LocationsId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleJournalist_JournalistsId",
                table: "ArticleJournalist",
                column: "JournalistsId");

            migrationBuilder.CreateIndex(
                name: "IX_Appearances_OfficialId",
                table: "Appearances",
                column: "OfficialId");
        }
    }
}
