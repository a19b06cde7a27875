using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Volunteers.Requests;

public sealed record RosterRow(long AssignmentId, long MemberId, int MemberNumber, string Name, string? Email, string? Phone,
    AssignmentStatus Status, InvitationChannel Via, DateOnly InvitedOn, bool AnsweredByStaff, DateTime? ReminderQueuedAt,
    bool? Attended, int? Minutes);

public sealed record RequestDetailsView(VolunteerRequest Request, IReadOnlyList<string> AreaNames, IReadOnlyList<RosterRow> Roster,
    IReadOnlyList<RankedCandidate> Candidates, int CandidatesShown, bool IsPast)
{
    public int Going => Roster.Count(r => r.Status == AssignmentStatus.Accepted);
}

/// <summary>A request with everyone asked (and their answers) and, while it is open, the ranked candidates.</summary>
public sealed class RequestDetailsQuery(MemberHubDbContext db, FindCandidatesQuery candidates, TimeProvider clock)
{
    public const int DefaultShown = 30;

    public async Task<RequestDetailsView?> RunAsync(long id, bool all)
    {
        var request = await db.VolunteerRequests.AsNoTracking().Include(r => r.Areas).ThenInclude(a => a.Area).FirstOrDefaultAsync(r => r.Id == id);
        if (request is null) return null;
        var roster = await db.VolunteerAssignments.AsNoTracking().Where(a => a.RequestId == id)
            .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new RosterRow(a.Id, m.Id, m.MemberNumber, m.Name, m.Email,
                m.MobilePhone ?? m.Phone, a.Status, a.InvitedVia, a.InvitedOn, a.AnsweredByStaff, a.ReminderQueuedAt, a.Attended, a.MinutesServed))
            .ToListAsync();
        roster = roster.OrderBy(r => r.Status switch { AssignmentStatus.Accepted => 0, AssignmentStatus.Invited => 1, _ => 2 }).ThenBy(r => r.MemberNumber).ToList();
        var today = JapanTime.Today(clock);
        var ranked = request.Status == VolunteerRequestStatus.Open && request.LastDay >= today ? await candidates.RankAsync(request) : [];
        var areaNames = request.Areas.OrderBy(a => a.Area!.SortOrder).Select(a => a.Area!.GroupName == a.Area.Name ? a.Area.Name : $"{a.Area.GroupName}：{a.Area.Name}").ToList();
        return new RequestDetailsView(request, areaNames, roster, ranked, all ? ranked.Count : Math.Min(DefaultShown, ranked.Count), request.FirstDay <= today);
    }
}
