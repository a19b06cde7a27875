using System.Net;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration;

public class FirstRunTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task A_new_site_leads_to_set_up_then_to_the_admin_signed_in_and_set_up_closes()
    {
        var client = app.CreateAnonymousClient();

        var home = await client.GetAsync("/Members");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Setup", home.Headers.Location?.OriginalString);

        var tooShort = await client.SubmitFormAsync("/Setup", new Dictionary<string, string>
        {
            ["Input.OrganisationName"] = "NPO法人 みどりの森",
            ["Input.AdminName"] = "佐藤 花子",
            ["Input.Email"] = "hanako@midori.example.jp",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("パスワードは12文字以上にしてください。", await tooShort.BodyAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));

        var done = await client.SubmitFormAsync("/Setup", new Dictionary<string, string>
        {
            ["Input.OrganisationName"] = "NPO法人 みどりの森",
            ["Input.AdminName"] = "佐藤 花子",
            ["Input.Email"] = "hanako@midori.example.jp",
            ["Input.Password"] = "みどりの森は今日も元気です",
            ["Input.ConfirmPassword"] = "みどりの森は今日も元気です",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var admin = await app.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal("佐藤 花子", admin.DisplayName);
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == admin.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))));
        Assert.Equal("NPO法人 みどりの森", await app.WithDbAsync(db => db.OrganisationSettings.Select(o => o.Name).SingleAsync()));
        Assert.Equal(4, await app.WithDbAsync(db => db.MemberClasses.CountAsync()));

        // Signed in by the set-up itself.
        var members = await client.GetAsync("/My");
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);

        // Set-up cannot be run a second time, by anyone.
        var again = await app.CreateAnonymousClient().GetAsync("/Setup");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
