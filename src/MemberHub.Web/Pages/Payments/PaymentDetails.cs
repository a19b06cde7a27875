using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments;

public sealed record AllocationRow(AllocationKind Kind, long? InvoiceId, string? InvoiceNumber, int? FiscalYear, long? MemberId, string? MemberName, Yen Amount);

public sealed record PaymentView(
    long Id, long? MemberId, string? MemberName, int? MemberNumber, DateOnly ReceivedOn, Yen Amount, PaymentMethod Method,
    string? PayerName, string? Note, long? BankLineId, DateTime CreatedAt, string CreatedByName,
    long? ReversesPaymentId, long? ReversedByPaymentId, string? ReversalReason,
    IReadOnlyList<AllocationRow> Allocations, PaymentView? Reversal)
{
    public bool IsReversal => ReversesPaymentId is not null;
    public bool IsReversed => ReversedByPaymentId is not null;
}

/// <summary>One payment with its allocations and, if it was undone, the reversal (who, when, why).</summary>
public sealed class PaymentDetailsQuery(MemberHubDbContext db)
{
    public async Task<PaymentView?> RunAsync(long id, CancellationToken ct = default)
    {
        var payment = await OneAsync(id, ct);
        if (payment?.ReversedByPaymentId is { } reversalId)
            payment = payment with { Reversal = await OneAsync(reversalId, ct) };
        return payment;
    }

    private async Task<PaymentView?> OneAsync(long id, CancellationToken ct)
    {
        var p = await db.Payments.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.MemberId, x.ReceivedOn, x.Amount, x.Method, x.PayerName, x.Note, x.BankLineId, x.CreatedAt, x.CreatedByName,
                x.ReversesPaymentId, x.ReversedByPaymentId, x.ReversalReason,
                Member = db.Members.Where(m => m.Id == x.MemberId).Select(m => new { m.Name, m.MemberNumber }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var allocations = await db.PaymentAllocations.AsNoTracking().Where(a => a.PaymentId == id).OrderBy(a => a.Id)
            .Select(a => new AllocationRow(a.Kind, a.InvoiceId,
                db.Invoices.Where(i => i.Id == a.InvoiceId).Select(i => i.InvoiceNumber).FirstOrDefault(),
                db.Invoices.Where(i => i.Id == a.InvoiceId).Select(i => (int?)i.FiscalYear).FirstOrDefault(),
                a.MemberId,
                db.Members.Where(m => m.Id == a.MemberId).Select(m => m.Name).FirstOrDefault(),
                a.Amount))
            .ToListAsync(ct);
        return new PaymentView(p.Id, p.MemberId, p.Member?.Name, p.Member?.MemberNumber, p.ReceivedOn, p.Amount, p.Method, p.PayerName, p.Note,
            p.BankLineId, p.CreatedAt, p.CreatedByName, p.ReversesPaymentId, p.ReversedByPaymentId, p.ReversalReason, allocations, null);
    }
}
