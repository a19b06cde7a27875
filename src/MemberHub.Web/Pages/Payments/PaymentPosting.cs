using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Payments;

/// <summary>
/// A payment to record: who paid, when, how much, and how it is used. <see cref="ToInvoices"/> are the
/// shares for invoices; whatever the payment leaves over is recorded as <see cref="RestAs"/>.
/// </summary>
public sealed record PaymentToPost(
    long? MemberId,
    DateOnly ReceivedOn,
    Yen Amount,
    PaymentMethod Method,
    string? PayerName,
    string? Note,
    IReadOnlyList<InvoiceShare> ToInvoices,
    AllocationKind RestAs = AllocationKind.Donation,
    long? BankLineId = null,
    string? SubmissionKey = null);

/// <summary>The payment written (its id), or why nothing was written (Japanese, for the page).</summary>
public sealed record PostingResult(long? PaymentId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    /// <summary>A refusal always says why: a result with no errors would read as success.</summary>
    public static PostingResult Refused(string error, params string[] more) => new(null, [error, .. more]);
    public static PostingResult Posted(long id) => new(id, []);
}

/// <summary>What a batch posted (request index → payment id) and what it refused, with why.</summary>
public sealed record BatchPostingResult(IReadOnlyDictionary<int, long> Posted, IReadOnlyDictionary<int, IReadOnlyList<string>> Refused);

