using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MemberHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CollectionLapseAfterYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LapseAfterYears",
                table: "OrganisationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LapseAfterYears",
                table: "OrganisationSettings");
        }
    }
}
