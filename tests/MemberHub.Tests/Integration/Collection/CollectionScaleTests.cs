using System.Diagnostics;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Collection;

/// <summary>
/// The dashboard, the overdue list and the lapse candidates over 10,000 invoices (2,000 members × 5 fiscal
/// years) and their payments, on SQLite: every page aggregates in the database, so each answers quickly.
/// </summary>
public class CollectionScaleTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task Dashboard_overdue_list_and_lapse_candidates_answer_quickly_over_ten_thousand_invoices()
    {
        await SeedAsync(2_000, [2022, 2023, 2024, 2025, 2026]);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var timings = new List<string>();
        foreach (var url in new[] { "/Dues?year=2026", "/Dues/Overdue", "/Dues/Lapse" })
        {
            await staff.Http.GetDocumentAsync(url); // the first request also compiles the queries
            var watch = Stopwatch.StartNew();
            var doc = await staff.Http.GetDocumentAsync(url);
            watch.Stop();
            timings.Add($"{url}: {watch.ElapsedMilliseconds} ms");
            Assert.NotNull(doc.QuerySelector("main h1"));
            Assert.True(watch.ElapsedMilliseconds < 3_000, $"{url} took {watch.ElapsedMilliseconds} ms");
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", timings));
        // Kept beside the screenshots, so a run's timings can be read without the test log.
        Directory.CreateDirectory(Screenshots.Folder);
        await File.WriteAllLinesAsync(Path.Combine(Screenshots.Folder, "collection-scale-timings.txt"), timings);

        var dashboard = await staff.Http.GetDocumentAsync("/Dues?year=2026");
        Assert.Equal("10,000,000円", dashboard.QuerySelector("#total-invoiced")!.TextContent.Trim());
        Assert.Equal("2,000件", dashboard.QuerySelector("#dues-totals .small:not(.text-body-secondary)")!.TextContent.Trim());
        var overdue = await staff.Http.GetDocumentAsync("/Dues/Overdue");
        Assert.Equal($"{OverdueInvoices:#,0}件", overdue.QuerySelector("#overdue-count")!.TextContent.Trim());
    }

    private int OverdueInvoices { get; set; }

    private async Task SeedAsync(int memberCount, int[] years)
    {
        await app.WithDbAsync(async db =>
        {
            await using var bulk = BulkContext.Over(db);
            var cls = new MemberClass { Name = "正会員（規模試験）", AnnualFeePerUnit = new Yen(5_000), DefaultUnits = 1, HasVote = true, SortOrder = 1 };
            bulk.MemberClasses.Add(cls);
            await bulk.SaveChangesAsync();
            var start = await MemberNumberAllocator.ReserveAsync(bulk, memberCount);
            var members = Enumerable.Range(0, memberCount).Select(i => new Member
            {
                MemberNumber = start + i, Name = $"規模 太郎{i}", NameKana = "キボ タロウ", MemberClassId = cls.Id, Units = 1,
                Status = MemberStatus.Active, StatusChangedOn = new DateOnly(2020, 4, 1), JoinedOn = new DateOnly(2020, 4, 1),
                Email = $"scale{i}@example.jp", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).ToList();
            bulk.Members.AddRange(members);
            await bulk.SaveChangesAsync();

            var seq = 0;
            var invoices = new List<Invoice>();
            foreach (var year in years)
            foreach (var (m, i) in members.Select((m, i) => (m, i)))
            {
                seq++;
                // Most members pay; every tenth pays half; the rest (about a quarter) not at all.
                var paid = i % 4 == 0 ? 0 : i % 10 == 1 ? 2_500 : 5_000;
                var invoice = new Invoice
                {
                    InvoiceNumber = Invoice.FormatNumber(year, seq), FiscalYear = year, SequenceNumber = seq, MemberId = m.Id, MemberClassId = cls.Id,
                    IssuedOn = new DateOnly(year, 5, 1), DueOn = new DateOnly(year, 5, 31), Subtotal = new Yen(5_000), Total = new Yen(5_000),
                    PaidAmount = new Yen(paid), RecipientName = m.Name, CreatedAt = DateTime.UtcNow, CreatedByName = "規模試験",
                };
                invoice.RefreshPaymentStatus();
                invoices.Add(invoice);
            }
            bulk.Invoices.AddRange(invoices);
            await bulk.SaveChangesAsync();
            OverdueInvoices = invoices.Count(i => BillingLabels.IsOpen(i.Status));

            bulk.Payments.AddRange(invoices.Where(i => i.PaidAmount.Value > 0).Select(i => new Payment
            {
                MemberId = i.MemberId, ReceivedOn = new DateOnly(i.FiscalYear, 6, 1 + (int)(i.Id % 28)), Amount = i.PaidAmount,
                Method = PaymentMethod.BankTransfer, CreatedAt = DateTime.UtcNow, CreatedByName = "規模試験",
                Allocations = [new PaymentAllocation { Kind = AllocationKind.Dues, InvoiceId = i.Id, MemberId = i.MemberId, Amount = i.PaidAmount }],
            }));
            await bulk.SaveChangesAsync();
        });
    }
}
