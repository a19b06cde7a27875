using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using MemberHub.Ledger;
using MemberHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MemberHub.Web.Pages.FollowUp.Dashboard;

public sealed record BarSeries(string Name, string Color, IReadOnlyList<long> Values);

/// <summary>A server-drawn bar chart: labels along the bottom, one or two series side by side.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<string> Labels, IReadOnlyList<BarSeries> Series, bool Money = false, string Unit = "名")
{
    /// <summary>Half-width charts draw on a narrower canvas so their text stays readable when scaled down.</summary>
    public int Width { get; init; } = 480;
}

public sealed record PrefectureCount(string Prefecture, long Count);

public sealed record FollowUpDashboardView(
    long CurrentMembers,
    long DormantNow,
    long NoMailingNow,
    BarChart ByClass,
    BarChart ByStage,
    BarChart JoinsAndWithdrawals,
    BarChart DormantOverTime,
    BarChart PaymentsPerMonth,
    IReadOnlyList<PrefectureCount> Prefectures,
    long NoPrefecture,
    int DormantAfterMonths);

/// <summary>
/// The pictures of the follow-up dashboard. Counts come from GROUP BY queries over MemberStats and Members; the
/// dormant count over time is worked out in one pass over the touches of the last three years (payments, contacts,
/// attendance, service), grouped to one row per member and day, worked out ahead by the daily worker and kept for two hours.
/// </summary>
public sealed class FollowUpDashboardQuery(MemberHubDbContext db, TimeProvider clock, IMemoryCache cache)
{
    private const int Months = 24;
    private static readonly MemberStatus[] Gone = [MemberStatus.Withdrawn, MemberStatus.Deceased];

    public async Task<FollowUpDashboardView> RunAsync(CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        var rules = await MemberStatsRefresher.LoadRulesAsync(db, ct);

        // Everyone's counts come from the (Class, Stage) and (Dormancy) indexes alone; the few withdrawn or deceased
        // members are counted separately and taken off. One join over 100,000 rows would read every row of both tables.
        var allByClass = await db.MemberStats.GroupBy(s => new { s.Class, s.Stage }).Select(g => new { g.Key.Class, g.Key.Stage, Count = g.Count() }).ToListAsync(ct);
        var allByDormancy = await db.MemberStats.GroupBy(s => s.Dormancy).Select(g => new { Dormancy = g.Key, Count = g.Count() }).ToListAsync(ct);
        var gone = await (from m in db.Members
                          where m.Status == MemberStatus.Withdrawn || m.Status == MemberStatus.Deceased
                          join s in db.MemberStats on m.Id equals s.MemberId
                          group s by new { s.Class, s.Stage, s.Dormancy } into g
                          select new { g.Key.Class, g.Key.Stage, g.Key.Dormancy, Count = g.Count() }).ToListAsync(ct);
        var placements = allByClass.Select(a => new { a.Class, a.Stage, Count = a.Count - gone.Where(x => x.Class == a.Class && x.Stage == a.Stage).Sum(x => x.Count) }).ToList();
        long Current(Dormancy d) => allByDormancy.Where(a => a.Dormancy == d).Sum(a => (long)a.Count) - gone.Where(x => x.Dormancy == d).Sum(x => (long)x.Count);
        var classes = new[] { SupporterClass.None, SupporterClass.FirstTime, SupporterClass.Second, SupporterClass.Steady, SupporterClass.Burst, SupporterClass.Loyal };
        var stages = Enum.GetValues<SupporterStage>();
        var byClass = new BarChart("chart-class", "分類別の会員数", classes.Select(SupporterClassifier.Label).ToList(),
            [new BarSeries("会員数", "#0d6efd", classes.Select(c => (long)placements.Where(p => p.Class == c).Sum(p => p.Count)).ToList())]);
        var byStage = new BarChart("chart-stage", "段階別の会員数", stages.Select(SupporterClassifier.Label).ToList(),
            [new BarSeries("会員数", "#6f42c1", stages.Select(s => (long)placements.Where(p => p.Stage == s).Sum(p => p.Count)).ToList())]);

        var prefectures = await db.Members.Where(m => m.Status != MemberStatus.Withdrawn && m.Status != MemberStatus.Deceased)
            .GroupBy(m => m.Prefecture).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var history = await CachedHistoryAsync(today, rules.DormantAfterMonths, ct);

        return new FollowUpDashboardView(
            placements.Sum(p => (long)p.Count),
            Current(Dormancy.Dormant) + Current(Dormancy.DormantNoMailing),
            Current(Dormancy.DormantNoMailing),
            byClass, byStage, history.Joins, history.Dormant, await PaymentsPerMonthAsync(today, ct),
            prefectures.Where(p => !string.IsNullOrWhiteSpace(p.Key)).Select(p => new PrefectureCount(p.Key!, p.Count)).ToList(),
            prefectures.Where(p => string.IsNullOrWhiteSpace(p.Key)).Sum(p => (long)p.Count),
            rules.DormantAfterMonths);
    }

