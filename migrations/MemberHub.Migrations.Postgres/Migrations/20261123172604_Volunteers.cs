using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MemberHub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EquipmentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquipmentItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerAbsences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerAbsences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerAbsences_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerAreas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerGoals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    ManualAmount = table.Column<long>(type: "bigint", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerGoals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerProfiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    MaxRequestsPerMonth = table.Column<int>(type: "integer", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerProfiles_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EndTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PeopleNeeded = table.Column<int>(type: "integer", nullable: false),
                    IsLectureDispatch = table.Column<bool>(type: "boolean", nullable: false),
                    OutsideBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EquipmentLoans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    LentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReturnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquipmentLoans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EquipmentLoans_EquipmentItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "EquipmentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EquipmentLoans_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerSkills",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    AreaId = table.Column<long>(type: "bigint", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerSkills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerSkills_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerSkills_VolunteerAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "VolunteerAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    InvitedVia = table.Column<int>(type: "integer", nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InvitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredByStaff = table.Column<bool>(type: "boolean", nullable: false),
                    ReminderQueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    MinutesServed = table.Column<int>(type: "integer", nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerAssignments_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerAssignments_VolunteerRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "VolunteerRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerRequestAreas",
                columns: table => new
                {
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    AreaId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerRequestAreas", x => new { x.RequestId, x.AreaId });
                    table.ForeignKey(
                        name: "FK_VolunteerRequestAreas_VolunteerAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "VolunteerAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerRequestAreas_VolunteerRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "VolunteerRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "VolunteerAreas",
                columns: new[] { "Id", "GroupName", "IsRetired", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1L, "イベント運営", false, "受付・案内", 10 },
                    { 2L, "イベント運営", false, "会場設営・片付け", 20 },
                    { 3L, "イベント運営", false, "当日の進行", 30 },
                    { 4L, "広報・デザイン", false, "チラシ・ポスター作成", 40 },
                    { 5L, "広報・デザイン", false, "写真撮影", 50 },
                    { 6L, "広報・デザイン", false, "SNS・ウェブ発信", 60 },
                    { 7L, "会計・事務", false, "経理・会計", 70 },
                    { 8L, "会計・事務", false, "事務作業・発送", 80 },
                    { 9L, "IT", false, "パソコン・ネットワーク", 90 },
                    { 10L, "IT", false, "ウェブサイト管理", 100 },
                    { 11L, "翻訳・通訳", false, "英語", 110 },
                    { 12L, "翻訳・通訳", false, "中国語", 120 },
                    { 13L, "翻訳・通訳", false, "韓国語", 130 },
                    { 14L, "翻訳・通訳", false, "ポルトガル語", 140 },
                    { 15L, "翻訳・通訳", false, "やさしい日本語", 150 },
                    { 16L, "講師・講演", false, "環境", 160 },
                    { 17L, "講師・講演", false, "福祉・介護", 170 },
                    { 18L, "講師・講演", false, "子育て", 180 },
                    { 19L, "講師・講演", false, "防災", 190 },
                    { 20L, "運転", false, "運転（普通車）", 200 },
                    { 21L, "運転", false, "運転（マイクロバス）", 210 },
                    { 22L, "子ども・高齢者の見守り", false, "子どもの見守り", 220 },
                    { 23L, "子ども・高齢者の見守り", false, "高齢者の見守り", 230 },
                    { 24L, "力仕事", false, "力仕事", 240 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentLoans_ItemId_LentOn",
                table: "EquipmentLoans",
                columns: new[] { "ItemId", "LentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentLoans_MemberId_LentOn",
                table: "EquipmentLoans",
                columns: new[] { "MemberId", "LentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentLoans_ReturnedOn_DueOn",
                table: "EquipmentLoans",
                columns: new[] { "ReturnedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAbsences_MemberId_To",
                table: "VolunteerAbsences",
                columns: new[] { "MemberId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAreas_GroupName_Name",
                table: "VolunteerAreas",
                columns: new[] { "GroupName", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAssignments_MemberId_InvitedOn",
                table: "VolunteerAssignments",
                columns: new[] { "MemberId", "InvitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerAssignments_RequestId_MemberId",
                table: "VolunteerAssignments",
                columns: new[] { "RequestId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProfiles_MemberId",
                table: "VolunteerProfiles",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerRequestAreas_AreaId",
                table: "VolunteerRequestAreas",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerRequests_Status_Date",
                table: "VolunteerRequests",
                columns: new[] { "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSkills_AreaId",
                table: "VolunteerSkills",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSkills_MemberId_AreaId",
                table: "VolunteerSkills",
                columns: new[] { "MemberId", "AreaId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EquipmentLoans");

            migrationBuilder.DropTable(
                name: "VolunteerAbsences");

            migrationBuilder.DropTable(
                name: "VolunteerAssignments");

            migrationBuilder.DropTable(
                name: "VolunteerGoals");

            migrationBuilder.DropTable(
                name: "VolunteerProfiles");

            migrationBuilder.DropTable(
                name: "VolunteerRequestAreas");

            migrationBuilder.DropTable(
                name: "VolunteerSkills");

            migrationBuilder.DropTable(
                name: "EquipmentItems");

            migrationBuilder.DropTable(
                name: "VolunteerRequests");

            migrationBuilder.DropTable(
                name: "VolunteerAreas");
        }
    }
}
