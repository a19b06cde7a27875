using MemberHub.Identity;
using Microsoft.AspNetCore.Identity;

namespace MemberHub.Web.Pages.Account;

public sealed class LoginRequest
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

public enum LoginOutcome { SignedIn, NeedsTwoFactor, LockedOut, Failed }

public sealed class SignInHandler(SignInManager<AppUser> signIn, UserManager<AppUser> users)
{
    public async Task<LoginOutcome> HandleAsync(LoginRequest request)
    {
        // Empty form fields arrive as null.
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password)) return LoginOutcome.Failed;
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || !user.IsActive) return LoginOutcome.Failed;
        // lockoutOnFailure: Identity only counts failures when asked to.
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LoginOutcome.SignedIn;
        if (result.RequiresTwoFactor) return LoginOutcome.NeedsTwoFactor;
        if (result.IsLockedOut) return LoginOutcome.LockedOut;
        return LoginOutcome.Failed;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();
}
