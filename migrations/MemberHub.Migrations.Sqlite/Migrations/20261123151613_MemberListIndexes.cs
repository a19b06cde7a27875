using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MemberHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_MemberClassId",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_Prefecture",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_Status_SortKana",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Class_Filter",
                table: "Members",
                columns: new[] { "MemberClassId", "Status", "IsArchived", "Prefecture", "SortKana", "MemberNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_JoinedOn_MemberNumber",
                table: "Members",
                columns: new[] { "JoinedOn", "MemberNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_Prefecture_Filter",
                table: "Members",
                columns: new[] { "Prefecture", "Status", "IsArchived", "MemberClassId", "SortKana", "MemberNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_Search",
                table: "Members",
                columns: new[] { "SortKana", "MemberNumber", "IsArchived", "Status", "MemberClassId", "Prefecture", "SearchText" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_Status_Filter",
                table: "Members",
                columns: new[] { "Status", "SortKana", "MemberNumber", "IsArchived", "MemberClassId", "Prefecture" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_Class_Filter",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_JoinedOn_MemberNumber",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_Prefecture_Filter",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_Search",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_Status_Filter",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_MemberClassId",
                table: "Members",
                column: "MemberClassId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Prefecture",
                table: "Members",
                column: "Prefecture");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Status_SortKana",
                table: "Members",
                columns: new[] { "Status", "SortKana" });
        }
    }
}
