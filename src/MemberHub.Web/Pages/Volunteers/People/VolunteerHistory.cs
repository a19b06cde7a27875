using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Organisation;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.People;

public sealed record HistoryRow(long AssignmentId, long RequestId, string Title, string When, string? Place, DateOnly Day,
    AssignmentStatus Status, bool? Attended, int? Minutes, bool IsLectureDispatch);

public sealed record LoanRow(long LoanId, long ItemId, string ItemName, DateOnly LentOn, DateOnly DueOn, DateOnly? ReturnedOn, bool Overdue);

public sealed record HistoryView(IReadOnlyList<HistoryRow> Upcoming, IReadOnlyList<HistoryRow> Past, long TotalMinutes, long MinutesThisYear,
    int TimesServed, DateOnly YearStart, IReadOnlyList<LoanRow> Loans);

/// <summary>One person's volunteering: what is coming, what they did (with hours), and what they have borrowed.</summary>
public sealed class VolunteerHistoryQuery(MemberHubDbContext db, TimeProvider clock)
{
    public async Task<HistoryView> RunAsync(long memberId)
    {
        var today = JapanTime.Today(clock);
        var yearStart = await FiscalYearStartAsync(db, today);
        var rows = (await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.MemberId == memberId)
            .Select(a => new { a, r = a.Request! })
            .ToListAsync())
            .Select(x => new HistoryRow(x.a.Id, x.r.Id, x.r.Title, VolunteerLabels.When(x.r), x.r.Place, x.a.ServedOn ?? x.r.LastDay,
                x.a.Status, x.a.Attended, x.a.MinutesServed, x.r.IsLectureDispatch))
            .ToList();
        var upcoming = rows.Where(r => r.Day >= today && r.Status is AssignmentStatus.Invited or AssignmentStatus.Accepted).OrderBy(r => r.Day).ToList();
        var past = rows.Except(upcoming).OrderByDescending(r => r.Day).ToList();
        var served = rows.Where(r => r.Attended == true).ToList();
        var loans = await LoansOfAsync(memberId, today);
        return new HistoryView(upcoming, past, served.Sum(r => (long)(r.Minutes ?? 0)),
            served.Where(r => r.Day >= yearStart).Sum(r => (long)(r.Minutes ?? 0)), served.Count, yearStart, loans);
    }

    private async Task<List<LoanRow>> LoansOfAsync(long memberId, DateOnly today) =>
        (await db.EquipmentLoans.AsNoTracking().Where(l => l.MemberId == memberId).OrderByDescending(l => l.LentOn)
            .Select(l => new { l.Id, l.ItemId, l.Item!.Name, l.LentOn, l.DueOn, l.ReturnedOn }).ToListAsync())
        .Select(l => new LoanRow(l.Id, l.ItemId, l.Name, l.LentOn, l.DueOn, l.ReturnedOn, l.ReturnedOn is null && l.DueOn < today)).ToList();

    /// <summary>The first day of the current 事業年度 (April by default; the organisation's setting).</summary>
    public static async Task<DateOnly> FiscalYearStartAsync(MemberHubDbContext db, DateOnly today)
    {
        var month = await db.OrganisationSettings.Where(s => s.Id == OrganisationSettings.SingletonId).Select(s => (int?)s.FiscalYearStartMonth).FirstOrDefaultAsync() ?? 4;
        var start = new DateOnly(today.Year, month, 1);
        return start > today ? start.AddYears(-1) : start;
    }
}
