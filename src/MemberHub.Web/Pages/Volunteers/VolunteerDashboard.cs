using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Volunteers;
using MemberHub.Web.Pages.Volunteers.People;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers;

public sealed record RequestRow(long Id, string Title, string When, DateOnly FirstDay, DateOnly LastDay, int Needed, int Going, int Waiting,
    int NotReminded, int AttendanceMissing, bool IsLectureDispatch, VolunteerRequestStatus Status);

public sealed record DashboardView(IReadOnlyList<RequestRow> Upcoming, IReadOnlyList<RequestRow> Recent, IReadOnlyList<RequestRow> RemindersDue,
    WorkSpread Spread, DateOnly YearStart, int Volunteers, int OverdueLoans);

/// <summary>The volunteer office's start page: what is coming, what needs a reminder or attendance, and how evenly work was spread this year.</summary>
public sealed class VolunteerDashboardQuery(MemberHubDbContext db, TimeProvider clock)
{
    public const int ReminderDays = 3;

    public async Task<DashboardView> RunAsync()
    {
        var today = JapanTime.Today(clock);
        var yearStart = await VolunteerHistoryQuery.FiscalYearStartAsync(db, today);
        var rows = (await db.VolunteerRequests.AsNoTracking()
            .Where(r => r.Status != VolunteerRequestStatus.Cancelled || (r.Date ?? r.PeriodTo) >= today)
            .Where(r => (r.Date ?? r.PeriodTo) >= today.AddDays(-60))
            .Select(r => new
            {
                r,
                Going = db.VolunteerAssignments.Count(a => a.RequestId == r.Id && a.Status == AssignmentStatus.Accepted),
                Waiting = db.VolunteerAssignments.Count(a => a.RequestId == r.Id && a.Status == AssignmentStatus.Invited),
                NotReminded = db.VolunteerAssignments.Count(a => a.RequestId == r.Id && a.Status == AssignmentStatus.Accepted && a.ReminderQueuedAt == null),
                Missing = db.VolunteerAssignments.Count(a => a.RequestId == r.Id && a.Status == AssignmentStatus.Accepted && a.Attended == null),
            })
            .ToListAsync())
            .Select(x => new RequestRow(x.r.Id, x.r.Title, VolunteerLabels.When(x.r), x.r.FirstDay, x.r.LastDay, x.r.PeopleNeeded, x.Going, x.Waiting,
                x.NotReminded, x.Missing, x.r.IsLectureDispatch, x.r.Status))
            .ToList();
        var upcoming = rows.Where(r => r.LastDay >= today).OrderBy(r => r.FirstDay).ThenBy(r => r.Id).ToList();
        var recent = rows.Where(r => r.LastDay < today).OrderByDescending(r => r.LastDay).ThenBy(r => r.Id).ToList();
        var reminders = upcoming.Where(r => r.Status != VolunteerRequestStatus.Cancelled && r.NotReminded > 0 && r.FirstDay <= today.AddDays(ReminderDays)).ToList();

        var active = db.VolunteerProfiles.Where(p => p.IsActive)
            .Join(db.Members.Where(m => !m.IsArchived && m.Status == MemberStatus.Active), p => p.MemberId, m => m.Id, (p, m) => p.MemberId);
        var volunteers = await active.CountAsync();
        var served = await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.Attended == true && a.ServedOn >= yearStart && active.Contains(a.MemberId))
            .GroupBy(a => a.MemberId).Select(g => g.Sum(a => a.MinutesServed ?? 0)).ToListAsync();
        var spread = WorkSpread.Of(served.Concat(Enumerable.Repeat(0, Math.Max(0, volunteers - served.Count))));
        var overdue = await db.EquipmentLoans.CountAsync(l => l.ReturnedOn == null && l.DueOn < today);
        return new DashboardView(upcoming, recent, reminders, spread, yearStart, volunteers, overdue);
    }
}