/// <summary>
/// The one place that moves money onto invoices: manual entry and bank reconciliation both post through
/// here. A payment and its allocations are added, each invoice's PaidAmount and status follow in the same
/// SaveChanges, and the audit log records it all with the signed-in user as actor.
///
/// Two people may post to the same invoice at once (the treasurer at the office, a bank import). Invoice.Version
/// is the concurrency token: the second save fails, the invoices are read again and the split is checked
/// against the fresh balances, so an invoice is never paid more than its total. Money is never changed or
/// deleted: <see cref="ReverseAsync"/> adds a reversal row.
/// </summary>
public sealed class PaymentPostingHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    private const int Attempts = 3;

    public const string AlreadyRecorded = "この入金はすでに記録されています（同じ画面から二度送信されました）。入金の一覧をご確認ください。";
    public const string ConcurrentChangeMessage =
        "同じ請求書に他の方が同時に入金を記録しました。請求書の未納額を確認してから、もう一度記録してください。";

    public async Task<PostingResult> PostAsync(PaymentToPost request, CancellationToken ct = default)
    {
        if (request.SubmissionKey is { Length: > 0 } submitted && await db.Payments.AnyAsync(p => p.SubmissionKey == submitted, ct))
            return PostingResult.Refused(AlreadyRecorded);
        ArgumentNullException.ThrowIfNull(request);
        if (request.RestAs == AllocationKind.Dues)
            throw new ArgumentException("The rest of a payment is a donation, other income or to refund, never dues.", nameof(request));
        var shares = request.ToInvoices.Where(s => s.Amount.Value != 0).ToList();
        var ids = shares.Select(s => s.InvoiceId).Distinct().ToList();

        for (var attempt = 1; ; attempt++)
        {
            var invoices = await db.Invoices.Where(i => ids.Contains(i.Id)).ToListAsync(ct);
            var check = PaymentAllocator.Check(request.Amount, shares,
                invoices.Where(i => BillingLabels.IsOpen(i.Status)).ToDictionary(i => i.Id, i => i.Balance),
                invoices.ToDictionary(i => i.Id, i => i.InvoiceNumber));
            if (!check.IsValid) return new PostingResult(null, check.Errors);

            var payment = NewPayment(request);
            foreach (var share in shares.GroupBy(s => s.InvoiceId))
            {
                var invoice = invoices.Single(i => i.Id == share.Key);
                var amount = share.Aggregate(Yen.Zero, (acc, s) => acc + s.Amount);
                payment.Allocations.Add(new PaymentAllocation
                {
                    Kind = AllocationKind.Dues, InvoiceId = invoice.Id, MemberId = invoice.MemberId, Amount = amount,
                });
                invoice.PaidAmount += amount;
                invoice.RefreshPaymentStatus();
                invoice.Version++;
            }
            if (check.Rest.Value > 0)
                payment.Allocations.Add(new PaymentAllocation { Kind = request.RestAs, MemberId = request.MemberId, Amount = check.Rest });
            db.Payments.Add(payment);
            try
            {
                await db.SaveChangesAsync(ct);
                return PostingResult.Posted(payment.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                await ForgetAsync(payment, invoices, ct);
                if (attempt == Attempts) return PostingResult.Refused(ConcurrentChangeMessage);
            }
            catch (DbUpdateException) when (payment.SubmissionKey is { } key)
            {
                // The same form submitted twice at the same moment: the other request recorded it.
                await ForgetAsync(payment, invoices, ct);
                if (await db.Payments.AnyAsync(p => p.SubmissionKey == key, ct)) return PostingResult.Refused(AlreadyRecorded);
                throw;
            }
        }
    }

    /// <summary>
    /// 取消: a second payment row with the negative amount and negative allocations, and the invoices back to
    /// what they were before the payment; receipts issued for the payment are voided with the reason. A payment is reversed once (the unique index on ReversesPaymentId
    /// holds that even when two people press the button at the same moment); a reversal is not reversed.
    /// </summary>
    public async Task<PostingResult> ReverseAsync(long paymentId, string? reason, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return PostingResult.Refused("取消の理由を入力してください。");
        if (reason.Length > 500) return PostingResult.Refused("取消の理由は500文字以内で入力してください。");

        for (var attempt = 1; ; attempt++)
        {
            var original = await db.Payments.Include(p => p.Allocations).SingleOrDefaultAsync(p => p.Id == paymentId, ct);
            if (original is null) return PostingResult.Refused("入金の記録が見つかりません。");
            if (original.ReversesPaymentId is not null) return PostingResult.Refused("これは取消の記録です。取消をさらに取り消すことはできません。");
            if (original.ReversedByPaymentId is not null) return PostingResult.Refused(AlreadyReversed);

            var invoiceIds = original.Allocations.Where(a => a.InvoiceId is not null).Select(a => a.InvoiceId!.Value).Distinct().ToList();
            var invoices = await db.Invoices.Where(i => invoiceIds.Contains(i.Id)).ToListAsync(ct);
            var reversal = NewPayment(new PaymentToPost(original.MemberId, original.ReceivedOn, new Yen(-original.Amount.Value),
                original.Method, original.PayerName, original.Note, [], BankLineId: original.BankLineId));
            reversal.ReversesPaymentId = original.Id;
            reversal.ReversalReason = reason;
            foreach (var a in original.Allocations)
            {
                reversal.Allocations.Add(new PaymentAllocation { Kind = a.Kind, InvoiceId = a.InvoiceId, MemberId = a.MemberId, Amount = new Yen(-a.Amount.Value) });
                if (a.InvoiceId is not { } invoiceId) continue;
                var invoice = invoices.Single(i => i.Id == invoiceId);
                invoice.PaidAmount -= a.Amount;
                invoice.RefreshPaymentStatus();
                invoice.Version++;
            }
            db.Payments.Add(reversal);
            // A receipt for money that was taken back is no longer valid: it stays in the book, voided with the reason.
            var receipts = await db.IssuedReceipts.Where(r => r.PaymentId == original.Id && r.VoidedAt == null).ToListAsync(ct);
            foreach (var receipt in receipts)
            {
                receipt.VoidedAt = clock.GetUtcNow().UtcDateTime;
                receipt.VoidReason = $"入金の取消（{reason}）により無効";
            }

            // The reversal's id is known only after the insert, so the original is marked in a second save;
            // both in one transaction (the caller's, if it has one).
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                await db.SaveChangesAsync(ct);
                original.ReversedByPaymentId = reversal.Id;
                original.ReversalReason = reason;
                await db.SaveChangesAsync(ct);
                if (own is not null) await own.CommitAsync(ct);
                return PostingResult.Posted(reversal.Id);
            }
            catch (DbUpdateException e)
            {
                if (own is not null) await own.RollbackAsync(CancellationToken.None);
                db.Entry(original).State = EntityState.Detached;
                foreach (var receipt in receipts) db.Entry(receipt).State = EntityState.Detached;
                await ForgetAsync(reversal, invoices, ct);
                if (e is not DbUpdateConcurrencyException)
                {
                    // The unique index refused a second reversal saved at the same moment as ours.
                    var reversedMeanwhile = await db.Payments.AsNoTracking().AnyAsync(p => p.ReversesPaymentId == paymentId, ct);
                    if (reversedMeanwhile) return PostingResult.Refused(AlreadyReversed);
                    throw;
                }
                if (attempt == Attempts) return PostingResult.Refused(ConcurrentChangeMessage);
            }
            finally
            {
                if (own is not null) await own.DisposeAsync();
            }
        }
    }

    /// <summary>How many payments one SaveChanges of <see cref="PostManyAsync"/> writes.</summary>
    public const int BatchChunk = 1000;

    /// <summary>
    /// Many payments in one transaction (automatic posting after an import, several suggestions confirmed at once):
    /// each request is checked against the balances the earlier requests of the batch left, and a request that no
    /// longer fits is skipped with its reason while the others are posted. <paramref name="posted"/> is called for each
    /// accepted request right before the save of its chunk, so that the caller's own changes (the bank line's status)
    /// are written in the same save; entities it changes must be tracked (the change tracker is cleared after every
    /// chunk, so attach them). Saving one by one took minutes for 10,000 lines, and through the change tracker in chunks
    /// still seconds: here every <see cref="BatchChunk"/> payments are written with prepared statements by
    /// <see cref="MemberHubDbContext.SaveNewPaymentsAsync"/> (the same rows, thanks, audit rows and member figures as
    /// SaveChanges), the invoices' new balances through SaveChanges, and the change tracker is emptied between chunks
    /// so that each save only looks at its own rows. When a save fails (another person
    /// posted to one of the invoices meanwhile) the whole transaction is rolled back and every request is refused.
    /// </summary>
    public async Task<BatchPostingResult> PostManyAsync(IReadOnlyList<PaymentToPost> requests,
        Action<int, Payment>? posted = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var errors = new Dictionary<int, IReadOnlyList<string>>();
        var done = new Dictionary<int, long>();
        if (requests.Count == 0) return new BatchPostingResult(done, errors);
        if (requests.Any(r => r.RestAs == AllocationKind.Dues))
            throw new ArgumentException("The rest of a payment is a donation, other income or to refund, never dues.", nameof(requests));

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            for (var start = 0; start < requests.Count; start += BatchChunk)
            {
                var chunk = Enumerable.Range(start, Math.Min(BatchChunk, requests.Count - start)).ToList();
                var ids = chunk.SelectMany(i => requests[i].ToInvoices).Select(s => s.InvoiceId).Distinct().ToList();
                // One array parameter (not one SQL parameter per id) for a thousand invoices. Read inside the
                // transaction, so an invoice paid by an earlier chunk shows what that chunk left.
                var invoices = ids.Count == 0 ? [] : await db.Invoices.Where(i => EF.Parameter(ids).Contains(i.Id)).ToListAsync(ct);
                var byId = invoices.ToDictionary(i => i.Id);
                var labels = invoices.ToDictionary(i => i.Id, i => i.InvoiceNumber);
                var balances = invoices.Where(i => BillingLabels.IsOpen(i.Status)).ToDictionary(i => i.Id, i => i.Balance);

                var payments = new List<(int Index, Payment Payment)>();
                foreach (var index in chunk)
                {
                    var request = requests[index];
                    var shares = request.ToInvoices.Where(s => s.Amount.Value != 0).ToList();
                    var check = PaymentAllocator.Check(request.Amount, shares, balances, labels);
                    if (!check.IsValid)
                    {
                        errors[index] = check.Errors;
                        continue;
                    }
                    var payment = NewPayment(request);
                    foreach (var share in shares.GroupBy(s => s.InvoiceId))
                    {
                        var invoice = byId[share.Key];
                        var amount = share.Aggregate(Yen.Zero, (acc, s) => acc + s.Amount);
                        payment.Allocations.Add(new PaymentAllocation
                        {
                            Kind = AllocationKind.Dues, InvoiceId = invoice.Id, MemberId = invoice.MemberId, Amount = amount,
                        });
                        invoice.PaidAmount += amount;
                        invoice.RefreshPaymentStatus();
                        balances[invoice.Id] = balances[invoice.Id] - amount;
                        if (balances[invoice.Id].Value <= 0) balances.Remove(invoice.Id);
                    }
                    if (check.Rest.Value > 0)
                        payment.Allocations.Add(new PaymentAllocation { Kind = request.RestAs, MemberId = request.MemberId, Amount = check.Rest });
                    payments.Add((index, payment));
                    posted?.Invoke(index, payment);
                }
                foreach (var invoice in invoices.Where(i => db.Entry(i).State == EntityState.Modified)) invoice.Version++;
                await db.SaveNewPaymentsAsync(payments.Select(p => p.Payment).ToList(), ct);
                foreach (var (index, payment) in payments) done[index] = payment.Id;
                db.ChangeTracker.Clear();
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var refused = Enumerable.Range(0, requests.Count).ToDictionary(i => i, _ => (IReadOnlyList<string>)[ConcurrentChangeMessage]);
            return new BatchPostingResult(new Dictionary<int, long>(), refused);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        return new BatchPostingResult(done, errors);
    }

    public const string AlreadyReversed = "この入金はすでに取り消されています。";

    private Payment NewPayment(PaymentToPost request) => new()
    {
        MemberId = request.MemberId,
        ReceivedOn = request.ReceivedOn,
        Amount = request.Amount,
        Method = request.Method,
        PayerName = string.IsNullOrWhiteSpace(request.PayerName) ? null : request.PayerName.Trim(),
        Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        BankLineId = request.BankLineId,
        SubmissionKey = string.IsNullOrWhiteSpace(request.SubmissionKey) ? null : request.SubmissionKey,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        CreatedByUserId = actor.UserId,
        CreatedByName = actor.UserName,
    };

    /// <summary>After a failed save: drop what we added and read the invoices again, ready to retry against fresh balances.</summary>
    private async Task ForgetAsync(Payment payment, IEnumerable<Invoice> invoices, CancellationToken ct)
    {
        foreach (var a in payment.Allocations.ToList()) db.Entry(a).State = EntityState.Detached;
        db.Entry(payment).State = EntityState.Detached;
        foreach (var invoice in invoices) await db.Entry(invoice).ReloadAsync(ct);
    }
}
