using System.Globalization;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MemberHub.Thanks;

/// <summary>
/// Thank-you notes follow from what is saved, whoever saves it: MemberHubDbContext calls <see cref="PrepareAsync"/>
/// before every save, so a manual payment, a confirmation on the reconciliation screen and a batch of 10,000
/// auto-posted transfers all queue their thanks in the same transaction, and a reversal withdraws them.
/// A payment with dues and a donation makes two notes (会費のお礼 and 寄附のお礼): the wording, the fiscal year and
/// the receipt that may follow differ, and staff can still decide to send only one.
/// </summary>
public static class ThanksOnSave
{
    private const int Chunk = 500;

    /// <summary>What was added or changed, so a failed save can take it back (the caller may retry with the same context).</summary>
    public sealed class Prepared(List<EntityEntry> added, List<EntityEntry> modified)
    {
        public void Undo()
        {
            foreach (var e in added) e.State = EntityState.Detached;
            foreach (var e in modified)
            {
                e.CurrentValues.SetValues(e.OriginalValues);
                e.State = EntityState.Unchanged;
            }
        }
    }

    private sealed record Thanked(Payment Payment, long MemberId, ThankYouKind Kind, long Amount, List<long> InvoiceIds);

    private sealed record Contact(long Id, string? Email, bool RefusesEmail, bool RefusesPost);

    public static async Task<Prepared?> PrepareAsync(MemberHubDbContext db, CancellationToken ct)
    {
        var newPayments = db.ChangeTracker.Entries<Payment>().Where(e => e.State == EntityState.Added).ToList();
        var withdrawn = db.ChangeTracker.Entries<Member>()
            .Where(e => e.State == EntityState.Modified && e.Entity.Status == MemberStatus.Withdrawn
                        && e.Property(m => m.Status).OriginalValue != MemberStatus.Withdrawn)
            .ToList();
        if (newPayments.Count == 0 && withdrawn.Count == 0) return null;

        var added = new List<EntityEntry>();
        var modified = new List<EntityEntry>();
        var thanked = Thankable(newPayments.Select(e => e.Entity));
        if (thanked.Count > 0 || withdrawn.Count > 0)
        {
            var startMonth = await FiscalYearStartMonthAsync(db, ct);
            if (thanked.Count > 0)
            {
                var entries = newPayments.ToDictionary(e => e.Entity, ReferenceEqualityComparer.Instance as IEqualityComparer<Payment>);
                foreach (var (note, payment) in await PaymentNotesAsync(db, thanked, startMonth, ct))
                {
                    var entry = db.ThankYouNotes.Add(note);
                    // The payment's id is a temporary value until it is inserted; pointing the note at it lets EF fill in the real one.
                    entry.Property(n => n.PaymentId).CurrentValue = entries[payment].Property(p => p.Id).CurrentValue;
                    added.Add(entry);
                }
            }
            if (withdrawn.Count > 0) await AddWithdrawalThanksAsync(db, withdrawn, startMonth, added, ct);
        }
        var reversedIds = newPayments.Where(e => e.Entity.ReversesPaymentId is not null).Select(e => e.Entity.ReversesPaymentId!.Value).Distinct().ToList();
        if (reversedIds.Count > 0) await WithdrawThanksAsync(db, reversedIds, modified, ct);
        return added.Count == 0 && modified.Count == 0 ? null : new Prepared(added, modified);
    }

    /// <summary>
    /// The notes for new payments that are saved without the change tracker (<see cref="MemberHubDbContext.SaveNewPaymentsAsync"/>),
    /// each with its payment, whose id the caller sets on the note once the payment is inserted. Not tracked.
    /// </summary>
    internal static async Task<List<(ThankYouNote Note, Payment Payment)>> NotesForNewPaymentsAsync(MemberHubDbContext db, IEnumerable<Payment> payments, CancellationToken ct)
    {
        var thanked = Thankable(payments);
        return thanked.Count == 0 ? [] : await PaymentNotesAsync(db, thanked, await FiscalYearStartMonthAsync(db, ct), ct);
    }

