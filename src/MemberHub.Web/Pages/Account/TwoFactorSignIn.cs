using System.Text;
using MemberHub.Identity;
using Microsoft.AspNetCore.Identity;

namespace MemberHub.Web.Pages.Account;

public enum TwoFactorOutcome { SignedIn, LockedOut, WrongCode, NoPendingSignIn }

/// <summary>The second step of sign-in, after the password: a code from the authenticator app or a recovery code.</summary>
public sealed class TwoFactorSignInHandler(SignInManager<AppUser> signIn)
{
    public async Task<bool> HasPendingSignInAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is { IsActive: true };

    public Task<TwoFactorOutcome> WithAuthenticatorCodeAsync(string code) =>
        CompleteAsync(() => signIn.TwoFactorAuthenticatorSignInAsync(Compact(code), isPersistent: false, rememberClient: false));

    public Task<TwoFactorOutcome> WithRecoveryCodeAsync(string code) =>
        CompleteAsync(() => signIn.TwoFactorRecoveryCodeSignInAsync(Compact(code)));

    private async Task<TwoFactorOutcome> CompleteAsync(Func<Task<SignInResult>> attempt)
    {
        if (!await HasPendingSignInAsync()) return TwoFactorOutcome.NoPendingSignIn;
        var result = await attempt();
        if (result.Succeeded) return TwoFactorOutcome.SignedIn;
        if (result.IsLockedOut) return TwoFactorOutcome.LockedOut;
        return TwoFactorOutcome.WrongCode;
    }

    /// <summary>Full-width digits (１２３) and the spaces people type from the app's "123 456" become "123456".</summary>
    public static string Compact(string? code) =>
        new((code ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
