using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MemberHub.Tests.Integration;

public class SiteHardeningTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task Pages_behind_sign_in_are_never_kept_in_the_browser_cache()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        var list = await staff.Http.GetAsync("/Members");
        Assert.True(list.Headers.CacheControl?.NoStore, "the member list must be sent with Cache-Control: no-store");
        var my = await staff.Http.GetAsync("/My");
        Assert.True(my.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Refused_posts_answer_403_not_a_confusing_400()
    {
        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        var doc = await volunteer.Http.GetDocumentAsync("/My");
        var response = await volunteer.Http.PostAsync("/Members/Create",
            new FormUrlEncodedContent([new("Input.Name", "不正 登録"), new("__RequestVerificationToken", doc.AntiforgeryToken())]));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("アクセスできません", await response.BodyAsync());
    }

    [Fact]
    public void With_a_mail_server_the_site_will_not_start_without_its_public_address()
    {
        using var misconfigured = new MemberHubFactory();
        misconfigured.Settings["Smtp:Host"] = "127.0.0.1";
        var e = Assert.ThrowsAny<Exception>(() => misconfigured.EnsureStarted());
        Assert.Contains("Site:PublicUrl", Unwrap(e).Message);
    }

    private static Exception Unwrap(Exception e) =>
        e is OptionsValidationException ? e : e.InnerException is { } inner ? Unwrap(inner) : e;
}

public class SearchColumnTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task Any_save_of_a_member_keeps_its_search_columns_current()
    {
        app.EnsureStarted();
        var member = await new MemberBuilder().Named("検索 更新", "ケンサク コウシン").CreateAsync(app);

        // Saved by code that never calls RefreshSearchText itself.
        await app.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            m.MobilePhone = "080-9999-1234";
            m.NameKana = "ケンサク アタラシイ";
            await db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(db => db.Members.SingleAsync(x => x.Id == member.Id));
        Assert.Contains("|08099991234|", stored.SearchText);
        Assert.Contains("ケンサクアタラシイ", stored.SearchText);
        Assert.Equal("ケンサクアタラシイ", stored.SortKana);
    }
}