    private static async Task<int> FiscalYearStartMonthAsync(MemberHubDbContext db, CancellationToken ct) =>
        await db.OrganisationSettings.AsNoTracking().OrderBy(o => o.Id).Select(o => (int?)o.FiscalYearStartMonth).FirstOrDefaultAsync(ct) ?? 4;

    /// <summary>One per payment, member and kind; a household transfer's allocations name each member it pays for.</summary>
    private static List<Thanked> Thankable(IEnumerable<Payment> payments)
    {
        var result = new List<Thanked>();
        foreach (var p in payments)
        {
            if (p.ReversesPaymentId is not null || p.Amount.Value <= 0) continue;
            var groups = p.Allocations
                .Where(a => a.Kind is AllocationKind.Dues or AllocationKind.Donation && a.Amount.Value > 0 && (a.MemberId ?? p.MemberId) is not null)
                .GroupBy(a => (Member: (a.MemberId ?? p.MemberId)!.Value, Kind: a.Kind == AllocationKind.Dues ? ThankYouKind.Dues : ThankYouKind.Donation));
            foreach (var g in groups)
                result.Add(new Thanked(p, g.Key.Member, g.Key.Kind, g.Sum(a => a.Amount.Value),
                    g.Where(a => a.InvoiceId is not null).Select(a => a.InvoiceId!.Value).Distinct().ToList()));
        }
        return result;
    }

    private static async Task<List<(ThankYouNote Note, Payment Payment)>> PaymentNotesAsync(MemberHubDbContext db, List<Thanked> thanked, int startMonth, CancellationToken ct)
    {
        var contacts = await ContactsAsync(db, thanked.Select(t => t.MemberId), ct);
        var years = await InvoiceYearsAsync(db, thanked.SelectMany(t => t.InvoiceIds), ct);
        var notes = new List<(ThankYouNote, Payment)>();
        foreach (var t in thanked)
        {
            if (!contacts.TryGetValue(t.MemberId, out var c)) continue;
            var payment = t.Payment;
            var route = ThankYouRules.RouteFor(c.Email, c.RefusesEmail, c.RefusesPost);
            // Dues thank for the year they pay (the latest, when arrears are paid with this year's dues); a donation for the year it came in.
            var invoiceYears = t.InvoiceIds.Where(years.ContainsKey).Select(id => years[id]).ToList();
            notes.Add((new ThankYouNote
            {
                MemberId = t.MemberId,
                Kind = t.Kind,
                Channel = route.Channel,
                Status = route.Skip ? ThankYouStatus.Skipped : ThankYouStatus.Pending,
                Note = route.Note,
                Amount = new Yen(t.Amount),
                ReceivedOn = payment.ReceivedOn,
                FiscalYear = invoiceYears.Count > 0 ? invoiceYears.Max() : FiscalYear.Of(payment.ReceivedOn, startMonth),
                CreatedAt = payment.CreatedAt,
            }, payment));
        }
        return notes;
    }

    private static async Task AddWithdrawalThanksAsync(MemberHubDbContext db, List<EntityEntry<Member>> withdrawn, int startMonth, List<EntityEntry> added, CancellationToken ct)
    {
        var ids = withdrawn.Select(e => e.Entity.Id).ToList();
        var totals = new Dictionary<long, long>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var list = string.Join(",", chunk.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            // Ids are numbers formatted here, never user text.
            var sql = $"""
                SELECT a."MemberId" AS "MemberId", CAST(SUM(a."Amount") AS BIGINT) AS "Total"
                FROM "PaymentAllocations" a JOIN "Payments" p ON p."Id" = a."PaymentId"
                WHERE a."MemberId" IN ({list}) AND a."Kind" IN (0, 1) AND p."ReversesPaymentId" IS NULL AND p."ReversedByPaymentId" IS NULL
                GROUP BY a."MemberId"
                """;
            var rows = await db.Database.SqlQueryRaw<MemberTotal>(sql).ToListAsync(ct);
            foreach (var r in rows) totals[r.MemberId] = r.Total ?? 0;
        }
        foreach (var e in withdrawn)
        {
            var m = e.Entity;
            var route = ThankYouRules.WithdrawalRouteFor(m.Email, m.RefusesEmail, m.RefusesPost);
            added.Add(db.ThankYouNotes.Add(new ThankYouNote
            {
                MemberId = m.Id,
                Kind = ThankYouKind.Withdrawal,
                Channel = route.Channel,
                Status = route.Skip ? ThankYouStatus.Skipped : ThankYouStatus.Pending,
                Note = route.Note,
                Amount = new Yen(totals.GetValueOrDefault(m.Id)),
                FiscalYear = FiscalYear.Of(m.StatusChangedOn, startMonth),
                CreatedAt = m.UpdatedAt == default ? m.StatusChangedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : m.UpdatedAt,
            }));
        }
    }

