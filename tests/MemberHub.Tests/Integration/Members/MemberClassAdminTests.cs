using System.Net;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Members;

public abstract class MemberClassAdminTests(MemberHubFactory app)
{
    [Fact]
    public async Task Admin_adds_and_edits_a_class_and_a_class_in_use_is_not_removed()
    {
        app.SkipIfUnavailable();
        app.EnsureStarted();
        var admin = await app.SignInAsAsync(Roles.Admin);
        var name = "学生会員" + Guid.NewGuid().ToString("N")[..4];

        var bad = await admin.Http.SubmitFormAsync("/Admin/MemberClasses/Edit", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.AnnualFeePerUnit"] = "千円" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("年会費は 5,000 のように", await bad.BodyAsync());

        var added = await admin.Http.SubmitFormAsync("/Admin/MemberClasses/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.AnnualFeePerUnit"] = "２，０００円", ["Input.DefaultUnits"] = "1",
        });
        added.AssertRedirectTo("/Admin/MemberClasses");
        var cls = await app.WithDbAsync(db => db.MemberClasses.SingleAsync(c => c.Name == name));
        Assert.Equal(2_000, cls.AnnualFeePerUnit.Value);
        Assert.Contains("2,000円", (await admin.Http.GetDocumentAsync("/Admin/MemberClasses")).Body!.TextContent);

        await new MemberBuilder().OfClass(name).CreateAsync(app);
        var list = await admin.Http.GetDocumentAsync("/Admin/MemberClasses");
        var remove = await admin.Http.PostAsync($"/Admin/MemberClasses?id={cls.Id}&handler=Remove",
            new FormUrlEncodedContent([new("__RequestVerificationToken", list.AntiforgeryToken())]));
        remove.AssertRedirectTo("/Admin/MemberClasses");
        Assert.True(await app.WithDbAsync(db => db.MemberClasses.AnyAsync(c => c.Id == cls.Id)));
        Assert.Contains("削除できません", (await admin.Http.GetDocumentAsync("/Admin/MemberClasses")).Body!.TextContent);

        var deactivated = await admin.Http.SubmitFormAsync($"/Admin/MemberClasses/Edit/{cls.Id}", new Dictionary<string, string> { ["Input.IsActive"] = "false" });
        deactivated.AssertRedirectTo("/Admin/MemberClasses");
        Assert.False((await app.WithDbAsync(db => db.MemberClasses.SingleAsync(c => c.Id == cls.Id))).IsActive);

        // An inactive class is no longer offered for new members.
        var create = await admin.Http.GetDocumentAsync("/Members/Create");
        Assert.DoesNotContain(name, create.QuerySelector("#Input_MemberClassId")!.TextContent);

        var staff = await app.SignInAsAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.GetAsync("/Admin/MemberClasses")).StatusCode);
    }

    [Fact]
    public async Task Admin_renames_a_tag()
    {
        app.SkipIfUnavailable();
        var tag = "旧名" + Guid.NewGuid().ToString("N")[..4];
        await new MemberBuilder().WithTag(tag).CreateAsync(app);
        var tagId = await app.WithDbAsync(db => db.Tags.Where(t => t.Name == tag).Select(t => t.Id).SingleAsync());
        var admin = await app.SignInAsAsync(Roles.Admin);

        var renamed = await admin.Http.SubmitFormAsync("/Admin/Tags", new Dictionary<string, string> { ["name"] = tag + "新" },
            $"form[action*='id={tagId}'][action*='Rename']");
        renamed.AssertRedirectTo("/Admin/Tags");
        Assert.Equal(tag + "新", await app.WithDbAsync(db => db.Tags.Where(t => t.Id == tagId).Select(t => t.Name).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == "Tag" && a.EntityId == tagId.ToString() && a.Before == tag && a.After == tag + "新" && a.UserId == admin.User.Id)));
    }
}

public class MemberClassAdminSqliteTests(MemberHubFactory app) : MemberClassAdminTests(app), IClassFixture<MemberHubFactory>;

public class MemberClassAdminPostgresTests(PostgresMemberHubFactory app) : MemberClassAdminTests(app), IClassFixture<PostgresMemberHubFactory>;
