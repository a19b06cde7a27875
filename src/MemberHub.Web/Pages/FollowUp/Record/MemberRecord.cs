using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Ledger;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp.Record;

public sealed record MemberRecordView(
    long MemberId,
    Yen DuesTotal,
    Yen DonationTotal,
    int PaymentCount,
    Yen AveragePerPayment,
    DateOnly? FirstPaymentOn,
    DateOnly? LastPaymentOn,
    int? DaysSinceLastPayment,
    DateOnly? LastContactOn,
    int? DaysSinceLastContact,
    int YearsOfMembership,
    int VolunteerMinutes,
    int EventCount,
    PlacementExplanation Explanation,
    bool KeepMailingWhenDormant,
    bool CanEdit)
{
    public Yen Total => DuesTotal + DonationTotal;
}

/// <summary>
/// The figures of a member's record (kept current in MemberStats at every save) and where the classifier places them
/// today, with its reasons. The payments are read again for the explanation: one member, a handful of rows.
/// </summary>
public sealed class MemberRecordQuery(MemberHubDbContext db, TimeProvider clock)
{
    public async Task<MemberRecordView?> RunAsync(long memberId, bool canEdit, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.JoinedOn, m.Status, m.StatusChangedOn, m.KeepMailingWhenDormant }).FirstOrDefaultAsync(ct);
        if (member is null) return null;
        var stats = await db.MemberStats.AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId, ct) ?? new MemberStats { MemberId = memberId };
        var rules = await MemberStatsRefresher.LoadRulesAsync(db, ct);
        var today = JapanTime.Today(clock);

        // As the refresher counts them: reversed payments and their reversals cancel out.
        var lines = await (from a in db.PaymentAllocations
                           join p in db.Payments on a.PaymentId equals p.Id
                           where a.MemberId == memberId && (a.Kind == AllocationKind.Dues || a.Kind == AllocationKind.Donation)
                                 && p.ReversesPaymentId == null && p.ReversedByPaymentId == null
                           select new { p.Id, p.ReceivedOn, a.Amount }).ToListAsync(ct);
        var payments = lines.GroupBy(l => (l.Id, l.ReceivedOn))
            .Select(g => new PaymentFact(g.Key.ReceivedOn, g.Sum(l => l.Amount.Value)))
            .Where(p => p.Amount > 0).ToList();
        var explanation = SupporterClassifier.Explain(
            new SupporterHistory(payments, stats.LastContactOn, member.JoinedOn, member.KeepMailingWhenDormant), rules, today);

        var until = member.Status is MemberStatus.Withdrawn or MemberStatus.Deceased ? member.StatusChangedOn : today;
        var total = stats.DuesTotal + stats.DonationTotal;
        return new MemberRecordView(
            memberId, stats.DuesTotal, stats.DonationTotal, stats.PaymentCount,
            stats.PaymentCount == 0 ? Yen.Zero : new Yen(total.Value / stats.PaymentCount),
            stats.FirstPaymentOn, stats.LastPaymentOn, DaysSince(stats.LastPaymentOn, today),
            stats.LastContactOn, DaysSince(stats.LastContactOn, today),
            SupporterClassifier.WholeMonths(member.JoinedOn, until) / 12,
            stats.VolunteerMinutes, stats.EventCount, explanation, member.KeepMailingWhenDormant, canEdit);
    }

    private static int? DaysSince(DateOnly? d, DateOnly today) => d is { } x ? today.DayNumber - x.DayNumber : null;
}

/// <summary>"休眠でも郵送を続ける": staff decide a long-dormant member is still worth a letter (audited with the member).</summary>
public sealed class KeepMailingHandler(MemberHubDbContext db)
{
    public async Task<bool> HandleAsync(long memberId, bool keep, CancellationToken ct = default)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null) return false;
        if (member.KeepMailingWhenDormant == keep) return true;
        member.KeepMailingWhenDormant = keep;
        member.Version++;
        // The member's dormancy is placed again in the same save (MemberHubDbContext watches this field).
        await db.SaveChangesAsync(ct);
        return true;
    }
}
