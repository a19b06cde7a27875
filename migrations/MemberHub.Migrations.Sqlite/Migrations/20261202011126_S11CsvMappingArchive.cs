using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MemberHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class S11CsvMappingArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsArchived",
                table: "BankCsvMappings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "BankCsvMappings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsArchived",
                table: "BankCsvMappings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "BankCsvMappings");
        }
    }
}
