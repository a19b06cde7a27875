using MemberHub.Data;
using MemberHub.Identity;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.Users;

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool IsActive, bool TwoFactorEnabled, bool IsLockedOut);

public sealed record InvitationRow(long Id, string Email, string DisplayName, string Role, int? MemberNumber, InvitationState State, DateTime CreatedAt, DateTime ExpiresAt, string? CreatedBy);

public sealed record UserAdministrationView(IReadOnlyList<UserRow> Users, IReadOnlyList<InvitationRow> Invitations);

public sealed class UserListQuery(MemberHubDbContext db, TimeProvider clock)
{
    public const int RecentInvitations = 30;

    public async Task<UserAdministrationView> GetAsync()
    {
        var now = clock.GetUtcNow();
        var users = await db.Users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsActive, u.TwoFactorEnabled, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync();

        var invitations = await db.Invitations
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(RecentInvitations)
            .Select(i => new
            {
                Invitation = i,
                MemberNumber = db.Members.Where(m => m.Id == i.MemberId).Select(m => (int?)m.MemberNumber).FirstOrDefault(),
                CreatedBy = db.Users.Where(u => u.Id == i.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();

        return new UserAdministrationView(
            users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", SortRoles(u.Roles), u.IsActive, u.TwoFactorEnabled, u.LockoutEnd > now)).ToList(),
            invitations.Select(x => new InvitationRow(x.Invitation.Id, x.Invitation.Email, x.Invitation.DisplayName, x.Invitation.Role, x.MemberNumber,
                x.Invitation.StateAt(now.UtcDateTime), x.Invitation.CreatedAt, x.Invitation.ExpiresAt, x.CreatedBy)).ToList());
    }

    public static IReadOnlyList<string> SortRoles(IEnumerable<string> roles) => Roles.All.Where(roles.Contains).ToList();
}
