using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MemberHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertificationNumber",
                table: "OrganisationSettings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertifiedOn",
                table: "OrganisationSettings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCertifiedNpo",
                table: "OrganisationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NonTaxableWording",
                table: "OrganisationSettings",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PaymentTermDays",
                table: "OrganisationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SealContentType",
                table: "OrganisationSettings",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealImage",
                table: "OrganisationSettings",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TaxRegistrationNumber",
                table: "OrganisationSettings",
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TransferInstruction",
                table: "OrganisationSettings",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "DuesExempt",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DuesExemptReason",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HalfFeeFromMonth",
                table: "MemberClasses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JoinRule",
                table: "MemberClasses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TaxClass",
                table: "MemberClasses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "BankAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BankCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    BranchName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    AccountType = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountHolderKana = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PrintOnInvoice = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillingRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberClassIds = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InvoiceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RelatedId = table.Column<long>(type: "INTEGER", nullable: true),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DownloadFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    RelatedId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AttachmentKind = table.Column<int>(type: "INTEGER", nullable: false),
                    AttachmentRefId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttachmentFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactSummary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BankLineId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReversesPaymentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReversedByPaymentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReversalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Payments_Payments_ReversesPaymentId",
                        column: x => x.ReversesPaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    SequenceNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberClassId = table.Column<long>(type: "INTEGER", nullable: false),
                    BillingRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxClass = table.Column<int>(type: "INTEGER", nullable: false),
                    TaxRate = table.Column<int>(type: "INTEGER", nullable: false),
                    TaxRegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Delivery = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecipientHonorific = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecipientPostalCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    RecipientAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CancelledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WrittenOffOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WriteOffKind = table.Column<int>(type: "INTEGER", nullable: true),
                    WriteOffReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CorrectsInvoiceId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_BillingRuns_BillingRunId",
                        column: x => x.BillingRunId,
                        principalTable: "BillingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Invoices_CorrectsInvoiceId",
                        column: x => x.CorrectsInvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_MemberClasses_MemberClassId",
                        column: x => x.MemberClassId,
                        principalTable: "MemberClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Invoices_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuesReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuesReminders_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxRate = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceLines_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentAllocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentAllocations_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentAllocations_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentAllocations_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "MessageTemplates",
                columns: new[] { "Id", "Body", "Key", "Name", "Subject", "UpdatedAt", "Version" },
                values: new object[,]
                {
                    { 1L, "{{氏名}} 様\n\nいつも{{団体名}}の活動にご理解とご支援を賜り、誠にありがとうございます。\n{{年度}}年度の会費のご請求書をお送りいたします（添付のPDFをご覧ください）。\n\n会員番号：{{会員番号}}\n請求書番号：{{請求書番号}}\nご請求金額：{{金額}}\nお支払期限：{{期限}}\n\nお振込先：\n{{振込先}}\n\nお振込みの際は、振込依頼人名の前に会員番号（{{会員番号}}）を入力してください。\n行き違いでお振込みいただいている場合は、ご容赦ください。\n今後ともどうぞよろしくお願い申し上げます。\n\n{{団体名}} 事務局", "invoice-email", "会費請求（メール）", "【{{団体名}}】{{年度}}年度 会費のご請求", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 2L, "{{氏名}} 様\n\nいつも{{団体名}}の活動をお支えいただき、ありがとうございます。\n{{年度}}年度の会費（請求書番号 {{請求書番号}}、お支払期限 {{期限}}）につきまして、\n本日現在、{{未納額}}のご入金を確認できておりません。\nお手数ですが、下記口座へお振込みくださいますようお願い申し上げます。\n\nお振込先：\n{{振込先}}\n\nお振込みの際は、振込依頼人名の前に会員番号（{{会員番号}}）を入力してください。\n本状と行き違いでお振込みいただいた場合は、ご容赦ください。\n\n{{団体名}} 事務局", "reminder-email", "会費督促（メール）", "【{{団体名}}】{{年度}}年度 会費お支払いのお願い", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 3L, "拝啓　時下ますますご清祥のこととお慶び申し上げます。\n平素より{{団体名}}の活動にご理解とご支援を賜り、厚く御礼申し上げます。\n\nさて、{{年度}}年度の会費（請求書番号 {{請求書番号}}、お支払期限 {{期限}}）につきまして、\n本日現在、{{未納額}}のご入金を確認できておりません。\nご多用のところ恐縮ではございますが、下記口座へお振込みくださいますようお願い申し上げます。\n\nお振込先：{{振込先}}\nお振込みの際は、振込依頼人名の前に会員番号（{{会員番号}}）を入力してください。\n\nなお、本状と行き違いでお振込みいただいた場合は、何卒ご容赦ください。\n敬具", "reminder-letter", "会費督促（郵送）", "会費お支払いのお願い", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 4L, "{{氏名}} 様\n\nこのたびは{{年度}}年度の会費{{金額}}をお納めいただき（{{入金日}}ご入金）、誠にありがとうございました。\n皆さまのお支えにより、私たちの活動は続けられています。\n今後ともどうぞよろしくお願い申し上げます。\n\n{{団体名}} 事務局", "thanks-email", "お礼（メール）", "【{{団体名}}】会費ご入金のお礼", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 },
                    { 5L, "拝啓　時下ますますご清祥のこととお慶び申し上げます。\nこのたびは{{年度}}年度の会費{{金額}}をお納めいただき（{{入金日}}ご入金）、誠にありがとうございました。\n皆さまのお支えにより、私たちの活動は続けられています。\n今後とも変わらぬご支援を賜りますよう、よろしくお願い申し上げます。\n敬具", "thanks-letter", "お礼状（郵送）", "会費ご入金のお礼", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_BillingRuns_FiscalYear",
                table: "BillingRuns",
                column: "FiscalYear");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentJobs_Kind_RelatedId",
                table: "DocumentJobs",
                columns: new[] { "Kind", "RelatedId" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentJobs_Status_CreatedAt",
                table: "DocumentJobs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DuesReminders_InvoiceId_Sequence",
                table: "DuesReminders",
                columns: new[] { "InvoiceId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuesReminders_MemberId_SentOn",
                table: "DuesReminders",
                columns: new[] { "MemberId", "SentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_InvoiceId_LineNumber",
                table: "InvoiceLines",
                columns: new[] { "InvoiceId", "LineNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_BillingRunId",
                table: "Invoices",
                column: "BillingRunId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_CorrectsInvoiceId",
                table: "Invoices",
                column: "CorrectsInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_FiscalYear_Status_MemberClassId",
                table: "Invoices",
                columns: new[] { "FiscalYear", "Status", "MemberClassId" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_InvoiceNumber",
                table: "Invoices",
                column: "InvoiceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_MemberClassId",
                table: "Invoices",
                column: "MemberClassId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Status_DueOn",
                table: "Invoices",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "UX_Invoices_Member_Year_Class",
                table: "Invoices",
                columns: new[] { "MemberId", "FiscalYear", "MemberClassId" },
                unique: true,
                filter: "\"Status\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_MessageTemplates_Key",
                table: "MessageTemplates",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Category_RelatedId",
                table: "OutboxMessages",
                columns: new[] { "Category", "RelatedId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MemberId",
                table: "OutboxMessages",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAllocations_InvoiceId",
                table: "PaymentAllocations",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAllocations_MemberId_Kind",
                table: "PaymentAllocations",
                columns: new[] { "MemberId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAllocations_PaymentId",
                table: "PaymentAllocations",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BankLineId",
                table: "Payments",
                column: "BankLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MemberId_ReceivedOn",
                table: "Payments",
                columns: new[] { "MemberId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ReceivedOn",
                table: "Payments",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ReversesPaymentId",
                table: "Payments",
                column: "ReversesPaymentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankAccounts");

            migrationBuilder.DropTable(
                name: "DocumentJobs");

            migrationBuilder.DropTable(
                name: "DuesReminders");

            migrationBuilder.DropTable(
                name: "InvoiceLines");

            migrationBuilder.DropTable(
                name: "MessageTemplates");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PaymentAllocations");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "BillingRuns");

            migrationBuilder.DropColumn(
                name: "CertificationNumber",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "CertifiedOn",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "IsCertifiedNpo",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "NonTaxableWording",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "PaymentTermDays",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "SealContentType",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "SealImage",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "TaxRegistrationNumber",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "TransferInstruction",
                table: "OrganisationSettings");

            migrationBuilder.DropColumn(
                name: "DuesExempt",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "DuesExemptReason",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "HalfFeeFromMonth",
                table: "MemberClasses");

            migrationBuilder.DropColumn(
                name: "JoinRule",
                table: "MemberClasses");

            migrationBuilder.DropColumn(
                name: "TaxClass",
                table: "MemberClasses");
        }
    }
}
