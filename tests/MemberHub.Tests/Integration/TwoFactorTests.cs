using System.Net;
using AngleSharp.Html.Dom;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration;

public class TwoFactorTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    /// <summary>Enables 2FA through the pages like a user with an authenticator app; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var setup = await client.GetDocumentAsync("/Account/Manage/EnableAuthenticator");
        var key = setup.QuerySelector("[data-testid=shared-key]")!.TextContent.Trim();
        Assert.Matches(@"^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var uri = setup.QuerySelector("[data-testid=authenticator-uri]")!.TextContent.Trim();
        Assert.StartsWith("otpauth://totp/MemberHub:", uri);
        Assert.Contains("secret=" + key.Replace(" ", "").ToUpperInvariant(), uri);
        Assert.NotNull(setup.QuerySelector(".qr-code svg"));

        var wrong = await client.SubmitFormAsync(setup, "/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("確認コードが正しくありません。", await wrong.BodyAsync());

        var enabled = await client.SubmitFormAsync("/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var codesPage = await client.GetDocumentAsync(enabled.Headers.Location!.OriginalString);
        var codes = codesPage.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);

        // Shown once only.
        var again = await client.GetAsync("/Account/Manage/ShowRecoveryCodes");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        return (key, codes);
    }

    private async Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email) =>
        await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = MemberHubFactory.TestPassword });

    [Fact]
    public async Task With_2fa_on_sign_in_needs_the_app_code_after_the_password()
    {
        var user = await app.SignInAsAsync(Roles.Volunteer);
        var (key, _) = await EnableAsync(user.Http);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.User.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var client = app.CreateAnonymousClient();
        var password = await PasswordAsync(client, user.User.Email!);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString);
        // The password alone does not open any page.
        Assert.True((await client.GetAsync("/My")).IsRedirectToLogin());

        var wrong = await client.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = "12345" });
        Assert.Contains("確認コードが正しくありません。", await wrong.BodyAsync());

        // People type the code as shown by the app ("123 456"), sometimes in full-width digits.
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        var fullWidth = string.Concat(code[..3].Select(c => (char)(c - '0' + '０'))) + " " + code[3..];
        var signedIn = await client.SubmitFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = fullWidth });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/My")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await app.SignInAsAsync(Roles.Staff);
        var (_, codes) = await EnableAsync(user.Http);

        var client = app.CreateAnonymousClient();
        await PasswordAsync(client, user.User.Email!);
        var ok = await client.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/My")).StatusCode);

        var other = app.CreateAnonymousClient();
        await PasswordAsync(other, user.User.Email!);
        var reused = await other.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
        Assert.Contains("リカバリーコードが正しくないか、既に使われています。", await reused.BodyAsync());
        Assert.True((await other.GetAsync("/My")).IsRedirectToLogin());

        var page = await client.GetAsync("/Account/Manage/TwoFactor");
        Assert.Contains("残り <strong>9</strong> 個", await page.BodyAsync());
    }

    [Fact]
    public async Task Two_factor_can_be_switched_off_and_recovery_codes_regenerated()
    {
        var user = await app.SignInAsAsync(Roles.Treasurer);
        var (_, first) = await EnableAsync(user.Http);

        var regenerated = await user.Http.SubmitFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string>(), "form[action*='handler=Regenerate']");
        var codesPage = await user.Http.GetDocumentAsync(regenerated.Headers.Location!.OriginalString);
        var second = codesPage.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Intersect(second));

        var disabled = await user.Http.SubmitFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string>(), "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.User.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var client = app.CreateAnonymousClient();
        var password = await PasswordAsync(client, user.User.Email!);
        Assert.Equal("/", password.Headers.Location!.OriginalString);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == user.User.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["2段階認証有効化", "リカバリーコード再発行", "2段階認証無効化"], actions);
    }
}
