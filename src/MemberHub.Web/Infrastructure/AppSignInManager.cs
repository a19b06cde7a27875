using System.Security.Claims;
using MemberHub.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Infrastructure;

/// <summary>
/// Deactivated accounts (AppUser.IsActive = false) are refused at every door: password and two-factor
/// sign-in, and the periodic security-stamp check, which signs out a cookie issued before deactivation.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } user ? user : null;

    public override async Task<AppUser?> ValidateTwoFactorSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateTwoFactorSecurityStampAsync(principal) is { IsActive: true } user ? user : null;
}
