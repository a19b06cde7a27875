using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Web.Pages.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration.Collection;

/// <summary>
/// Invoices written straight into the database (the billing pages that issue them live on another branch),
/// and payments posted through the real posting service.
/// </summary>
public static class CollectionTestKit
{
    private static int _sequence = Random.Shared.Next(10_000, 50_000);

    public static async Task<Invoice> InvoiceAsync(this MemberHubFactory app, Member member, int fiscalYear, long total,
        DateOnly? dueOn = null, InvoiceStatus status = InvoiceStatus.Unpaid, long? classId = null)
    {
        var seq = Interlocked.Increment(ref _sequence);
        return await app.WithDbAsync(async db =>
        {
            var invoice = new Invoice
            {
                InvoiceNumber = Invoice.FormatNumber(fiscalYear, seq),
                FiscalYear = fiscalYear,
                SequenceNumber = seq,
                MemberId = member.Id,
                MemberClassId = classId ?? member.MemberClassId,
                IssuedOn = new DateOnly(fiscalYear, 5, 1),
                DueOn = dueOn ?? new DateOnly(fiscalYear, 5, 31),
                Status = status,
                Subtotal = new Yen(total),
                Total = new Yen(total),
                TaxClass = TaxClass.NonTaxable,
                Delivery = DeliveryChannel.Email,
                RecipientName = member.Name,
                RecipientHonorific = "様",
                RecipientEmail = member.Email,
                CreatedAt = new DateTime(fiscalYear, 5, 1, 0, 0, 0, DateTimeKind.Utc),
                CreatedByName = "テスト",
                Lines = [new InvoiceLine { LineNumber = 1, Description = $"{fiscalYear}年度 年会費", Units = 1, UnitPrice = new Yen(total), Amount = new Yen(total) }],
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return invoice;
        });
    }

    public static Task<PostingResult> PostAsync(this MemberHubFactory app, PaymentToPost payment) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<PaymentPostingHandler>().PostAsync(payment));

    public static Task<PostingResult> ReverseAsync(this MemberHubFactory app, long paymentId, string reason) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<PaymentPostingHandler>().ReverseAsync(paymentId, reason));

    public static PaymentToPost Cash(long memberId, DateOnly on, long amount, params (long InvoiceId, long Amount)[] shares) =>
        new(memberId, on, new Yen(amount), PaymentMethod.Cash, null, null, shares.Select(s => new InvoiceShare(s.InvoiceId, new Yen(s.Amount))).ToList());

    /// <summary>A change to a member the builder has no method for (refuses e-mail, no address).</summary>
    public static Task<Member> ChangeMemberAsync(this MemberHubFactory app, Member member, Action<Member> change) =>
        app.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            change(m);
            m.Version++;
            await db.SaveChangesAsync();
            return m;
        });

    public static Task<Invoice> ReadInvoiceAsync(this MemberHubFactory app, long id) =>
        app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id));
}
