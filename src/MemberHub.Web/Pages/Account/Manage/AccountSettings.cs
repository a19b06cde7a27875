using System.Globalization;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace MemberHub.Web.Pages.Account.Manage;

public sealed record AccountOverview(string DisplayName, string Email, IReadOnlyList<string> RoleLabels, bool TwoFactorEnabled, int RecoveryCodesLeft);

public sealed class AccountOverviewQuery(UserManager<AppUser> users)
{
    public async Task<AccountOverview?> GetAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return null;
        var roles = await users.GetRolesAsync(user);
        return new AccountOverview(
            user.DisplayName, user.Email ?? "",
            Roles.All.Where(roles.Contains).Select(Roles.Label).ToList(),
            await users.GetTwoFactorEnabledAsync(user),
            await users.CountRecoveryCodesAsync(user));
    }
}

public sealed class ChangePasswordRequest
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().WithMessage("現在のパスワードを入力してください。");
        RuleFor(r => r.NewPassword).Must(p => (p ?? "").Length >= 12).WithMessage("パスワードは12文字以上にしてください。");
        RuleFor(r => r.ConfirmPassword).Equal(r => r.NewPassword).WithMessage("確認用のパスワードが一致しません。");
    }
}

public sealed class ChangePasswordHandler(
    MemberHubDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IValidator<ChangePasswordRequest> validator,
    IAuditActor actor,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<(string Field, string Message)>> HandleAsync(ClaimsPrincipal principal, ChangePasswordRequest request)
    {
        var result = await validator.ValidateAsync(request);
        if (!result.IsValid) return result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("Signed-in user not found.");

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
            return changed.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) => (nameof(ChangePasswordRequest.CurrentPassword), "現在のパスワードが正しくありません。"),
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => (nameof(ChangePasswordRequest.NewPassword), e.Description),
                _ => ("", e.Description),
            }).ToList();
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, user.Id, AccountAudit.ChangePassword));
        await db.SaveChangesAsync();
        // The password change renewed the security stamp; a fresh cookie keeps this browser signed in.
        await signIn.RefreshSignInAsync(user);
        return [];
    }
}

/// <summary>What the set-up page shows: the shared key in groups of four, the otpauth:// URI and its QR code.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string QrCodeSvg);

public enum EnableOutcome { Enabled, WrongCode }

public sealed class TwoFactorHandler(
    MemberHubDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IAuditActor actor,
    TimeProvider clock)
{
    public const string Issuer = "MemberHub";
    public const int RecoveryCodeCount = 10;

    public async Task<AuthenticatorSetup> GetSetupAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        }
        var uri = AuthenticatorUri(user.Email ?? user.UserName ?? "", key);
        return new AuthenticatorSetup(FormatKey(key), uri, QrCodeSvg(uri));
    }

    /// <summary>Turns two-factor sign-in on once the app shows the right code; returns the new recovery codes.</summary>
    public async Task<(EnableOutcome Outcome, IReadOnlyList<string> RecoveryCodes)> EnableAsync(ClaimsPrincipal principal, string code)
    {
        var user = await UserAsync(principal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorSignInHandler.Compact(code));
        if (!valid) return (EnableOutcome.WrongCode, []);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await AuditAsync(user, AccountAudit.EnableTwoFactor);
        await signIn.RefreshSignInAsync(user);
        return (EnableOutcome.Enabled, codes);
    }

    public async Task DisableAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A later set-up starts with a new key, so an old phone no longer produces valid codes.
        await users.ResetAuthenticatorKeyAsync(user);
        await AuditAsync(user, AccountAudit.DisableTwoFactor);
        await signIn.RefreshSignInAsync(user);
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal);
        if (!await users.GetTwoFactorEnabledAsync(user)) return [];
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await AuditAsync(user, AccountAudit.RegenerateRecoveryCodes);
        return codes;
    }

    public static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return sb.ToString().ToLowerInvariant();
    }

    public static string AuthenticatorUri(string account, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    private static string QrCodeSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private async Task<AppUser> UserAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("Signed-in user not found.");

    private async Task AuditAsync(AppUser user, string action)
    {
        db.AuditEntries.Add(AccountAudit.Entry(actor, clock, user.Id, action));
        await db.SaveChangesAsync();
    }
}
