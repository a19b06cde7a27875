using System.Security.Claims;
using MemberHub.Data;
using MemberHub.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Infrastructure;

public static class AppClaims
{
    public const string DisplayName = "memberhub:display_name";
}

public static class IdentitySetup
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static void AddMemberHubIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length, not composition rules: a long passphrase beats P@ssw0rd (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<MemberHubDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>();

        // Password-reset and invitation-style tokens should not live for a day.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "MemberHub.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.Events.OnRedirectToLogin = ctx =>
            {
                // htmx swaps fragments; a login page inside a table row helps nobody.
                if (ctx.Request.Headers.ContainsKey("HX-Request"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
                    return Task.CompletedTask;
                }
                ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SameSite = SameSiteMode.Strict);

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(AccessRules.AnyRole)
            .AddPolicy(AccessRules.Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(AccessRules.Policies.MemberRegister, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Treasurer))
            .AddPolicy(AccessRules.Policies.MemberEditing, p => p.RequireRole(Roles.Admin, Roles.Staff))
            .AddPolicy(AccessRules.Policies.Office, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Treasurer))
            .AddPolicy(AccessRules.Policies.Finance, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Treasurer))
            .AddPolicy(AccessRules.Policies.Billing, p => p.RequireRole(Roles.Admin, Roles.Staff))
            .AddPolicy(AccessRules.Policies.WriteOff, p => p.RequireRole(Roles.Admin, Roles.Staff, Roles.Treasurer))
            .AddPolicy(AccessRules.Policies.Posting, p => p.RequireRole(Roles.Admin, Roles.Treasurer))
            .AddPolicy(AccessRules.Policies.AnyRole, AccessRules.AnyRole);

        builder.Services.AddScoped<RoleSeeder>();
    }
}

/// <summary>Puts the display name into the cookie so pages and the audit log need no extra query.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        return identity;
    }
}

public sealed class RoleSeeder(RoleManager<IdentityRole> roles)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
