using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Members;
using MemberHub.Organisation;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Billing;

/// <summary>
/// What the billing tests share. Every test bills its own member class, so tests sharing a database never see
/// each other's members in a run (runs are filtered by class).
/// </summary>
public static class BillingTestKit
{
    public static Task EnsureSettingsAsync(this MemberHubFactory app, string? taxRegistrationNumber = null)
    {
        app.EnsureStarted();
        return app.WithDbAsync(async db =>
        {
            var s = await db.OrganisationSettings.SingleOrDefaultAsync();
            if (s is null)
            {
                s = new OrganisationSettings { Name = "特定非営利活動法人 みどりの会", FiscalYearStartMonth = 4, PaymentTermDays = 30 };
                db.OrganisationSettings.Add(s);
            }
            if (taxRegistrationNumber is not null) s.TaxRegistrationNumber = taxRegistrationNumber;
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A member class of its own for one test: "正会員（請求1a2b3c）".</summary>
    public static async Task<(long Id, string Name)> NewClassAsync(this MemberHubFactory app, long fee = 5_000,
        JoinRule rule = JoinRule.FullYear, int? halfFrom = null, TaxClass tax = TaxClass.NonTaxable)
    {
        await app.EnsureSettingsAsync();
        var name = "正会員（請求" + Guid.NewGuid().ToString("N")[..6] + "）";
        var id = await app.WithDbAsync(async db =>
        {
            var c = new MemberClass { Name = name, AnnualFeePerUnit = new Yen(fee), DefaultUnits = 1, HasVote = true, SortOrder = 5,
                JoinRule = rule, HalfFeeFromMonth = halfFrom, TaxClass = tax };
            db.MemberClasses.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        return (id, name);
    }

    public static Task<Member> ChangeMemberAsync(this MemberHubFactory app, long id, Action<Member> change) =>
        app.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == id);
            change(m);
            m.Version++;
            await db.SaveChangesAsync();
            return m;
        });

    /// <summary>An invoice written straight into the database, as another run (or another person) would have made it.</summary>
    public static Task<Invoice> InsertInvoiceAsync(this MemberHubFactory app, long memberId, long classId, int year = 2026, long amount = 5_000) =>
        app.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Id == memberId);
            var invoice = new Invoice
            {
                InvoiceNumber = "T-" + Guid.NewGuid().ToString("N")[..12],
                FiscalYear = year, SequenceNumber = 0, MemberId = memberId, MemberClassId = classId,
                IssuedOn = new DateOnly(2026, 11, 1), DueOn = new DateOnly(2026, 11, 30),
                Subtotal = new Yen(amount), Total = new Yen(amount), RecipientName = member.Name, Delivery = DeliveryChannel.Post,
                Lines = [new InvoiceLine { LineNumber = 1, Description = "正会員", Units = 1, UnitPrice = new Yen(amount), Amount = new Yen(amount) }],
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return invoice;
        });

    public static string RunUrl(long classId, int year = 2026) => $"/Dues/Runs/Create?FiscalYear={year}&ClassIds={classId}&Preview=true";

    public static Task<List<Invoice>> InvoicesOfClassAsync(this MemberHubFactory app, long classId) =>
        app.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.MemberClassId == classId).OrderBy(i => i.Id).ToListAsync());
}
