using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Account;

public sealed class AcceptInvitationRequest
{
    public string Token { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class AcceptInvitationRequestValidator : AbstractValidator<AcceptInvitationRequest>
{
    public AcceptInvitationRequestValidator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("お名前を入力してください。").MaximumLength(200).WithMessage("お名前は200文字以内で入力してください。");
        RuleFor(r => r.Password).Must(p => (p ?? "").Length >= 12).WithMessage("パスワードは12文字以上にしてください。");
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithMessage("確認用のパスワードが一致しません。");
    }
}

/// <summary>What the invitee sees before setting a password; null fields when the link cannot be used.</summary>
public sealed record InvitationView(InvitationState? State, string Email, string DisplayName, string Role);

public enum AcceptOutcome { Created, Invalid, Unusable }

public sealed class AcceptInvitationHandler(
    MemberHubDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IValidator<AcceptInvitationRequest> validator,
    IAuditActor actor,
    TimeProvider clock)
{
    /// <summary>The invitation behind a link; State is null when no invitation has this token.</summary>
    public async Task<InvitationView> FindAsync(string? token)
    {
        var invitation = await LoadAsync(token);
        return invitation is null
            ? new InvitationView(null, "", "", "")
            : new InvitationView(invitation.StateAt(Now), invitation.Email, invitation.DisplayName, invitation.Role);
    }

    public async Task<(AcceptOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors)> HandleAsync(AcceptInvitationRequest request)
    {
        var invitation = await LoadAsync(request.Token);
        if (invitation is null || invitation.StateAt(Now) != InvitationState.Pending) return (AcceptOutcome.Unusable, []);
        var result = await validator.ValidateAsync(request);
        if (!result.IsValid) return (AcceptOutcome.Invalid, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList());

        await using var tx = await db.Database.BeginTransactionAsync();
        // Claim the invitation first: of two simultaneous submissions only one updates the row.
        var now = Now;
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now));
        if (claimed != 1) return (AcceptOutcome.Unusable, []);

        var user = new AppUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            // The link reached its owner's mailbox (or was handed over by the administrator in person).
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
            return (AcceptOutcome.Invalid, created.Errors.Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(AcceptInvitationRequest.Password) : "", e.Description)).ToList());
        var role = await users.AddToRoleAsync(user, invitation.Role);
        if (!role.Succeeded) return (AcceptOutcome.Invalid, role.Errors.Select(e => ("", e.Description)).ToList());

        if (invitation.Role == Roles.Volunteer && invitation.MemberId is { } memberId)
        {
            var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId);
            if (member is not null && member.UserId is null)
            {
                member.UserId = user.Id;
                member.Version++;
                member.UpdatedAt = now;
            }
        }
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, user.Id, AccountAudit.AcceptInvitation, "Role", null, invitation.Role));
        await db.SaveChangesAsync();
        await tx.CommitAsync();

        await signIn.SignInAsync(user, isPersistent: false);
        return (AcceptOutcome.Created, []);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Invitation?> LoadAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = InvitationToken.Hash(token);
        return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash);
    }
}
