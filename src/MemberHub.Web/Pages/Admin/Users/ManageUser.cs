using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Identity;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.Users;

public sealed record UserDetail(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool IsActive,
    bool TwoFactorEnabled, bool IsLockedOut, DateTime CreatedAt, int? MemberNumber, bool IsSelf);

public sealed class UserDetailQuery(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    public async Task<UserDetail?> GetAsync(string id)
    {
        var u = await db.Users.Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.DisplayName, x.Email, x.IsActive, x.TwoFactorEnabled, x.LockoutEnd, x.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == x.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                MemberNumber = db.Members.Where(m => m.UserId == x.Id).Select(m => (int?)m.MemberNumber).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        return u is null ? null : new UserDetail(u.Id, u.DisplayName, u.Email ?? "", UserListQuery.SortRoles(u.Roles), u.IsActive,
            u.TwoFactorEnabled, u.LockoutEnd > clock.GetUtcNow(), u.CreatedAt, u.MemberNumber, u.Id == actor.UserId);
    }
}

/// <summary>Guards shared by role changes and deactivation: the organisation must keep an administrator.</summary>
file static class AdminGuard
{
    public static Task<int> OtherActiveAdminsAsync(MemberHubDbContext db, string exceptUserId) =>
        db.UserRoles.Where(ur => ur.UserId != exceptUserId)
            .Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, u) => id)
            .CountAsync();
}

public sealed class ChangeUserRolesHandler(MemberHubDbContext db, UserManager<AppUser> users, IAuditActor actor, TimeProvider clock)
{
    /// <summary>Returns an error message, or null when the roles were changed.</summary>
    public async Task<string?> HandleAsync(string userId, IReadOnlyCollection<string> requested)
    {
        var wanted = Roles.All.Where(requested.Contains).ToList();
        if (wanted.Count == 0) return "役割を1つ以上選んでください。利用をやめる人は「利用停止」にしてください。";
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "ユーザーが見つかりません。";
        var current = UserListQuery.SortRoles(await users.GetRolesAsync(user));
        if (current.SequenceEqual(wanted)) return null;
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await AdminGuard.OtherActiveAdminsAsync(db, user.Id) == 0)
            return "管理者が1人もいなくなるため、この人の「管理者」の役割は外せません。先に別の人を管理者にしてください。";

        await using var tx = await db.Database.BeginTransactionAsync();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded) return string.Join(" ", added.Errors.Select(e => e.Description));
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, user.Id, AccountAudit.ChangeRoles, "Roles",
            string.Join("、", current.Select(Roles.Label)), string.Join("、", wanted.Select(Roles.Label))));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return null;
    }
}

public sealed class UserActivationHandler(MemberHubDbContext db, UserManager<AppUser> users, IAuditActor actor, TimeProvider clock)
{
    /// <summary>Returns an error message, or null when done.</summary>
    public async Task<string?> HandleAsync(string userId, bool active)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "ユーザーが見つかりません。";
        if (user.IsActive == active) return null;
        if (!active && user.Id == actor.UserId) return "自分自身を利用停止にすることはできません。";
        if (!active && await users.IsInRoleAsync(user, Roles.Admin) && await AdminGuard.OtherActiveAdminsAsync(db, user.Id) == 0)
            return "最後の管理者は利用停止にできません。";

        await using var tx = await db.Database.BeginTransactionAsync();
        user.IsActive = active;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return string.Join(" ", updated.Errors.Select(e => e.Description));
        // A new security stamp voids outstanding reset links; open sessions end at the next stamp check.
        if (!active) await users.UpdateSecurityStampAsync(user);
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, user.Id, active ? AccountAudit.Reactivate : AccountAudit.Deactivate,
            nameof(AppUser.IsActive), (!active).ToString(), active.ToString()));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return null;
    }
}

/// <summary>Sent: e-mailed to the user. Otherwise Link is shown to the administrator once.</summary>
public sealed record PasswordResetResult(bool Sent, string? Link, string? Error);

public sealed class IssuePasswordResetHandler(
    MemberHubDbContext db,
    UserManager<AppUser> users,
    PasswordResetLinkHandler links,
    IMailSender mail,
    IAuditActor actor,
    TimeProvider clock,
    ILogger<IssuePasswordResetHandler> logger)
{
    public async Task<PasswordResetResult> HandleAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new(false, null, "ユーザーが見つかりません。");
        if (!user.IsActive) return new(false, null, "利用停止中のユーザーです。先に利用を再開してください。");
        var link = await links.CreateAsync(user);
        var sent = false;
        if (mail.IsConfigured)
        {
            try
            {
                await mail.SendAsync(PasswordResetLinkHandler.Message(user, link));
                sent = true;
            }
            catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException)
            {
                logger.LogError(e, "Could not send a password-reset e-mail.");
            }
        }
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, user.Id, AccountAudit.IssuePasswordReset, null, null, sent ? "メール送信" : "画面表示"));
        await db.SaveChangesAsync();
        return sent ? new(true, null, null) : new(false, link, mail.IsConfigured ? "メールを送信できませんでした。代わりに次のリンクをご本人にお伝えください。" : null);
    }
}
