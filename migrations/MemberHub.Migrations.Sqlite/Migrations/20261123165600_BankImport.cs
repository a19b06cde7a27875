using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MemberHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BankImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BankCsvMappings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeaderRow = table.Column<int>(type: "INTEGER", nullable: false),
                    DateColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreditColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DebitColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PayerColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DescriptionColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BalanceColumn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankCsvMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BankImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    CsvLayoutName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LinesRead = table.Column<int>(type: "INTEGER", nullable: false),
                    NewLines = table.Column<int>(type: "INTEGER", nullable: false),
                    KnownLines = table.Column<int>(type: "INTEGER", nullable: false),
                    Credits = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PayerAliases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PayerKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayerAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PayerAliases_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BankStatementLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BankCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AccountLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LineKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Credit = table.Column<long>(type: "INTEGER", nullable: false),
                    Debit = table.Column<long>(type: "INTEGER", nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Balance = table.Column<long>(type: "INTEGER", nullable: true),
                    TransactionType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsMatchCandidate = table.Column<bool>(type: "INTEGER", nullable: false),
                    BankImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankStatementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BankStatementLines_BankImports_BankImportId",
                        column: x => x.BankImportId,
                        principalTable: "BankImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BankCsvMappings_Name",
                table: "BankCsvMappings",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BankImports_ImportedAt",
                table: "BankImports",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_BankImports_Sha256",
                table: "BankImports",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_BankStatementLines_AccountKey_BookedOn",
                table: "BankStatementLines",
                columns: new[] { "AccountKey", "BookedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_BankStatementLines_BankImportId",
                table: "BankStatementLines",
                column: "BankImportId");

            migrationBuilder.CreateIndex(
                name: "IX_BankStatementLines_Status_IsMatchCandidate",
                table: "BankStatementLines",
                columns: new[] { "Status", "IsMatchCandidate" });

            migrationBuilder.CreateIndex(
                name: "UX_BankStatementLines_Account_Key",
                table: "BankStatementLines",
                columns: new[] { "AccountKey", "LineKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PayerAliases_MemberId",
                table: "PayerAliases",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PayerAliases_PayerKey_MemberId",
                table: "PayerAliases",
                columns: new[] { "PayerKey", "MemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankCsvMappings");

            migrationBuilder.DropTable(
                name: "BankStatementLines");

            migrationBuilder.DropTable(
                name: "PayerAliases");

            migrationBuilder.DropTable(
                name: "BankImports");
        }
    }
}
