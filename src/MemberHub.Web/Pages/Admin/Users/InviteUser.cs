using System.Globalization;
using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Identity;
using MemberHub.Organisation;
using MemberHub.Web.Infrastructure;
using MemberHub.Web.Pages.Account;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Admin.Users;

public sealed class InviteRequest
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Staff;
    /// <summary>For a volunteer: the member number (会員番号) whose マイページ the account opens.</summary>
    public int? MemberNumber { get; set; }
}

public sealed class InviteRequestValidator : AbstractValidator<InviteRequest>
{
    public InviteRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("メールアドレスを入力してください。")
            .MaximumLength(254).WithMessage("メールアドレスが長すぎます。")
            .EmailAddress().WithMessage("メールアドレスの形式が正しくありません。");
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("お名前を入力してください。").MaximumLength(200).WithMessage("お名前は200文字以内で入力してください。");
        RuleFor(r => r.Role).Must(r => Roles.All.Contains(r)).WithMessage("役割を選んでください。");
        RuleFor(r => r.MemberNumber).Null().When(r => r.Role != Roles.Volunteer).WithMessage("会員番号はボランティアを招待するときだけ指定できます。");
        RuleFor(r => r.MemberNumber).GreaterThan(0).WithMessage("会員番号が正しくありません。");
    }
}

/// <summary>Sent: the e-mail went out. Link: show it on screen (no mail server, or sending failed).</summary>
public sealed record InviteResult(bool Sent, string? Link, bool SendFailed, string Email);

public sealed class InviteUserHandler(
    MemberHubDbContext db,
    IValidator<InviteRequest> validator,
    IMailSender mail,
    SiteLinks links,
    IAuditActor actor,
    TimeProvider clock,
    ILogger<InviteUserHandler> logger)
{
    public bool CanSendMail => mail.IsConfigured;

    public async Task<(InviteResult? Result, IReadOnlyList<(string Field, string Message)> Errors)> HandleAsync(InviteRequest request)
    {
        var result = await validator.ValidateAsync(request);
        if (!result.IsValid) return (null, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        var email = request.Email.Trim();
        var normalized = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized))
            return (null, [(nameof(InviteRequest.Email), "このメールアドレスのアカウントは既にあります。")]);

        long? memberId = null;
        if (request.MemberNumber is { } number)
        {
            var member = await db.Members.Where(m => m.MemberNumber == number).Select(m => new { m.Id, m.UserId }).SingleOrDefaultAsync();
            if (member is null) return (null, [(nameof(InviteRequest.MemberNumber), $"会員番号 {number} の会員が見つかりません。")]);
            if (member.UserId is not null) return (null, [(nameof(InviteRequest.MemberNumber), $"会員番号 {number} の会員には既にアカウントがあります。")]);
            memberId = member.Id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var token = InvitationToken.Create();
        var invitation = new Invitation
        {
            Email = email,
            DisplayName = request.DisplayName.Trim(),
            Role = request.Role,
            MemberId = memberId,
            TokenHash = InvitationToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + InvitationToken.Lifetime,
            CreatedByUserId = actor.UserId,
        };

        await using var tx = await db.Database.BeginTransactionAsync();
        // One open invitation per address: inviting again replaces the earlier link.
        var earlier = await db.Invitations.Where(i => i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).ToListAsync();
        foreach (var old in earlier) old.RevokedAt = now;
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, invitation.Id.ToString(CultureInfo.InvariantCulture), AccountAudit.Invite, "Email", null, email, entityType: AccountAudit.InvitationEntityType));
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, invitation.Id.ToString(CultureInfo.InvariantCulture), AccountAudit.Invite, "Role", null, Roles.Label(request.Role), entityType: AccountAudit.InvitationEntityType));
        await db.SaveChangesAsync();
        await tx.CommitAsync();

        var link = links.Absolute($"/Account/AcceptInvitation?token={token}");
        if (!mail.IsConfigured) return (new InviteResult(false, link, false, email), []);
        try
        {
            var organisation = await db.OrganisationSettings.Where(o => o.Id == OrganisationSettings.SingletonId).Select(o => o.Name).SingleOrDefaultAsync() ?? "";
            await mail.SendAsync(Message(invitation, organisation, link));
            return (new InviteResult(true, null, false, email), []);
        }
        catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            logger.LogError(e, "Could not send an invitation e-mail.");
            return (new InviteResult(false, link, true, email), []);
        }
    }

    public static MailMessage Message(Invitation invitation, string organisation, string link) => new(
        invitation.Email, invitation.DisplayName,
        $"【MemberHub】{organisation}からのご招待",
        $"""
        {invitation.DisplayName} 様

        {organisation} の会員管理システム MemberHub に「{Roles.Label(invitation.Role)}」として招待されました。
        次のリンクを開いて、お名前とパスワードを設定してください。

        {link}

        このリンクの有効期限は {JapaneseFormat.Instant(invitation.ExpiresAt)} までです。1回だけ使えます。
        お心当たりがない場合は、このメールを破棄してください。
        """);
}

public sealed class RevokeInvitationHandler(MemberHubDbContext db, IAuditActor actor, TimeProvider clock)
{
    public async Task<bool> HandleAsync(long invitationId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId);
        if (invitation is null || invitation.StateAt(now) != InvitationState.Pending) return false;
        invitation.RevokedAt = now;
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, invitation.Id.ToString(CultureInfo.InvariantCulture), AccountAudit.RevokeInvitation, "Email", invitation.Email, null, entityType: AccountAudit.InvitationEntityType));
        await db.SaveChangesAsync();
        return true;
    }
}
