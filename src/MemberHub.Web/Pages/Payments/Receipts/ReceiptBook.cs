using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Organisation;
using MemberHub.Thanks;
using MemberHub.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>The receipt written (its id), or why not (Japanese, for the page).</summary>
public sealed record ReceiptResult(long? ReceiptId, string? Error)
{
    public bool Succeeded => Error is null;
    public static ReceiptResult Refused(string error) => new(null, error);
    public static ReceiptResult Issued(long id) => new(id, null);
}

/// <summary>A donor as a certificate names them (氏名・住所 are required on a 寄附金受領証明書).</summary>
public sealed record Donor(long MemberId, int MemberNumber, string Name, string? ContactName, string Honorific, string? PostalCode, string? Address)
{
    public RecipientPrint Recipient => new(Name, ContactName, Honorific, PostalCode, Address);

    public static Donor Of(Member m)
    {
        var organisation = m.Kind == MemberKind.Organisation;
        var contact = organisation && !string.IsNullOrWhiteSpace(m.ContactPersonName) ? m.ContactPersonName : null;
        var address = m.Address;
        return new Donor(m.Id, m.MemberNumber, m.Name, contact, organisation && contact is null ? "御中" : "様", m.PostalCode,
            address.Length == 0 ? null : address);
    }
}

public static class ReceiptMessages
{
    public const string NotCertified =
        "団体情報で「認定NPO法人」が設定されていないため、寄附金受領証明書は発行できません（認定NPO法人・特例認定NPO法人だけが発行できる証明書です）。管理者が 管理 → 団体情報 で認定番号と認定年月日を設定すると発行できます。";
    public const string NoAddress =
        "寄附者の住所が登録されていません。寄附金受領証明書には寄附者の氏名と住所の記載が必要です。会員情報に住所を入力してから発行してください。";
    public const string Reversed = "この入金は取り消されています。取り消された入金には領収書・証明書を発行できません。";
    public const string ReversalRow = "これは取消の記録です。領収書・証明書は発行できません。";
    public const string NoMember = "支払者が会員に結び付いていない入金です。会員を特定してから発行してください。";
    public const string Voided = "この領収書・証明書は無効にされています。";
    public const string Changed =
        "発行後に入金の取消または追加があり、記録と金額が合わなくなりました。この領収書・証明書を無効にして、発行し直してください。";
}

