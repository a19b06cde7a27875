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
/// attendance, service), grouped to one row per member and day, and kept for ten minutes.
/// </summary>
public sealed class FollowUpDashboardQuery(MemberHubDbContext db, TimeProvider clock, IMemoryCache cache)
{
    private const int Months = 24;
    private static readonly MemberStatus[] Gone = [MemberStatus.Withdrawn, MemberStatus.Deceased];

    public async Task<FollowUpDashboardView> RunAsync(CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        var rules = await MemberStatsRefresher.LoadRulesAsync(db, ct);

        var placements = await (from s in db.MemberStats
                                join m in db.Members on s.MemberId equals m.Id
                                where !m.IsArchived && m.Status != MemberStatus.Withdrawn && m.Status != MemberStatus.Deceased
                                group s by new { s.Class, s.Stage, s.Dormancy } into g
                                select new { g.Key.Class, g.Key.Stage, g.Key.Dormancy, Count = g.Count() }).ToListAsync(ct);
        var classes = new[] { SupporterClass.None, SupporterClass.FirstTime, SupporterClass.Second, SupporterClass.Steady, SupporterClass.Burst, SupporterClass.Loyal };
        var stages = Enum.GetValues<SupporterStage>();
        var byClass = new BarChart("chart-class", "分類別の会員数", classes.Select(SupporterClassifier.Label).ToList(),
            [new BarSeries("会員数", "#0d6efd", classes.Select(c => (long)placements.Where(p => p.Class == c).Sum(p => p.Count)).ToList())]);
        var byStage = new BarChart("chart-stage", "段階別の会員数", stages.Select(SupporterClassifier.Label).ToList(),
            [new BarSeries("会員数", "#6f42c1", stages.Select(s => (long)placements.Where(p => p.Stage == s).Sum(p => p.Count)).ToList())]);

        var prefectures = await db.Members.Where(m => !m.IsArchived && m.Status != MemberStatus.Withdrawn && m.Status != MemberStatus.Deceased)
            .GroupBy(m => m.Prefecture).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var history = await cache.GetOrCreateAsync(("followup-dashboard-history", today, rules.DormantAfterMonths), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return await HistoryAsync(today, rules.DormantAfterMonths, ct);
        }) ?? throw new InvalidOperationException("no dashboard history");

        return new FollowUpDashboardView(
            placements.Sum(p => p.Count),
            placements.Where(p => p.Dormancy != Dormancy.Active).Sum(p => (long)p.Count),
            placements.Where(p => p.Dormancy == Dormancy.DormantNoMailing).Sum(p => (long)p.Count),
            byClass, byStage, history.Joins, history.Dormant, await PaymentsPerMonthAsync(today, ct),
            prefectures.Where(p => !string.IsNullOrWhiteSpace(p.Key)).Select(p => new PrefectureCount(p.Key!, p.Count)).ToList(),
            prefectures.Where(p => string.IsNullOrWhiteSpace(p.Key)).Sum(p => (long)p.Count),
            rules.DormantAfterMonths);
    }

    private sealed record History(BarChart Joins, BarChart Dormant);
    private sealed record TouchRow(long MemberId, DateOnly On);

    private async Task<History> HistoryAsync(DateOnly today, int dormantAfterMonths, CancellationToken ct)
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
        var payments = await (from a in db.PaymentAllocations
                              join p in db.Payments on a.PaymentId equals p.Id
                              where a.MemberId != null && p.ReceivedOn >= since && (a.Kind == AllocationKind.Dues || a.Kind == AllocationKind.Donation)
                                    && p.ReversesPaymentId == null && p.ReversedByPaymentId == null
                              group a by new { MemberId = a.MemberId!.Value, p.ReceivedOn } into g
                              select new TouchRow(g.Key.MemberId, g.Key.ReceivedOn)).ToListAsync(ct);
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
