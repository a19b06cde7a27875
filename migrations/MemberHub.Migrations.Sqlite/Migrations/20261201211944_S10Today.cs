using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MemberHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class S10Today : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BirthMonthDay",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JoinedMonthDay",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MobileDigits",
                table: "Members",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneDigits",
                table: "Members",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            // Fill the derived columns of existing members (the application keeps them current from now on).
            // Stored phones are already tidied to digits and hyphens (PhoneNumber.Tidy), so removing separators suffices.
            migrationBuilder.Sql("UPDATE \"Members\" SET \"JoinedMonthDay\" = CAST(substr(\"JoinedOn\", 6, 2) || substr(\"JoinedOn\", 9, 2) AS INTEGER), " +
                "\"BirthMonthDay\" = CASE WHEN \"Birthday\" IS NULL THEN NULL ELSE CAST(substr(\"Birthday\", 6, 2) || substr(\"Birthday\", 9, 2) AS INTEGER) END, " +
                "\"PhoneDigits\" = NULLIF(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(\"Phone\", '-', ''), ' ', ''), '(', ''), ')', ''), 'ー', ''), '+81', '0'), ''), " +
                "\"MobileDigits\" = NULLIF(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(\"MobilePhone\", '-', ''), ' ', ''), '(', ''), ')', ''), 'ー', ''), '+81', '0'), '')");

            migrationBuilder.CreateIndex(
                name: "IX_Members_BirthMonthDay",
                table: "Members",
                column: "BirthMonthDay",
                filter: "\"BirthMonthDay\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Members_JoinedMonthDay",
                table: "Members",
                column: "JoinedMonthDay");

            migrationBuilder.CreateIndex(
                name: "IX_Members_MobileDigits",
                table: "Members",
                column: "MobileDigits",
                filter: "\"MobileDigits\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Members_PhoneDigits",
                table: "Members",
                column: "PhoneDigits",
                filter: "\"PhoneDigits\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_BirthMonthDay",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_JoinedMonthDay",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_MobileDigits",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_PhoneDigits",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "BirthMonthDay",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "JoinedMonthDay",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "MobileDigits",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PhoneDigits",
                table: "Members");
        }
    }
}