    private sealed record MemberTotal(long MemberId, long? Total);

    /// <summary>A reversed payment owes no thanks: notes not yet sent are skipped and mail still waiting in the outbox is withdrawn.</summary>
    private static async Task WithdrawThanksAsync(MemberHubDbContext db, List<long> reversedIds, List<EntityEntry> modified, CancellationToken ct)
    {
        var notes = new List<ThankYouNote>();
        foreach (var chunk in reversedIds.Chunk(Chunk))
            notes.AddRange(await db.ThankYouNotes
                .Where(n => n.PaymentId != null && chunk.Contains(n.PaymentId.Value) && (n.Status == ThankYouStatus.Pending || n.Status == ThankYouStatus.Queued))
                .ToListAsync(ct));
        var mailIds = notes.Where(n => n.Status == ThankYouStatus.Queued && n.OutboxMessageId is not null).Select(n => n.OutboxMessageId!.Value).ToList();
        foreach (var n in notes)
        {
            n.Status = ThankYouStatus.Skipped;
            n.Note = ThankYouRules.ReversedNote;
            n.Version++;
            var noteEntry = db.Entry(n);
            noteEntry.DetectChanges();   // the save runs with automatic change detection off
            modified.Add(noteEntry);
        }
        foreach (var chunk in mailIds.Chunk(Chunk))
        {
            // A message the sender has already claimed cannot be stopped; its version check makes this save fail and the
            // reversal is retried, by which time the message is no longer waiting.
            var mails = await db.OutboxMessages.Where(m => chunk.Contains(m.Id) && m.Status == OutboxStatus.Pending).ToListAsync(ct);
            foreach (var m in mails)
            {
                m.Status = OutboxStatus.Failed;
                m.LastError = "入金が取り消されたため、お礼のメールの送信を取り消しました。";
                m.Version++;
                var mailEntry = db.Entry(m);
                mailEntry.DetectChanges();
                modified.Add(mailEntry);
            }
        }
    }

    private static async Task<Dictionary<long, Contact>> ContactsAsync(MemberHubDbContext db, IEnumerable<long> memberIds, CancellationToken ct)
    {
        var result = new Dictionary<long, Contact>();
        foreach (var chunk in memberIds.Distinct().Chunk(Chunk))
            foreach (var c in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.Id))
                         .Select(m => new Contact(m.Id, m.Email, m.RefusesEmail, m.RefusesPost)).ToListAsync(ct))
                result[c.Id] = c;
        return result;
    }

    /// <summary>The invoices' fiscal years, from the change tracker when the posting code has them loaded (it usually has).</summary>
    private static async Task<Dictionary<long, int>> InvoiceYearsAsync(MemberHubDbContext db, IEnumerable<long> invoiceIds, CancellationToken ct)
    {
        var wanted = invoiceIds.ToHashSet();
        var result = new Dictionary<long, int>();
        foreach (var e in db.ChangeTracker.Entries<Invoice>())
            if (wanted.Contains(e.Entity.Id)) result[e.Entity.Id] = e.Entity.FiscalYear;
        foreach (var chunk in wanted.Where(id => !result.ContainsKey(id)).Chunk(Chunk))
            foreach (var i in await db.Invoices.AsNoTracking().Where(i => chunk.Contains(i.Id)).Select(i => new { i.Id, i.FiscalYear }).ToListAsync(ct))
                result[i.Id] = i.FiscalYear;
        return result;
    }
}
