using System.Net;
using AngleSharp.Html.Dom;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MemberHub.Tests.Integration;

/// <summary>Invitations on a site without a mail server: the administrator is shown the link once.</summary>
public class InvitationTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    private static string NewEmail() => $"invitee-{Guid.NewGuid():N}@example.jp";

    private async Task<string> InviteAsync(HttpClient admin, string email, string role, string name = "鈴木 一郎", string? memberNumber = null)
    {
        var values = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.DisplayName"] = name, ["Input.Role"] = role };
        if (memberNumber is not null) values["Input.MemberNumber"] = memberNumber;
        var response = await admin.SubmitFormAsync("/Admin/Users/Invite", values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = HtmlForms.Parse(await response.BodyAsync());
        var input = doc.QuerySelector("[data-testid=one-time-link] textarea") as IHtmlTextAreaElement;
        Assert.NotNull(input);
        Assert.NotNull(doc.QuerySelector("[data-testid=one-time-link] button[data-copy-target]"));
        return new Uri(input.Value).PathAndQuery;
    }

    private static Dictionary<string, string> Account(string name = "鈴木 一郎", string password = "春はあけぼのやうやう白くなりゆく") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Without_a_mail_server_the_link_is_shown_and_creates_the_account_with_the_role_once()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);
        var email = NewEmail();
        var link = await InviteAsync(admin.Http, email, Roles.Treasurer);
        Assert.StartsWith("/Account/AcceptInvitation?token=", link);

        // The link is not kept anywhere it could be shown again: only the token's hash is stored.
        var token = link[(link.IndexOf('=') + 1)..];
        var stored = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == email));
        Assert.Equal(InvitationToken.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, await (await admin.Http.GetAsync("/Admin/Users")).BodyAsync());
        Assert.Equal(TimeSpan.FromDays(7), stored.ExpiresAt - stored.CreatedAt);

        var invitee = app.CreateAnonymousClient();
        var form = await invitee.GetAsync(link);
        var formHtml = await form.BodyAsync();
        Assert.Contains(email, formHtml);
        Assert.Contains("会計", formHtml);

        var tooShort = await invitee.SubmitFormAsync(link, Account(password: "みじかい"));
        Assert.Contains("パスワードは12文字以上にしてください。", await tooShort.BodyAsync());

        var created = await invitee.SubmitFormAsync(link, Account(name: "鈴木 一郎（会計）"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal("鈴木 一郎（会計）", user.DisplayName);
        Assert.Equal([Roles.Treasurer], await RolesOfAsync(user.Id));
        Assert.NotNull(await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.AcceptedAt).SingleAsync()));
        // Signed in straight away.
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/Account/Manage")).StatusCode);

        // Second use of the same link.
        var again = app.CreateAnonymousClient();
        var used = await again.GetAsync(link);
        Assert.Contains("この招待リンクは既に使われています。", await used.BodyAsync());
        var repost = await again.PostAsync("/Account/AcceptInvitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Token"] = token, ["Input.DisplayName"] = "なりすまし", ["Input.Password"] = "another long password", ["Input.ConfirmPassword"] = "another long password",
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, repost.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Invitation" && a.EntityId == stored.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("招待", audit);
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);
        var email = NewEmail();
        var link = await InviteAsync(admin.Http, email, Roles.Staff);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var invitee = app.CreateAnonymousClient();
        Assert.Contains("有効期限（7日間）が切れています", await (await invitee.GetAsync(link)).BodyAsync());
        var response = await invitee.PostAsync("/Account/AcceptInvitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Token"] = link[(link.IndexOf('=') + 1)..], ["Input.DisplayName"] = "期限切れ", ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password",
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_revoked_link_is_refused_and_a_made_up_one_too()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);
        var email = NewEmail();
        var link = await InviteAsync(admin.Http, email, Roles.Staff);
        var id = await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());

        var revoked = await admin.Http.SubmitFormAsync("/Admin/Users", new Dictionary<string, string>(), $"form[action*='handler=Revoke'][action*='id={id}']");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var invitee = app.CreateAnonymousClient();
        Assert.Contains("管理者によって取り消されました", await (await invitee.GetAsync(link)).BodyAsync());
        Assert.Contains("この招待リンクは正しくありません", await (await invitee.GetAsync("/Account/AcceptInvitation?token=made-up")).BodyAsync());
    }

    [Fact]
    public async Task A_volunteer_invitation_with_a_member_number_links_the_member()
    {
        var memberNumber = await app.WithDbAsync(async db =>
        {
            var memberClass = await db.MemberClasses.FirstOrDefaultAsync() ?? new MemberClass { Name = "正会員" };
            var number = await db.Members.AnyAsync() ? await db.Members.MaxAsync(m => m.MemberNumber) + 1 : 9001;
            var member = new Member { MemberNumber = number, Name = "ボランティア 花子", NameKana = "ボランティア ハナコ", MemberClass = memberClass, JoinedOn = new DateOnly(2026, 4, 1), StatusChangedOn = new DateOnly(2026, 4, 1) };
            member.RefreshSearchText();
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return number;
        });
        var admin = await app.SignInAsAsync(Roles.Admin);

        var unknown = await admin.Http.SubmitFormAsync("/Admin/Users/Invite", new Dictionary<string, string>
        {
            ["Input.Email"] = NewEmail(), ["Input.DisplayName"] = "花子", ["Input.Role"] = Roles.Volunteer, ["Input.MemberNumber"] = "999999",
        });
        Assert.Contains("会員番号 999999 の会員が見つかりません。", await unknown.BodyAsync());

        var email = NewEmail();
        var link = await InviteAsync(admin.Http, email, Roles.Volunteer, "ボランティア 花子", memberNumber.ToString());
        var invitee = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await invitee.SubmitFormAsync(link, Account("ボランティア 花子"))).StatusCode);

        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(userId, await app.WithDbAsync(db => db.Members.Where(m => m.MemberNumber == memberNumber).Select(m => m.UserId).SingleAsync()));
        Assert.Equal([Roles.Volunteer], await RolesOfAsync(userId));
        // A volunteer sees マイページ but not the admin pages.
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/My")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await invitee.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves_nor_remove_the_last_admin_role()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);
        var self = await admin.Http.SubmitFormAsync($"/Admin/Users/Edit?id={admin.User.Id}", new Dictionary<string, string>(), "form[action*='handler=Roles']");
        Assert.Equal(HttpStatusCode.Redirect, self.StatusCode); // unchanged roles: nothing to do

        var page = await admin.Http.GetDocumentAsync($"/Admin/Users/Edit?id={admin.User.Id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Deactivate']"));
        var forced = await admin.Http.PostAsync($"/Admin/Users/Edit?id={admin.User.Id}&handler=Deactivate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = page.AntiforgeryToken() }));
        Assert.Contains("自分自身を利用停止にすることはできません。", await forced.BodyAsync());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.User.Id).Select(u => u.IsActive).SingleAsync()));

        // Make every other admin inactive, so this one is the last.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id != admin.User.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var demote = await admin.Http.SubmitFormAsync($"/Admin/Users/Edit?id={admin.User.Id}",
            new Dictionary<string, string> { ["SelectedRoles"] = Roles.Staff }, "form[action*='handler=Roles']");
        Assert.Contains("管理者が1人もいなくなるため", await demote.BodyAsync());
        Assert.Contains(Roles.Admin, await RolesOfAsync(admin.User.Id));
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true)));
    }

    [Fact]
    public async Task The_admin_is_shown_a_password_reset_link_that_works()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);
        var user = await app.CreateUserAsync(Roles.Staff);
        var response = await admin.Http.SubmitFormAsync($"/Admin/Users/Edit?id={user.Id}", new Dictionary<string, string>(), "form[action*='handler=ResetLink']");
        var doc = HtmlForms.Parse(await response.BodyAsync());
        var link = new Uri(((IHtmlTextAreaElement)doc.QuerySelector("[data-testid=one-time-link] textarea")!).Value).PathAndQuery;

        var client = app.CreateAnonymousClient();
        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "新しいパスワードは長い文です", ["Input.ConfirmPassword"] = "新しいパスワードは長い文です",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await client.SignInAsync(user.Email!, "新しいパスワードは長い文です");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        // Used once: the password change renewed the security stamp, which voids the token.
        var second = await app.CreateAnonymousClient().SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "さらに別のパスワードです", ["Input.ConfirmPassword"] = "さらに別のパスワードです",
        });
        Assert.Contains("このリンクは無効か、有効期限が切れています。", await second.BodyAsync());
    }

    [Fact]
    public async Task Forgot_password_without_a_mail_server_says_to_ask_the_administrator()
    {
        await app.CreateUserAsync(Roles.Admin);   // past first-run set-up, whichever test of the class runs first
        var page = await app.CreateAnonymousClient().GetAsync("/Account/ForgotPassword");
        Assert.Contains("管理者にご依頼ください", await page.BodyAsync());
    }

    private Task<IList<string>> RolesOfAsync(string userId) => app.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    });
}
