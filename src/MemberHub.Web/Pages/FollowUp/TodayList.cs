using System.Security.Claims;
using MemberHub.Billing;
using MemberHub.Identity;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Members;
using MemberHub.Thanks;
using MemberHub.Volunteers;
using MemberHub.Web.Pages.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.FollowUp;

public sealed record Section<T>(int Count, IReadOnlyList<T> Items)
{
    public int More => Math.Max(0, Count - Items.Count);
}

public sealed record GreetingItem(long MemberId, int MemberNumber, string Name, string Kana, DateOnly On, int Years);

/// <summary>A follow-up due: from a contact record (ContactId) or a task (TaskId).</summary>
public sealed record DueItem(long? ContactId, long? TaskId, long MemberId, string Name, string Title, string? Detail, FollowUpTaskKind? Kind,
    DateOnly DueOn, string AssignedName, bool Mine);

public sealed record NewMemberItem(long MemberId, int MemberNumber, string Name, string Kana, DateOnly JoinedOn, DateOnly TouchBy, DateOnly? LastContactOn);

public sealed record ThanksItem(long Id, long MemberId, string Name, ThankYouKind Kind, ThankYouChannel Channel, Yen Amount, DateOnly? ReceivedOn);

public sealed record DormantItem(long MemberId, int MemberNumber, string Name, DateOnly LastTouch, DateOnly DormantOn, DateOnly? LastPaymentOn, DateOnly? LastContactOn);

public sealed record OverdueItem(long InvoiceId, string InvoiceNumber, long MemberId, string Name, Yen Balance, DateOnly DueOn);

public sealed record ShortRequestItem(long RequestId, string Title, string When, DateOnly FirstDay, int Needed, int Going);

public sealed record TodayView(
    DateOnly Today, bool CanAct, bool ShowNotes,
    Section<GreetingItem> Birthdays, Section<GreetingItem> Anniversaries, Section<DueItem> Due,
    Section<NewMemberItem> NewMembers, Section<ThanksItem> Thanks, Section<DormantItem> Dormant,
    Section<OverdueItem> Overdue, Section<ShortRequestItem> ShortRequests);

/// <summary>
/// ホーム: who needs attention today. Each section is one or two indexed queries with a bounded number of rows
/// (a count and the first few), so the page stays fast at 100,000 members; the rest is behind the section's link.
/// </summary>
public sealed class TodayQuery(MemberHubDbContext db, TimeProvider clock)
{
    public const int Shown = 8;
    public const int DueShown = 15;

