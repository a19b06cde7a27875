using System.Text;
using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Identity;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace MemberHub.Web.Pages.Account;

/// <summary>Reset links carry Identity's own token (valid 2 hours, void once the password or security stamp changes).</summary>
public sealed class PasswordResetLinkHandler(UserManager<AppUser> users, SiteLinks links)
{
    public async Task<string> CreateAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return links.Absolute($"/Account/ResetPassword?userId={Uri.EscapeDataString(user.Id)}&code={code}");
    }

    public static MailMessage Message(AppUser user, string link) => new(
        user.Email!, user.DisplayName,
        "【MemberHub】パスワード再設定のご案内",
        $"""
        {user.DisplayName} 様

        MemberHub のパスワード再設定のお申し込みを受け付けました。
        次のリンクを開いて、新しいパスワードを設定してください（有効期限は2時間です）。

        {link}

        お心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。
        """);
}

public enum ForgotPasswordOutcome { Accepted, AskAdministrator }

public sealed class ForgotPasswordHandler(UserManager<AppUser> users, IMailSender mail, PasswordResetLinkHandler links, ILogger<ForgotPasswordHandler> logger)
{
    public bool CanSendMail => mail.IsConfigured;

    /// <summary>Answers the same whether or not the address is registered, so the form reveals nobody's account.</summary>
    public async Task<ForgotPasswordOutcome> HandleAsync(string email)
    {
        if (!mail.IsConfigured) return ForgotPasswordOutcome.AskAdministrator;
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is { IsActive: true })
        {
            try
            {
                await mail.SendAsync(PasswordResetLinkHandler.Message(user, await links.CreateAsync(user)));
            }
            catch (Exception e) when (e is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException)
            {
                logger.LogError(e, "Could not send a password-reset e-mail.");
            }
        }
        return ForgotPasswordOutcome.Accepted;
    }
}

public sealed class ResetPasswordRequest
{
    public string UserId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.Password).Must(p => (p ?? "").Length >= 12).WithMessage("パスワードは12文字以上にしてください。");
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithMessage("確認用のパスワードが一致しません。");
    }
}

public sealed class ResetPasswordHandler(
    MemberHubDbContext db,
    UserManager<AppUser> users,
    IValidator<ResetPasswordRequest> validator,
    IAuditActor actor,
    TimeProvider clock)
{
    public const string InvalidLink = "このリンクは無効か、有効期限が切れています。もう一度パスワードの再設定をお申し込みいただくか、管理者にご相談ください。";

    public async Task<IReadOnlyList<(string Field, string Message)>> HandleAsync(ResetPasswordRequest request)
    {
        var result = await validator.ValidateAsync(request);
        if (!result.IsValid) return result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

        var user = await users.FindByIdAsync(request.UserId);
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(request.Code)); }
        catch (FormatException) { return [("", InvalidLink)]; }
        if (user is not { IsActive: true }) return [("", InvalidLink)];

        await using var tx = await db.Database.BeginTransactionAsync();
        var reset = await users.ResetPasswordAsync(user, token, request.Password);
        if (!reset.Succeeded)
            return reset.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.InvalidToken) => ("", InvalidLink),
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => (nameof(ResetPasswordRequest.Password), e.Description),
                _ => ("", e.Description),
            }).ToList();
        // Whoever proved they own the mailbox may sign in again at once.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, user.Id, AccountAudit.ResetPassword));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return [];
    }
}
