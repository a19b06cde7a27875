using System.Net;
using MemberHub.Billing;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Billing;

/// <summary>The class settings that drive billing and the member's dues exemption (SQLite: no database-specific behaviour here).</summary>
public class BillingSettingsTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task A_class_is_taxable_only_once_the_organisation_has_a_registration_number()
    {
        await app.EnsureSettingsAsync();
        var (classId, _) = await app.NewClassAsync();
        var admin = await app.SignInAsAsync(Roles.Admin);

        var refused = await admin.Http.SubmitFormAsync($"/Admin/MemberClasses/Edit/{classId}", new Dictionary<string, string> { ["Input.TaxClass"] = "Taxable10" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("登録番号", await refused.BodyAsync());
        Assert.Equal(TaxClass.NonTaxable, await app.WithDbAsync(db => db.MemberClasses.Where(c => c.Id == classId).Select(c => c.TaxClass).SingleAsync()));

        var noMonth = await admin.Http.SubmitFormAsync($"/Admin/MemberClasses/Edit/{classId}", new Dictionary<string, string> { ["Input.JoinRule"] = "HalfAfterMonth", ["Input.HalfFeeFromMonth"] = "" });
        Assert.Contains("半額にする入会月を選んでください。", await noMonth.BodyAsync());

        await app.EnsureSettingsAsync("T9876543210987");
        var saved = await admin.Http.SubmitFormAsync($"/Admin/MemberClasses/Edit/{classId}", new Dictionary<string, string>
        {
            ["Input.TaxClass"] = "Taxable10",
            ["Input.JoinRule"] = "HalfAfterMonth",
            ["Input.HalfFeeFromMonth"] = "10",
        });
        saved.AssertRedirectTo("/Admin/MemberClasses");
        var c = await app.WithDbAsync(db => db.MemberClasses.AsNoTracking().SingleAsync(x => x.Id == classId));
        Assert.Equal((TaxClass.Taxable10, JoinRule.HalfAfterMonth, (int?)10), (c.TaxClass, c.JoinRule, c.HalfFeeFromMonth));
        var list = await admin.Http.GetDocumentAsync("/Admin/MemberClasses");
        Assert.Contains("10月以降の入会は半額", list.Body!.TextContent);

        var edit = await admin.Http.GetDocumentAsync($"/Admin/MemberClasses/Edit/{classId}");
        Assert.Equal("10", edit.QuerySelector("#Input_HalfFeeFromMonth option[selected]")?.GetAttribute("value"));
        await app.EnsureSettingsAsync("");
    }

    [Fact]
    public async Task Dues_exemption_needs_a_reason_and_shows_on_the_member_page()
    {
        await app.EnsureClassAsync();
        var member = await new MemberBuilder().CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var refused = await staff.Http.SubmitFormAsync($"/Members/Edit/{member.Id}", new Dictionary<string, string> { ["Input.DuesExempt"] = "true", ["Input.DuesExemptReason"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("会費を免除する理由を入力してください", await refused.BodyAsync());
        Assert.False((await app.MemberAsync(member.Id)).DuesExempt);

        var saved = await staff.Http.SubmitFormAsync($"/Members/Edit/{member.Id}", new Dictionary<string, string> { ["Input.DuesExempt"] = "true", ["Input.DuesExemptReason"] = "名誉会員" });
        saved.AssertRedirectTo($"/Members/Details/{member.Id}");
        var m = await app.MemberAsync(member.Id);
        Assert.Equal((true, "名誉会員"), (m.DuesExempt, m.DuesExemptReason));
        var page = await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}");
        Assert.Contains("会費免除 名誉会員", page.Text("#dues-exempt"));

        var lifted = await staff.Http.SubmitFormAsync($"/Members/Edit/{member.Id}", new Dictionary<string, string> { ["Input.DuesExempt"] = "false", ["Input.DuesExemptReason"] = "名誉会員" });
        lifted.AssertRedirectTo($"/Members/Details/{member.Id}");
        m = await app.MemberAsync(member.Id);
        Assert.Equal((false, (string?)null), (m.DuesExempt, m.DuesExemptReason));
    }
}
