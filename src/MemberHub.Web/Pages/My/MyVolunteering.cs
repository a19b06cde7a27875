using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Volunteers;
using MemberHub.Web.Pages.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.My;

/// <summary>
/// A request as the invited volunteer sees it: its details, their own answer, and the given names of the others
/// going, only of those who agreed to be named (Member.ConsentToBeNamed); the rest are only counted.
/// Never anyone's contact details.
/// </summary>
public sealed record MyInvitation(long AssignmentId, long RequestId, string Title, string When, string? Place, string? Description,
    bool IsLectureDispatch, string? OutsideBody, AssignmentStatus Status, IReadOnlyList<string> OthersNamed, int OthersUnnamed, bool Cancelled);

/// <summary>The volunteering part of マイページ: always the member linked to the signed-in account.</summary>
public sealed class MyVolunteeringQuery(MemberHubDbContext db, TimeProvider clock)
{
    public async Task<long?> OwnMemberIdAsync(string userId) =>
        await db.Members.Where(m => m.UserId == userId).Select(m => (long?)m.Id).FirstOrDefaultAsync();

    public async Task<int> PendingCountAsync(long memberId) =>
        (await InvitationsAsync(memberId)).Count(i => i.Status == AssignmentStatus.Invited && !i.Cancelled);

    /// <summary>Invitations and bookings from today on, with what the volunteer may know of the others going.</summary>
    public async Task<IReadOnlyList<MyInvitation>> InvitationsAsync(long memberId)
    {
        var today = JapanTime.Today(clock);
        var mine = (await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.MemberId == memberId && a.Status != AssignmentStatus.Cancelled)
            .Select(a => new { a.Id, a.Status, r = a.Request! })
            .ToListAsync())
            .Where(x => x.r.LastDay >= today)
            .OrderBy(x => x.r.FirstDay).ThenBy(x => x.Id)
            .ToList();
        var requestIds = mine.Select(x => x.r.Id).ToList();
        var others = await db.VolunteerAssignments.AsNoTracking()
            .Where(a => requestIds.Contains(a.RequestId) && a.MemberId != memberId && a.Status == AssignmentStatus.Accepted)
            .Join(db.Members, a => a.MemberId, m => m.Id, (a, m) => new { a.RequestId, m.Name, m.ConsentToBeNamed })
            .ToListAsync();
        return mine.Select(x =>
        {
            var going = others.Where(o => o.RequestId == x.r.Id).ToList();
            var named = going.Where(o => o.ConsentToBeNamed).Select(o => VolunteerLabels.GivenName(o.Name)).OfType<string>().Order().ToList();
            return new MyInvitation(x.Id, x.r.Id, x.r.Title, VolunteerLabels.When(x.r), x.r.Place, x.r.Description, x.r.IsLectureDispatch,
                x.r.OutsideBody, x.Status, named, going.Count - named.Count, x.r.Status == VolunteerRequestStatus.Cancelled);
        }).ToList();
    }
}