/// <summary>
/// Receipts: 領収書 for a payment and, for an 認定NPO法人, 寄附金受領証明書 per gift or per donor and calendar year.
/// A receipt is numbered once when first issued (asking again returns the same one, so a double click prints one
/// receipt); a reissue is a new sheet marked 再発行; a void keeps the row with who, when and why. Nothing here
/// writes payments.
/// </summary>
public sealed class ReceiptBookHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    public Task<OrganisationSettings?> SettingsAsync(CancellationToken ct = default) =>
        db.OrganisationSettings.AsNoTracking().SingleOrDefaultAsync(o => o.Id == OrganisationSettings.SingletonId, ct);

    public async Task<ReceiptResult> IssueForPaymentAsync(long paymentId, CancellationToken ct = default)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null) return ReceiptResult.Refused("入金の記録が見つかりません。");
        if (Refusal(payment) is { } refused) return ReceiptResult.Refused(refused);
        var live = await LiveAsync(ReceiptKind.Payment, paymentId, ct);
        if (live is not null) return ReceiptResult.Issued(live.Id);
        return await AddAsync(new IssuedReceipt { Kind = ReceiptKind.Payment, MemberId = payment.MemberId!.Value, PaymentId = payment.Id, Amount = payment.Amount },
            async c => (await LiveAsync(ReceiptKind.Payment, paymentId, c))?.Id, ct);
    }

    public async Task<ReceiptResult> IssueForGiftAsync(long paymentId, CancellationToken ct = default)
    {
        if (await SettingsAsync(ct) is not { IsCertifiedNpo: true }) return ReceiptResult.Refused(ReceiptMessages.NotCertified);
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null) return ReceiptResult.Refused("入金の記録が見つかりません。");
        if (Refusal(payment) is { } refused) return ReceiptResult.Refused(refused);
        var amount = await GiftAmountAsync(payment, ct);
        if (amount.Value <= 0) return ReceiptResult.Refused("この入金には寄附がありません。寄附金受領証明書は寄附の分だけに発行できます。");
        var live = await LiveAsync(ReceiptKind.DonationGift, paymentId, ct);
        if (live is not null) return ReceiptResult.Issued(live.Id);
        var donor = await DonorAsync(payment.MemberId!.Value, ct);
        if (donor?.Address is null) return ReceiptResult.Refused(ReceiptMessages.NoAddress);
        var year = payment.ReceivedOn.Year;
        var annual = await db.IssuedReceipts.AsNoTracking()
            .Where(r => r.Kind == ReceiptKind.DonationAnnual && r.MemberId == donor.MemberId && r.CalendarYear == year && r.VoidedAt == null)
            .Select(r => r.Number).FirstOrDefaultAsync(ct);
        // One gift, one certificate: a donor holding both could claim the deduction twice.
        if (annual is not null)
            return ReceiptResult.Refused($"この寄附は{year}年分の年間の寄附金受領証明書（{ReceiptNumbers.BaseOf(annual)}）に含まれています。個別の証明書が必要な場合は、年間の証明書を無効にしてから発行してください。");
        return await AddAsync(new IssuedReceipt { Kind = ReceiptKind.DonationGift, MemberId = donor.MemberId, PaymentId = payment.Id, Amount = amount },
            async c => (await LiveAsync(ReceiptKind.DonationGift, paymentId, c))?.Id, ct);
    }

    public async Task<ReceiptResult> IssueAnnualAsync(long memberId, int year, CancellationToken ct = default)
    {
        if (await SettingsAsync(ct) is not { IsCertifiedNpo: true }) return ReceiptResult.Refused(ReceiptMessages.NotCertified);
        if (year < 2000 || year > JapanTime.Today(clock).Year) return ReceiptResult.Refused("年を正しく選んでください。");
        var donor = await DonorAsync(memberId, ct);
        if (donor is null) return ReceiptResult.Refused("会員が見つかりません。");
        Task<long?> LiveAnnualAsync(CancellationToken c) => db.IssuedReceipts.AsNoTracking()
            .Where(r => r.Kind == ReceiptKind.DonationAnnual && r.MemberId == memberId && r.CalendarYear == year && r.VoidedAt == null && !r.IsReissue)
            .OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(c);
        if (await LiveAnnualAsync(ct) is { } live) return ReceiptResult.Issued(live);
        if (donor.Address is null) return ReceiptResult.Refused(ReceiptMessages.NoAddress);
        var (gifts, _) = await AnnualGiftsAsync(memberId, year, ct);
        var total = DonationLedger.Total(gifts);
        if (total.Value <= 0) return ReceiptResult.Refused($"{year}年に受領した寄附（取消分を除く）で、まだ証明書を発行していないものはありません。");
        return await AddAsync(new IssuedReceipt { Kind = ReceiptKind.DonationAnnual, MemberId = memberId, CalendarYear = year, Amount = total }, LiveAnnualAsync, ct);
    }

    /// <summary>再発行: a new sheet of a receipt that is still valid (the first was lost), with the same number and the copy count.</summary>
    public async Task<ReceiptResult> ReissueAsync(long receiptId, CancellationToken ct = default)
    {
        var original = await db.IssuedReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId, ct);
        if (original is null) return ReceiptResult.Refused("領収書・証明書が見つかりません。");
        if (original.VoidedAt is not null) return ReceiptResult.Refused(ReceiptMessages.Voided + "無効にしたものは再発行できません。新しく発行してください。");
        if (await StaleReasonAsync(original, ct) is { } stale) return ReceiptResult.Refused(stale);
        var baseNumber = ReceiptNumbers.BaseOf(original.Number);
        var prefix = baseNumber + "-";
        var sheets = await db.IssuedReceipts.CountAsync(r => r.Number == baseNumber || r.Number.StartsWith(prefix), ct);
        var copy = new IssuedReceipt
        {
            Number = ReceiptNumbers.Reissue(baseNumber, sheets + 1), Kind = original.Kind, MemberId = original.MemberId,
            PaymentId = original.PaymentId, CalendarYear = original.CalendarYear, Amount = original.Amount, IsReissue = true,
        };
        return await AddAsync(copy, null, ct);
    }

    /// <summary>無効: the receipt and every sheet of it stay in the book with the reason; a new one can then be issued.</summary>
    public async Task<ReceiptResult> VoidAsync(long receiptId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ReceiptResult.Refused("無効にする理由を入力してください。");
        if (reason.Length > 500) return ReceiptResult.Refused("理由は500文字以内で入力してください。");
        var receipt = await db.IssuedReceipts.SingleOrDefaultAsync(r => r.Id == receiptId, ct);
        if (receipt is null) return ReceiptResult.Refused("領収書・証明書が見つかりません。");
        if (receipt.VoidedAt is not null) return ReceiptResult.Refused(ReceiptMessages.Voided);
        var baseNumber = ReceiptNumbers.BaseOf(receipt.Number);
        var prefix = baseNumber + "-";
        var sheets = await db.IssuedReceipts.Where(r => (r.Number == baseNumber || r.Number.StartsWith(prefix)) && r.VoidedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var sheet in sheets)
        {
            sheet.VoidedAt = now;
            sheet.VoidReason = reason;
        }
        await db.SaveChangesAsync(ct);
        return ReceiptResult.Issued(receipt.Id);
    }

    /// <summary>Why a receipt can no longer be printed as it was issued (payment undone, donations changed), or null.</summary>
    public async Task<string?> StaleReasonAsync(IssuedReceipt receipt, CancellationToken ct = default)
    {
        if (receipt.PaymentId is { } paymentId)
        {
            var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId, ct);
            if (payment.ReversedByPaymentId is not null)
                return "この入金は取り消されています。この領収書・証明書を無効にしてください。";
            return null;
        }
        if (receipt.Kind == ReceiptKind.DonationAnnual && receipt.CalendarYear is { } year)
        {
            var (gifts, _) = await AnnualGiftsAsync(receipt.MemberId, year, ct);
            if (DonationLedger.Total(gifts) != receipt.Amount) return ReceiptMessages.Changed;
        }
        return null;
    }

    /// <summary>
    /// The donor's gifts received in the calendar year, net of reversals, without those that have a certificate of
    /// their own (the annual certificate names them instead, so no gift is certified twice).
    /// </summary>
    public async Task<(IReadOnlyList<Gift> Gifts, IReadOnlyList<string> ExcludedNumbers)> AnnualGiftsAsync(long memberId, int year,
        CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.PaymentAllocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.Donation && a.MemberId == memberId)
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { p.Id, p.ReversesPaymentId, p.ReceivedOn, a.Amount })
            .Where(x => x.ReceivedOn >= from && x.ReceivedOn <= to)
            .ToListAsync(ct);
        var gifts = DonationLedger.Gifts(rows.Select(r => new DonationLedgerRow(r.Id, r.ReversesPaymentId, r.ReceivedOn, r.Amount)));
        var giftIds = gifts.Select(g => g.PaymentId).ToList();
        var ownCertificates = await db.IssuedReceipts.AsNoTracking()
            .Where(r => r.Kind == ReceiptKind.DonationGift && r.VoidedAt == null && r.PaymentId != null && giftIds.Contains(r.PaymentId.Value) && !r.IsReissue)
            .Select(r => new { PaymentId = r.PaymentId!.Value, r.Number }).ToListAsync(ct);
        var excluded = ownCertificates.Select(c => c.PaymentId).ToHashSet();
        return (gifts.Where(g => !excluded.Contains(g.PaymentId)).ToList(), ownCertificates.Select(c => c.Number).Order(StringComparer.Ordinal).ToList());
    }

    public async Task<Donor?> DonorAsync(long memberId, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, ct);
        return member is null ? null : Donor.Of(member);
    }

    private async Task<Yen> GiftAmountAsync(Payment payment, CancellationToken ct)
    {
        var amounts = await db.PaymentAllocations.AsNoTracking()
            .Where(a => a.PaymentId == payment.Id && a.Kind == AllocationKind.Donation && a.MemberId == payment.MemberId)
            .Select(a => a.Amount).ToListAsync(ct);
        return amounts.Aggregate(Yen.Zero, (s, a) => s + a);
    }

    private static string? Refusal(Payment payment) =>
        payment.ReversesPaymentId is not null ? ReceiptMessages.ReversalRow
        : payment.ReversedByPaymentId is not null ? ReceiptMessages.Reversed
        : payment.MemberId is null ? ReceiptMessages.NoMember
        : payment.Amount.Value <= 0 ? "金額が0円以下の入金には発行できません。"
        : null;

    private Task<IssuedReceipt?> LiveAsync(ReceiptKind kind, long paymentId, CancellationToken ct) =>
        db.IssuedReceipts.AsNoTracking().Where(r => r.Kind == kind && r.PaymentId == paymentId && r.VoidedAt == null && !r.IsReissue)
            .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Numbers the receipt (a new number unless it is a reissue) and saves it, both or neither. Taking the number
    /// locks the year's sequence row until commit, so two people pressing 発行 for the same payment at the same
    /// moment are serialised here: the second finds the first's receipt (<paramref name="existing"/>) and returns it.
    /// </summary>
    private async Task<ReceiptResult> AddAsync(IssuedReceipt receipt, Func<CancellationToken, Task<long?>>? existing, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.Today(clock);
        if (!receipt.IsReissue) await EnsureSequenceAsync(ReceiptNumbers.SequenceName(receipt.Kind, today.Year), ct);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (!receipt.IsReissue)
            {
                var seq = await SequenceAllocator.ReserveAsync(db, ReceiptNumbers.SequenceName(receipt.Kind, today.Year), 1, _ => Task.FromResult(1L), ct);
                if (existing is not null && await existing(ct) is { } already)
                {
                    if (own is not null) await own.RollbackAsync(ct);
                    return ReceiptResult.Issued(already);
                }
                receipt.Number = ReceiptNumbers.Format(receipt.Kind, today.Year, seq);
            }
            receipt.IssuedOn = today;
            receipt.IssuedAt = now;
            receipt.IssuedByName = actor.UserName;
            db.IssuedReceipts.Add(receipt);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return ReceiptResult.Issued(receipt.Id);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// The year's first receipt creates its sequence row. Two first receipts at once would both insert it, and a failed
    /// insert aborts a PostgreSQL transaction, so the row is made before the numbering transaction, where losing
    /// that race is harmless.
    /// </summary>
    private async Task EnsureSequenceAsync(string name, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null || await db.NumberSequences.AnyAsync(s => s.Name == name, ct)) return;
        var row = new NumberSequence { Name = name, NextValue = 1 };
        db.NumberSequences.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Annual certificates for every donor of a calendar year who has none yet (the bulk run in January). Donors
    /// without an address are left out and named, for the office to complete first. Returns the certificates to
    /// print (new and already issued), in postal-code order for the post.
    /// </summary>
    public async Task<AnnualRun> IssueAnnualForAllAsync(int year, CancellationToken ct = default)
    {
        var plan = await PlanAnnualAsync(year, ct);
        foreach (var d in plan.Donors.Where(d => d.Donor.Address is not null && d.ReceiptId is null))
        {
            // A donor whose gifts all have certificates of their own gets no annual one (refused, and rightly left out).
            await IssueAnnualAsync(d.Donor.MemberId, year, ct);
        }
        var ids = await db.IssuedReceipts.AsNoTracking()
            .Where(r => r.Kind == ReceiptKind.DonationAnnual && r.CalendarYear == year && r.VoidedAt == null && !r.IsReissue)
            .Join(db.Members, r => r.MemberId, m => m.Id, (r, m) => new { r.Id, m.PostalCode, m.MemberNumber })
            .ToListAsync(ct);
        var ordered = ids.OrderBy(r => string.IsNullOrEmpty(r.PostalCode) ? "~" : r.PostalCode, StringComparer.Ordinal)
            .ThenBy(r => r.MemberNumber).Select(r => r.Id).ToList();
        return new AnnualRun(ordered, plan.Donors.Where(d => d.Donor.Address is null).Select(d => d.Donor).ToList());
    }

    /// <summary>Who gave in the year (net of reversals) and whether each has an annual certificate already.</summary>
    public async Task<AnnualPlan> PlanAnnualAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.PaymentAllocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.Donation && a.MemberId != null)
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { MemberId = a.MemberId!.Value, p.Id, p.ReversesPaymentId, p.ReceivedOn, a.Amount })
            .Where(x => x.ReceivedOn >= from && x.ReceivedOn <= to)
            .ToListAsync(ct);
        // Gifts with a certificate of their own are not in the annual one (see AnnualGiftsAsync).
        var paymentIds = rows.Select(r => r.ReversesPaymentId ?? r.Id).Distinct().ToList();
        var certifiedGifts = new HashSet<long>();
        foreach (var chunk in paymentIds.Chunk(500))
            certifiedGifts.UnionWith(await db.IssuedReceipts.AsNoTracking()
                .Where(r => r.Kind == ReceiptKind.DonationGift && r.VoidedAt == null && !r.IsReissue && r.PaymentId != null && chunk.Contains(r.PaymentId.Value))
                .Select(r => r.PaymentId!.Value).ToListAsync(ct));
        rows = rows.Where(r => !certifiedGifts.Contains(r.ReversesPaymentId ?? r.Id)).ToList();
        var totals = rows.GroupBy(r => r.MemberId)
            .Select(g => (MemberId: g.Key, Total: DonationLedger.Total(DonationLedger.Gifts(g.Select(r => new DonationLedgerRow(r.Id, r.ReversesPaymentId, r.ReceivedOn, r.Amount))))))
            .Where(t => t.Total.Value > 0).ToList();
        var memberIds = totals.Select(t => t.MemberId).ToList();
        var donors = new Dictionary<long, Donor>();
        foreach (var chunk in memberIds.Chunk(500))
            foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id)).ToListAsync(ct))
                donors[m.Id] = Donor.Of(m);
        var issued = await db.IssuedReceipts.AsNoTracking()
            .Where(r => r.Kind == ReceiptKind.DonationAnnual && r.CalendarYear == year && r.VoidedAt == null && !r.IsReissue)
            .Select(r => new { r.MemberId, r.Id, r.Number }).ToListAsync(ct);
        var byMember = issued.GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.First());
        return new AnnualPlan(year, totals.Where(t => donors.ContainsKey(t.MemberId))
            .Select(t => new AnnualDonorRow(donors[t.MemberId], t.Total, byMember.GetValueOrDefault(t.MemberId)?.Id, byMember.GetValueOrDefault(t.MemberId)?.Number))
            .OrderBy(r => r.Donor.MemberNumber).ToList());
    }
}

public sealed record AnnualDonorRow(Donor Donor, Yen Total, long? ReceiptId, string? Number);

public sealed record AnnualPlan(int Year, IReadOnlyList<AnnualDonorRow> Donors)
{
    public Yen Total => Donors.Aggregate(Yen.Zero, (s, d) => s + d.Total);
    public int WithoutAddress => Donors.Count(d => d.Donor.Address is null);
}

public sealed record AnnualRun(IReadOnlyList<long> ReceiptIds, IReadOnlyList<Donor> WithoutAddress);