    /// <summary>As the signed-in user sees it: their own follow-ups first; only Admin and Staff act and read notes.</summary>
    public Task<TodayView> ForUserAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var office = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Staff);
        return RunAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), office, office, ct);
    }

    public async Task<TodayView> RunAsync(string? userId, bool canAct, bool showNotes, CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        var active = db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Active && !m.IsArchived);

        return new TodayView(today, canAct, showNotes,
            await BirthdaysAsync(active, today, ct),
            await AnniversariesAsync(active, today, ct),
            await DueAsync(userId, today, showNotes, ct),
            await NewMembersAsync(active, today, ct),
            await ThanksAsync(ct),
            await DormantAsync(active, today, ct),
            await OverdueAsync(today, ct),
            await ShortRequestsAsync(today, ct));
    }

    /// <summary>Birthdays in the coming week for which no birthday card was recorded (a done 誕生日カード task dated on the birthday).</summary>
    private async Task<Section<GreetingItem>> BirthdaysAsync(IQueryable<Member> active, DateOnly today, CancellationToken ct)
    {
        var (from, to) = TodayRules.BirthdayWeek(today);
        var ranges = MonthDay.Ranges(from, to);
        var (lo1, hi1) = ranges[0];
        var (lo2, hi2) = ranges.Count > 1 ? ranges[1] : (lo1, hi1);
        var q = active.Where(m => (m.BirthMonthDay >= lo1 && m.BirthMonthDay <= hi1) || (m.BirthMonthDay >= lo2 && m.BirthMonthDay <= hi2))
            .Where(m => !db.FollowUpTasks.Any(t => t.MemberId == m.Id && t.Kind == FollowUpTaskKind.BirthdayCard
                && t.Status == FollowUpTaskStatus.Done && t.DueOn >= from && t.DueOn <= to));
        var count = await q.CountAsync(ct);
        // Bounded before ordering by the day of the year (which wraps at the new year) in memory.
        var rows = await q.OrderBy(m => m.BirthMonthDay).Take(400)
            .Select(m => new { m.Id, m.MemberNumber, m.Name, m.NameKana, m.BirthMonthDay, m.Birthday }).ToListAsync(ct);
        var items = rows
            .Select(r => (r, On: MonthDay.OccurrenceBetween(r.BirthMonthDay!.Value, from, to)))
            .Where(x => x.On is not null)
            .OrderBy(x => x.On).ThenBy(x => x.r.NameKana)
            .Take(Shown)
            .Select(x => new GreetingItem(x.r.Id, x.r.MemberNumber, x.r.Name, x.r.NameKana, x.On!.Value,
                x.r.Birthday is { } b ? TodayRules.YearsOfMembership(b, x.On!.Value) : 0))
            .ToList();
        return new(count, items);
    }

    /// <summary>Anniversaries of joining this month (a year or more), until the お礼状 for it is recorded.</summary>
    private async Task<Section<GreetingItem>> AnniversariesAsync(IQueryable<Member> active, DateOnly today, CancellationToken ct)
    {
        var (from, to) = TodayRules.AnniversaryMonth(today);
        int lo = MonthDay.Of(from), hi = MonthDay.Of(to) == 228 ? 229 : MonthDay.Of(to);
        var joinedBefore = from;
        var q = active.Where(m => m.JoinedMonthDay >= lo && m.JoinedMonthDay <= hi && m.JoinedOn < joinedBefore)
            .Where(m => !db.FollowUpTasks.Any(t => t.MemberId == m.Id && t.Kind == FollowUpTaskKind.ThankYouLetter
                && t.Status == FollowUpTaskStatus.Done && t.DueOn >= from && t.DueOn <= to && t.Title.StartsWith(AnniversaryTitlePrefix)));
        var count = await q.CountAsync(ct);
        // Those still ahead this month first, then the days already passed.
        var todayMd = MonthDay.Of(today);
        var ahead = await q.Where(m => m.JoinedMonthDay >= todayMd).OrderBy(m => m.JoinedMonthDay).ThenBy(m => m.SortKana).Take(Shown)
            .Select(m => new { m.Id, m.MemberNumber, m.Name, m.NameKana, m.JoinedOn, m.JoinedMonthDay }).ToListAsync(ct);
        if (ahead.Count < Shown)
            ahead.AddRange(await q.Where(m => m.JoinedMonthDay < todayMd).OrderBy(m => m.JoinedMonthDay).ThenBy(m => m.SortKana).Take(Shown - ahead.Count)
                .Select(m => new { m.Id, m.MemberNumber, m.Name, m.NameKana, m.JoinedOn, m.JoinedMonthDay }).ToListAsync(ct));
        var items = ahead.Select(r =>
        {
            var on = MonthDay.OccurrenceBetween(r.JoinedMonthDay, from, to) ?? today;
            return new GreetingItem(r.Id, r.MemberNumber, r.Name, r.NameKana, on, TodayRules.YearsOfMembership(r.JoinedOn, on));
        }).ToList();
        return new(count, items);
    }

    /// <summary>The title an anniversary お礼状 task carries, so today's list knows the greeting was sent.</summary>
    public const string AnniversaryTitlePrefix = "入会記念日";

    /// <summary>Contact records needing a follow-up and open tasks, due within a week; the viewer's own first, then by date.</summary>
    private async Task<Section<DueItem>> DueAsync(string? userId, DateOnly today, bool showNotes, CancellationToken ct)
    {
        var until = today.AddDays(TodayRules.DueAheadDays);
        // A contact record turned into a task is followed up through the task only.
        var contacts = db.ContactRecords.AsNoTracking()
            .Where(c => c.FollowUpNeeded && c.FollowUpDoneAt == null && c.FollowUpBy != null && c.FollowUpBy <= until)
            .Where(c => !db.FollowUpTasks.Any(t => t.ContactRecordId == c.Id && t.Status != FollowUpTaskStatus.Cancelled));
        var tasks = db.FollowUpTasks.AsNoTracking().Where(t => t.Status == FollowUpTaskStatus.Open && t.DueOn <= until);
        var count = await contacts.CountAsync(ct) + await tasks.CountAsync(ct);

        var contactRows = await contacts
            .OrderBy(c => c.StaffUserId == userId ? 0 : 1).ThenBy(c => c.FollowUpBy).Take(DueShown)
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new { c.Id, c.MemberId, m.Name, c.Summary, c.Channel, c.OccurredOn, c.FollowUpBy, c.StaffUserId, c.StaffName })
            .ToListAsync(ct);
        var taskRows = await tasks
            .OrderBy(t => t.AssignedUserId == userId ? 0 : 1).ThenBy(t => t.DueOn).Take(DueShown)
            .Join(db.Members, t => t.MemberId, m => m.Id, (t, m) => new { t.Id, t.MemberId, m.Name, t.Title, t.Note, t.Kind, t.DueOn, t.AssignedUserId, t.AssignedName })
            .ToListAsync(ct);
        var items = contactRows.Select(c => new DueItem(c.Id, null, c.MemberId, c.Name,
                $"{JapaneseFormat.ShortDate(c.OccurredOn)}の{MemberLabels.Of(c.Channel)}のフォロー", showNotes ? Shorten(c.Summary) : null, null,
                c.FollowUpBy!.Value, c.StaffName, userId is not null && c.StaffUserId == userId))
            .Concat(taskRows.Select(t => new DueItem(null, t.Id, t.MemberId, t.Name, t.Title, showNotes ? Shorten(t.Note) : null, t.Kind,
                t.DueOn, t.AssignedName, userId is not null && t.AssignedUserId == userId)))
            .OrderBy(i => i.Mine ? 0 : 1).ThenBy(i => i.DueOn).ThenBy(i => i.Name)
            .Take(DueShown)
            .ToList();
        return new(count, items);
    }

    private static string? Shorten(string? s) => s is null ? null : s.Length <= 60 ? s : s[..60] + "…";

    /// <summary>Members in their first three months whom nobody has contacted since they joined.</summary>
    private async Task<Section<NewMemberItem>> NewMembersAsync(IQueryable<Member> active, DateOnly today, CancellationToken ct)
    {
        var since = TodayRules.NewMemberSince(today);
        var q = active.Where(m => m.JoinedOn > since && m.JoinedOn <= today)
            .Join(db.MemberStats, m => m.Id, s => s.MemberId, (m, s) => new { m, s.LastContactOn })
            .Where(x => x.LastContactOn == null || x.LastContactOn <= x.m.JoinedOn);
        var count = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.m.JoinedOn).ThenBy(x => x.m.MemberNumber).Take(Shown)
            .Select(x => new { x.m.Id, x.m.MemberNumber, x.m.Name, x.m.NameKana, x.m.JoinedOn, x.LastContactOn }).ToListAsync(ct);
        return new(count, rows.Select(r => new NewMemberItem(r.Id, r.MemberNumber, r.Name, r.NameKana, r.JoinedOn, TodayRules.SecondTouchDue(r.JoinedOn), r.LastContactOn)).ToList());
    }

    private async Task<Section<ThanksItem>> ThanksAsync(CancellationToken ct)
    {
        var q = db.ThankYouNotes.AsNoTracking().Where(t => t.Status == ThankYouStatus.Pending);
        var count = await q.CountAsync(ct);
        var rows = await q.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(Shown)
            .Join(db.Members, t => t.MemberId, m => m.Id, (t, m) => new ThanksItem(t.Id, t.MemberId, m.Name, t.Kind, t.Channel, t.Amount, t.ReceivedOn))
            .ToListAsync(ct);
        return new(count, rows);
    }

    /// <summary>
    /// Active members whose last payment, contact or joining (whichever is latest) falls in the range that turns
    /// dormant within 30 days. Three indexed range reads (one per date), merged: an OR across two tables
    /// could not use any index.
    /// </summary>
    private async Task<Section<DormantItem>> DormantAsync(IQueryable<Member> active, DateOnly today, CancellationToken ct)
    {
        var rules = await MemberStatsRefresher.LoadRulesAsync(db, ct);
        var (a, b) = TodayRules.BecomingDormantLastTouch(rules, today);
        var rows = active.Join(db.MemberStats.Where(s => s.Dormancy == Dormancy.Active), m => m.Id, s => s.MemberId,
                (m, s) => new { m.Id, m.MemberNumber, m.Name, m.JoinedOn, s.LastPaymentOn, s.LastContactOn })
            .Where(x => x.JoinedOn <= b && (x.LastPaymentOn == null || x.LastPaymentOn <= b) && (x.LastContactOn == null || x.LastContactOn <= b));
        var byPayment = rows.Where(x => x.LastPaymentOn >= a);
        var byContact = rows.Where(x => x.LastContactOn >= a);
        var byJoining = rows.Where(x => x.JoinedOn >= a);
        var count = await byPayment.Select(x => x.Id).Union(byContact.Select(x => x.Id)).Union(byJoining.Select(x => x.Id)).CountAsync(ct);
        var first = (await byPayment.OrderBy(x => x.LastPaymentOn).Take(Shown).ToListAsync(ct))
            .Concat(await byContact.OrderBy(x => x.LastContactOn).Take(Shown).ToListAsync(ct))
            .Concat(await byJoining.OrderBy(x => x.JoinedOn).Take(Shown).ToListAsync(ct))
            .DistinctBy(x => x.Id)
            .Select(x =>
            {
                var last = new[] { x.LastPaymentOn, x.LastContactOn, x.JoinedOn }.Max()!.Value;
                return new DormantItem(x.Id, x.MemberNumber, x.Name, last, TodayRules.DormantOn(last, rules), x.LastPaymentOn, x.LastContactOn);
            })
            .OrderBy(x => x.DormantOn).ThenBy(x => x.MemberNumber)
            .Take(Shown)
            .ToList();
        return new(count, first);
    }

    /// <summary>
    /// Counted from the (Status, DueOn) index alone: the total owed would read every open invoice's row (a third of a
    /// second at 130,000 open invoices), so it stays on 未納・督促.
    /// </summary>
    private async Task<Section<OverdueItem>> OverdueAsync(DateOnly today, CancellationToken ct)
    {
        var q = db.Invoices.AsNoTracking().Where(i => (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartlyPaid) && i.DueOn < today);
        var count = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(Shown)
            .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { i.Id, i.InvoiceNumber, i.MemberId, m.Name, i.Total, i.PaidAmount, i.DueOn })
            .ToListAsync(ct);
        return new(count, rows.Select(r => new OverdueItem(r.Id, r.InvoiceNumber, r.MemberId, r.Name, r.Total - r.PaidAmount, r.DueOn)).ToList());
    }

    /// <summary>Open requests still to come that have fewer people who said yes than they need.</summary>
    private async Task<Section<ShortRequestItem>> ShortRequestsAsync(DateOnly today, CancellationToken ct)
    {
        var rows = await db.VolunteerRequests.AsNoTracking()
            .Where(r => r.Status == VolunteerRequestStatus.Open && (r.Date ?? r.PeriodTo ?? r.PeriodFrom) >= today)
            .Select(r => new { r, Going = db.VolunteerAssignments.Count(a => a.RequestId == r.Id && a.Status == AssignmentStatus.Accepted) })
            .Where(x => x.Going < x.r.PeopleNeeded)
            .OrderBy(x => x.r.Date ?? x.r.PeriodFrom).ThenBy(x => x.r.Id)
            .Take(50)
            .ToListAsync(ct);
        var items = rows.Select(x => new ShortRequestItem(x.r.Id, x.r.Title, VolunteerLabels.When(x.r), x.r.FirstDay, x.r.PeopleNeeded, x.Going)).ToList();
        return new(items.Count, items.Take(Shown).ToList());
    }
}
