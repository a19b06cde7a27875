using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Organisation;
using MemberHub.Thanks;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments.Receipts;

public sealed record ReceiptRow(
    long Id, string Number, ReceiptKind Kind, long MemberId, string MemberName, int MemberNumber, long? PaymentId, int? CalendarYear,
    Yen Amount, DateOnly IssuedOn, string IssuedByName, bool IsReissue, DateTime? VoidedAt, string? VoidReason, bool PaymentReversed)
{
    public bool IsVoided => VoidedAt is not null;
    /// <summary>The money was undone after the receipt was issued: the office should void it.</summary>
    public bool NeedsVoid => !IsVoided && PaymentReversed;
}

/// <summary>What the receipt parts of the payment and member pages show.</summary>
public sealed record PaymentReceiptsView(
    long PaymentId, bool CanIssue, bool Reversed, bool IsReversal, bool HasMember, Yen Donation, bool Certified, IReadOnlyList<ReceiptRow> Receipts,
    long? MemberId = null, int Year = 0)
{
    public bool HasLivePaymentReceipt => Receipts.Any(r => r.Kind == ReceiptKind.Payment && !r.IsVoided);
    public bool HasLiveGiftCertificate => Receipts.Any(r => r.Kind == ReceiptKind.DonationGift && !r.IsVoided);
}

public sealed record MemberReceiptsView(long MemberId, bool Certified, bool CanIssue, IReadOnlyList<int> DonationYears, IReadOnlyList<ReceiptRow> Receipts);

public static class ReceiptLabels
{
    public static string Of(ReceiptKind kind) => kind switch
    {
        ReceiptKind.DonationGift => "寄附金受領証明書",
        ReceiptKind.DonationAnnual => "寄附金受領証明書（年間）",
        _ => "領収書",
    };
}

/// <summary>Issued receipts: the book (/Payments/Receipts), and those of one payment or one member.</summary>
public sealed class ReceiptListQuery(MemberHubDbContext db, TimeProvider clock)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<ReceiptRow>> ListAsync(int? year, ReceiptKind? kind, long? memberId = null, long? paymentId = null,
        CancellationToken ct = default)
    {
        var q = db.IssuedReceipts.AsNoTracking();
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            q = q.Where(r => r.IssuedOn >= from && r.IssuedOn <= to);
        }
        if (kind is { } k) q = q.Where(r => r.Kind == k);
        if (memberId is { } m) q = q.Where(r => r.MemberId == m);
        if (paymentId is { } p) q = q.Where(r => r.PaymentId == p);
        return await q.OrderByDescending(r => r.Id).Take(PageSize)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new ReceiptRow(r.Id, r.Number, r.Kind, r.MemberId, m.Name, m.MemberNumber,
                r.PaymentId, r.CalendarYear, r.Amount, r.IssuedOn, r.IssuedByName, r.IsReissue, r.VoidedAt, r.VoidReason,
                db.Payments.Any(x => x.Id == r.PaymentId && x.ReversedByPaymentId != null)))
            .ToListAsync(ct);
    }

    public async Task<ReceiptRow?> OneAsync(long id, CancellationToken ct = default)
    {
        var memberId = await db.IssuedReceipts.AsNoTracking().Where(r => r.Id == id).Select(r => (long?)r.MemberId).SingleOrDefaultAsync(ct);
        if (memberId is null) return null;
        return (await ListAsync(null, null, memberId: memberId, ct: ct)).FirstOrDefault(r => r.Id == id);
    }

    public Task<bool> CertifiedAsync(CancellationToken ct = default) =>
        db.OrganisationSettings.AsNoTracking().AnyAsync(o => o.Id == OrganisationSettings.SingletonId && o.IsCertifiedNpo, ct);

    public async Task<PaymentReceiptsView?> ForPaymentAsync(long paymentId, bool canIssue, CancellationToken ct = default)
    {
        var p = await db.Payments.AsNoTracking().Where(x => x.Id == paymentId)
            .Select(x => new { x.Id, x.MemberId, x.ReversedByPaymentId, x.ReversesPaymentId, x.ReceivedOn }).SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var donations = await db.PaymentAllocations.AsNoTracking()
            .Where(a => a.PaymentId == paymentId && a.Kind == AllocationKind.Donation && a.MemberId == p.MemberId)
            .Select(a => a.Amount).ToListAsync(ct);
        return new PaymentReceiptsView(p.Id, canIssue, p.ReversedByPaymentId is not null, p.ReversesPaymentId is not null, p.MemberId is not null,
            donations.Aggregate(Yen.Zero, (s, a) => s + a), await CertifiedAsync(ct), await ListAsync(null, null, paymentId: paymentId, ct: ct),
            p.MemberId, p.ReceivedOn.Year);
    }

    public async Task<MemberReceiptsView> ForMemberAsync(long memberId, bool canIssue, CancellationToken ct = default)
    {
        var dates = await db.PaymentAllocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.Donation && a.MemberId == memberId)
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => p.ReceivedOn)
            .Distinct().ToListAsync(ct);
        var thisYear = JapanTime.Today(clock).Year;
        var years = dates.Select(d => d.Year).Where(y => y <= thisYear).Distinct().OrderDescending().ToList();
        return new MemberReceiptsView(memberId, await CertifiedAsync(ct), canIssue, years, await ListAsync(null, null, memberId: memberId, ct: ct));
    }
}
