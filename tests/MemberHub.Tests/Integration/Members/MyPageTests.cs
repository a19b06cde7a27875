using System.Net;
using MemberHub.Auditing;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Members;

public abstract class MyPageTests(MemberHubFactory app)
{
    [Fact]
    public async Task A_volunteer_sees_and_updates_their_own_details_and_the_change_is_audited()
    {
        app.SkipIfUnavailable();
        var own = await new MemberBuilder().Named("自分 由美", "ジブン ユミ").WithPersonalNotes("合唱", "夫と二人暮らし").CreateAsync(app);
        var other = await new MemberBuilder().Named("他人 健", "タニン ケン").CreateAsync(app);
        var volunteer = await app.SignInAsAsync(Roles.Volunteer, own.Id);

        var page = await volunteer.Http.GetDocumentAsync("/My");
        Assert.Equal("自分 由美", page.Text("#my-name"));
        Assert.Equal(own.MemberNumber.ToString(), page.Text("#my-number"));
        Assert.DoesNotContain("他人 健", page.Body!.TextContent);
        // Notes written by the office about the family are not shown or editable here.
        Assert.DoesNotContain("夫と二人暮らし", page.Body!.TextContent);

        var saved = await volunteer.Http.SubmitFormAsync(page, "/My", new Dictionary<string, string>
        {
            ["Input.MobilePhone"] = "０８０－１１１１－２２２２",
            ["Input.RefusesPhone"] = "true",
            ["Input.Hobbies"] = "合唱と山歩き",
        });
        saved.AssertRedirectTo("/My");

        var stored = await app.MemberAsync(own.Id);
        Assert.Equal("080-1111-2222", stored.MobilePhone);
        Assert.True(stored.RefusesPhone);
        Assert.Equal("合唱と山歩き", stored.Hobbies);
        Assert.Equal("夫と二人暮らし", stored.FamilyNotes);
        Assert.Equal(own.Name, stored.Name);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.MemberId == own.Id && a.UserId == volunteer.User.Id && a.Action == AuditActions.Update && a.Field == "MobilePhone" && a.After == "080-1111-2222")));
        Assert.Equal(other.Version, (await app.MemberAsync(other.Id)).Version);
    }

    [Fact]
    public async Task Wrong_input_on_the_own_page_is_explained_and_not_saved()
    {
        app.SkipIfUnavailable();
        var own = await new MemberBuilder().CreateAsync(app);
        var volunteer = await app.SignInAsAsync(Roles.Volunteer, own.Id);

        var response = await volunteer.Http.SubmitFormAsync("/My", new Dictionary<string, string> { ["Input.PostalCode"] = "abc", ["Input.Email"] = "no-at-sign" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = HtmlForms.Parse(await response.BodyAsync());
        Assert.Contains("123-4567", doc.Text("[data-valmsg-for='Input.PostalCode']"));
        Assert.Contains("メールアドレス", doc.Text("[data-valmsg-for='Input.Email']"));
        Assert.Equal(own.PostalCode, (await app.MemberAsync(own.Id)).PostalCode);
    }

    [Fact]
    public async Task A_user_without_a_member_record_is_told_so_kindly()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        var page = await volunteer.Http.GetDocumentAsync("/My");
        Assert.Contains("まだ会員情報がつながっていません", page.Text("#no-member"));
        Assert.Null(page.QuerySelector("main form[method=post]"));
    }
}

public class MyPageSqliteTests(MemberHubFactory app) : MyPageTests(app), IClassFixture<MemberHubFactory>;

public class MyPagePostgresTests(PostgresMemberHubFactory app) : MyPageTests(app), IClassFixture<PostgresMemberHubFactory>;
