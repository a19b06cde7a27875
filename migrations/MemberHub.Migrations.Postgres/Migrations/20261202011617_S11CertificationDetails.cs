using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MemberHub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class S11CertificationDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CertifiedUntil",
                table: "OrganisationSettings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetentAuthority",
                table: "OrganisationSettings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CertifiedUntil",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "CompetentAuthority",
                table: "OrganisationSettings");
        }
    }
}
