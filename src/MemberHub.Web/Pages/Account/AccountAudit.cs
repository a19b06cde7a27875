using MemberHub.Auditing;

namespace MemberHub.Web.Pages.Account;

/// <summary>
/// Audit rows for sign-in accounts. AppUser is not IAudited (Identity writes it through its own store, and
/// most of its columns are hashes and counters), so the handlers that change accounts write these rows.
/// </summary>
public static class AccountAudit
{
    public const string EntityType = "AppUser";
    /// <summary>Invitations are audited under their own id: the account does not exist yet.</summary>
    public const string InvitationEntityType = "Invitation";
    public const string Invite = "招待";
    public const string RevokeInvitation = "招待取消";
    public const string AcceptInvitation = "招待受諾";
    public const string ChangeRoles = "役割変更";
    public const string Deactivate = "無効化";
    public const string Reactivate = "有効化";
    public const string IssuePasswordReset = "再設定リンク発行";
    public const string ResetPassword = "パスワード再設定";
    public const string ChangePassword = "パスワード変更";
    public const string EnableTwoFactor = "2段階認証有効化";
    public const string DisableTwoFactor = "2段階認証無効化";
    public const string RegenerateRecoveryCodes = "リカバリーコード再発行";

    public static AuditEntry Entry(IAuditActor actor, TimeProvider clock, string userId, string action,
        string? field = null, string? before = null, string? after = null, string entityType = EntityType) => new()
    {
        OccurredAt = clock.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        UserName = actor.UserName,
        EntityType = entityType,
        EntityId = userId,
        Action = action,
        Field = field,
        Before = before,
        After = after,
    };
}