    /// <summary>Works out the history once a day ahead of the first visitor (called by the daily placement worker).</summary>
    public async Task WarmAsync(CancellationToken ct = default)
    {
        var rules = await MemberStatsRefresher.LoadRulesAsync(db, ct);
        await CachedHistoryAsync(JapanTime.Today(clock), rules.DormantAfterMonths, ct);
    }

    // Month-end counts of the past do not change within a day; the figures at the top of the page are live. The key
    // also carries a fingerprint of the facts (newest member, payment, contact and attendance, number who left), read
    // from primary keys and indexes, so members imported or payments posted since show at once instead of hours later.
    private async Task<History> CachedHistoryAsync(DateOnly today, int dormantAfterMonths, CancellationToken ct)
    {
        var fingerprint = string.Join(":",
            await db.Members.MaxAsync(m => (long?)m.Id, ct) ?? 0,
            await db.Members.CountAsync(m => m.Status == MemberStatus.Withdrawn || m.Status == MemberStatus.Deceased, ct),
            await db.Payments.MaxAsync(p => (long?)p.Id, ct) ?? 0,
            await db.ContactRecords.MaxAsync(c => (long?)c.Id, ct) ?? 0,
            await db.EventAttendances.MaxAsync(a => (long?)a.Id, ct) ?? 0);
        return await cache.GetOrCreateAsync(("followup-dashboard-history", today, dormantAfterMonths, fingerprint), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(2);
            return await ComputeHistoryAsync(today, dormantAfterMonths, ct);
        }) ?? throw new InvalidOperationException("no dashboard history");
    }

    public sealed record History(BarChart Joins, BarChart Dormant);
    private sealed record TouchRow(long MemberId, DateOnly On);

    /// <summary>Joins and withdrawals per year and the dormant count at each month end, without the cache.</summary>
    public async Task<History> ComputeHistoryAsync(DateOnly today, int dormantAfterMonths, CancellationToken ct = default)
    {
        var members = await db.Members.AsNoTracking()
            .Select(m => new { m.Id, m.JoinedOn, Gone = m.Status == MemberStatus.Withdrawn || m.Status == MemberStatus.Deceased, m.StatusChangedOn })
            .ToListAsync(ct);

        // Joins and withdrawals per year, the last ten years.
        var years = Enumerable.Range(today.Year - 9, 10).ToList();
        var joins = years.Select(y => (long)members.Count(m => m.JoinedOn.Year == y)).ToList();
        var leaves = years.Select(y => (long)members.Count(m => m.Gone && m.StatusChangedOn.Year == y)).ToList();
        var joinChart = new BarChart("chart-joins", "入会・退会（年別）", years.Select(y => y + "年").ToList(),
            [new BarSeries("入会", "#198754", joins), new BarSeries("退会", "#dc3545", leaves)]);

        // The end of each of the last 24 months (this month: today).
        var points = Enumerable.Range(0, Months).Select(i =>
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(i - Months + 1);
            var end = first.AddMonths(1).AddDays(-1);
            return end > today ? today : end;
        }).ToArray();
        var since = points[0].AddMonths(-dormantAfterMonths);
        var touches = await TouchesAsync(since, ct);
        var byMember = touches.GroupBy(t => t.MemberId).ToDictionary(g => g.Key, g => g.Select(t => t.On).Order().ToArray());

        var dormant = new long[Months];
        foreach (var m in members)
        {
            var own = byMember.GetValueOrDefault(m.Id) ?? [];
            var j = -1;
            for (var k = 0; k < Months; k++)
            {
                var d = points[k];
                if (m.JoinedOn > d || (m.Gone && m.StatusChangedOn <= d)) continue;
                while (j + 1 < own.Length && own[j + 1] <= d) j++;
                var last = j >= 0 && own[j] > m.JoinedOn ? own[j] : m.JoinedOn;
                if (d >= last.AddMonths(dormantAfterMonths)) dormant[k]++;
            }
        }
        var dormantChart = new BarChart("chart-dormant", "休眠の人数（各月末）", points.Select(p => $"{p.Month}月").ToList(),
            [new BarSeries("休眠", "#fd7e14", dormant)]);
        return new History(joinChart, dormantChart);
    }

    /// <summary>One row per member and day on which they paid, were in touch, came to an event or served.</summary>
    private async Task<List<TouchRow>> TouchesAsync(DateOnly since, CancellationToken ct)
    {
        // By the paying member, from the payments alone: the (MemberId, ReceivedOn) index answers it in order without
        // touching the allocations, several times faster than the join. A household transfer counts for the payer only:
        // close enough for a trend, and the member's own placement (MemberStats) counts every allocation.
        var payments = await db.Payments
            .Where(p => p.MemberId != null && p.ReceivedOn >= since && p.ReversesPaymentId == null && p.ReversedByPaymentId == null)
            .GroupBy(p => new { MemberId = p.MemberId!.Value, p.ReceivedOn })
            .Select(g => new TouchRow(g.Key.MemberId, g.Key.ReceivedOn)).ToListAsync(ct);
        var contacts = await db.ContactRecords.Where(c => c.OccurredOn >= since)
            .GroupBy(c => new { c.MemberId, c.OccurredOn }).Select(g => new TouchRow(g.Key.MemberId, g.Key.OccurredOn)).ToListAsync(ct);
        var events = await (from a in db.EventAttendances
                            join e in db.OrganisationEvents on a.EventId equals e.Id
                            where !e.IsCancelled && e.HeldOn >= since
                            select new TouchRow(a.MemberId, e.HeldOn)).ToListAsync(ct);
        var service = await db.VolunteerAssignments.Where(v => v.Attended == true && v.ServedOn != null && v.ServedOn >= since)
            .GroupBy(v => new { v.MemberId, ServedOn = v.ServedOn!.Value }).Select(g => new TouchRow(g.Key.MemberId, g.Key.ServedOn)).ToListAsync(ct);
        return [.. payments, .. contacts, .. events, .. service];
    }

    private sealed record DayTotal(DateOnly Day, long Amount, long Count);

    private async Task<BarChart> PaymentsPerMonthAsync(DateOnly today, CancellationToken ct)
    {
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-Months + 1);
        // Reversed payments and their reversals left out; quoted names and the CAST work on SQLite and PostgreSQL.
        var days = await db.Database.SqlQuery<DayTotal>($"""
            SELECT "ReceivedOn" AS "Day", CAST(COALESCE(SUM("Amount"), 0) AS BIGINT) AS "Amount", CAST(COUNT(*) AS BIGINT) AS "Count"
            FROM "Payments"
            WHERE "ReceivedOn" >= {start} AND "ReversesPaymentId" IS NULL AND "ReversedByPaymentId" IS NULL
            GROUP BY "ReceivedOn"
            """).ToListAsync(ct);
        var months = Enumerable.Range(0, Months).Select(i => start.AddMonths(i)).ToList();
        return new BarChart("chart-payments", "月別の入金額", months.Select(m => m.Month == 1 || m == months[0] ? $"{m.Year % 100}年{m.Month}月" : $"{m.Month}月").ToList(),
            [new BarSeries("入金額", "#0d6efd", months.Select(m => days.Where(d => d.Day.Year == m.Year && d.Day.Month == m.Month).Sum(d => d.Amount)).ToList())],
            Money: true, Unit: "円") { Width = 900 };
    }
}
