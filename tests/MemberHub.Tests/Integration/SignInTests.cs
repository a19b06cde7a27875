using System.Net;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MemberHub.Tests.Integration;

public class SignInTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    private static Dictionary<string, string> Login(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_one_is_refused_in_Japanese()
    {
        var user = await app.CreateUserAsync(Roles.Staff);
        var client = app.CreateAnonymousClient();

        var wrong = await client.SubmitFormAsync("/Account/Login", Login(user.Email!, "not the password at all"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await wrong.BodyAsync());
        Assert.True((await client.GetAsync("/Account/Manage")).IsRedirectToLogin());

        var empty = await client.SubmitFormAsync("/Account/Login", Login("", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await empty.BodyAsync());

        var right = await client.SubmitFormAsync("/Account/Login", Login(user.Email!, MemberHubFactory.TestPassword));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains(user.Email!, await manage.BodyAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await app.CreateUserAsync(Roles.Staff);
        var client = app.CreateAnonymousClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
            last = await client.SubmitFormAsync("/Account/Login", Login(user.Email!, $"wrong password number {i}"));
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal("/Account/Lockout", last.Headers.Location?.OriginalString);

        var page = await client.GetAsync("/Account/Lockout");
        Assert.Contains("アカウントが一時的にロックされました", await page.BodyAsync());

        var right = await client.SubmitFormAsync("/Account/Login", Login(user.Email!, MemberHubFactory.TestPassword));
        Assert.Equal("/Account/Lockout", right.Headers.Location?.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var user = await app.CreateUserAsync(Roles.Staff);
        await app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        });
        var client = app.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/Account/Login", Login(user.Email!, MemberHubFactory.TestPassword));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await response.BodyAsync());
        Assert.True((await client.GetAsync("/My")).IsRedirectToLogin());
    }

    [Fact]
    public async Task The_sign_in_cookie_is_HttpOnly_SameSite_Strict_and_Secure_over_https()
    {
        var user = await app.CreateUserAsync(Roles.Staff);
        var client = app.CreateAnonymousClient();
        var response = await client.SubmitFormAsync("/Account/Login", Login(user.Email!, MemberHubFactory.TestPassword));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MemberHub.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("secure", cookie);
        // A session cookie: it ends with the browser (no "remember me") or after 30 idle minutes.
        Assert.DoesNotContain("expires=", cookie);

        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public async Task Thirty_idle_minutes_end_the_session_but_activity_keeps_it()
    {
        var signedIn = await app.SignInAsAsync(Roles.Staff);
        var client = signedIn.Http;
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True((await client.GetAsync("/Account/Manage")).IsRedirectToLogin());
    }

    [Fact]
    public async Task Admin_pages_are_forbidden_to_staff_and_open_to_admins()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        foreach (var url in new[] { "/Admin", "/Admin/Users", "/Admin/Users/Invite", "/Admin/Organisation" })
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync(url)).StatusCode);

        var admin = await app.SignInAsAsync(Roles.Admin);
        foreach (var url in new[] { "/Admin", "/Admin/Users", "/Admin/Users/Invite", "/Admin/Organisation" })
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(url)).StatusCode);

        var anonymous = app.CreateAnonymousClient();
        Assert.True((await anonymous.GetAsync("/Admin/Users")).IsRedirectToLogin());
        Assert.True((await anonymous.GetAsync("/Account/Manage/TwoFactor")).IsRedirectToLogin());
    }

    [Fact]
    public async Task A_role_change_takes_effect_for_a_signed_in_user_at_the_next_stamp_check()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);
        var staff = await app.SignInAsAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync("/Admin/Users")).StatusCode);

        var saved = await admin.Http.SubmitFormAsync($"/Admin/Users/Edit?id={staff.User.Id}",
            new Dictionary<string, string> { ["SelectedRoles"] = Roles.Admin }, "form[action*='handler=Roles']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var roles = await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(staff.User.Id))!);
        });
        Assert.Equal([Roles.Admin], roles);

        // The cookie still holds the old roles until Identity re-reads the user (every 5 minutes).
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/Admin/Users")).StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == staff.User.Id && a.Action == "役割変更").SingleAsync());
        Assert.Equal(("Roles", "事務局", "管理者"), (audit.Field, audit.Before, audit.After));
    }

    [Fact]
    public async Task A_deactivated_user_is_signed_out_at_the_next_stamp_check()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);
        var staff = await app.SignInAsAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/My")).StatusCode);

        var response = await admin.Http.SubmitFormAsync($"/Admin/Users/Edit?id={staff.User.Id}", new Dictionary<string, string>(), "form[action*='handler=Deactivate']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == staff.User.Id).Select(u => u.IsActive).SingleAsync()));

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True((await staff.Http.GetAsync("/My")).IsRedirectToLogin());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == staff.User.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("無効化", audit);
    }
}
