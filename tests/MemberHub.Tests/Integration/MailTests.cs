using System.Net;
using System.Text.RegularExpressions;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration;

/// <summary>Invitations and password resets on a site with a mail server: a real SMTP conversation with <see cref="SmtpTestServer"/>.</summary>
public partial class MailTests : IClassFixture<MemberHubFactory>, IClassFixture<SmtpTestServer>
{
    private readonly MemberHubFactory _app;
    private readonly SmtpTestServer _smtp;

    public MailTests(MemberHubFactory app, SmtpTestServer smtp)
    {
        _app = app;
        _smtp = smtp;
        smtp.Configure(app.Settings);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private static string LinkIn(MimeKit.MimeMessage message) => new Uri(Link().Match(message.TextBody ?? "").Value).PathAndQuery;

    [Fact]
    public async Task An_invitation_is_e_mailed_with_a_link_that_creates_the_account()
    {
        var admin = await _app.SignInAsAsync(Roles.Admin);
        var email = $"mail-invitee-{Guid.NewGuid():N}@example.jp";
        var response = await admin.Http.SubmitFormAsync("/Admin/Users/Invite", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "高橋 次郎", ["Input.Role"] = Roles.Staff,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.Http.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"{email} に招待メールを送りました。", await list.BodyAsync());

        var message = Assert.Single(_smtp.To(email));
        Assert.Contains("招待", message.Subject);
        Assert.Contains("高橋 次郎 様", message.TextBody);
        Assert.Contains("「事務局」", message.TextBody);
        var link = LinkIn(message);
        Assert.StartsWith("/Account/AcceptInvitation?token=", link);

        var invitee = _app.CreateAnonymousClient();
        var created = await invitee.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "高橋 次郎", ["Input.Password"] = "メールで届いたリンクから登録", ["Input.ConfirmPassword"] = "メールで届いたリンクから登録",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email && u.IsActive)));
    }

    [Fact]
    public async Task Forgot_password_e_mails_a_reset_link_and_answers_the_same_for_unknown_addresses()
    {
        var user = await _app.CreateUserAsync(Roles.Treasurer);
        var client = _app.CreateAnonymousClient();

        var known = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = user.Email! });
        var unknownAddress = $"nobody-{Guid.NewGuid():N}@example.jp";
        var unknown = await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = unknownAddress });
        const string neutral = "入力されたメールアドレスが登録されている場合は、パスワード再設定用のリンクをお送りしました。";
        Assert.Contains(neutral, await known.BodyAsync());
        Assert.Contains(neutral, await unknown.BodyAsync());
        Assert.Empty(_smtp.To(unknownAddress));

        var message = Assert.Single(_smtp.To(user.Email!));
        Assert.Contains("パスワード再設定", message.Subject);
        var link = LinkIn(message);
        Assert.StartsWith("/Account/ResetPassword?", link);

        var mismatch = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "これが新しいパスワード", ["Input.ConfirmPassword"] = "これは違うパスワードです",
        });
        Assert.Contains("確認用のパスワードが一致しません。", await mismatch.BodyAsync());

        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "これが新しいパスワードです", ["Input.ConfirmPassword"] = "これが新しいパスワードです",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await client.SignInAsync(user.Email!, "これが新しいパスワードです");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        var old = await _app.CreateAnonymousClient().SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = MemberHubFactory.TestPassword,
        });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }
}
