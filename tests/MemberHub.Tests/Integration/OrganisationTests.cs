using System.Net;
using MemberHub.Identity;
using MemberHub.Organisation;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration;

public class OrganisationTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    private static Dictionary<string, string> Values(string name = "NPO法人 みどりの森") => new()
    {
        ["Input.Name"] = name,
        ["Input.PostalCode"] = "１５００００１",
        ["Input.Address"] = "東京都渋谷区神宮前1-2-3",
        ["Input.Representative"] = "理事長 山田 太郎",
        ["Input.Phone"] = "03-1234-5678",
        ["Input.Email"] = "info@midori.example.jp",
        ["Input.FiscalYearStartMonth"] = "4",
    };

    [Fact]
    public async Task The_admin_saves_the_organisation_with_Japanese_validation_and_stale_saves_are_refused()
    {
        var admin = await app.SignInAsAsync(Roles.Admin);

        var invalid = await admin.Http.SubmitFormAsync("/Admin/Organisation", new Dictionary<string, string>(Values())
        {
            ["Input.Name"] = "", ["Input.PostalCode"] = "12-34", ["Input.Email"] = "not-an-address",
        });
        var html = await invalid.BodyAsync();
        Assert.Contains("団体名を入力してください。", html);
        Assert.DoesNotContain("field is required.</span>", html);
        Assert.Contains("郵便番号は「123-4567」の形で入力してください。", html);
        Assert.Contains("メールアドレスの形式が正しくありません。", html);

        // Two admins open the page; the first saves.
        var first = await admin.Http.GetDocumentAsync("/Admin/Organisation");
        var second = await admin.Http.GetDocumentAsync("/Admin/Organisation");
        var saved = await admin.Http.SubmitFormAsync(first, "/Admin/Organisation", Values());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await app.WithDbAsync(db => db.OrganisationSettings.SingleAsync(o => o.Id == OrganisationSettings.SingletonId));
        Assert.Equal(("NPO法人 みどりの森", "150-0001", "理事長 山田 太郎", 4), (settings.Name, settings.PostalCode, settings.Representative, settings.FiscalYearStartMonth));

        var stale = await admin.Http.SubmitFormAsync(second, "/Admin/Organisation", Values("上書きしてはいけない名前"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("他の人がこの画面の内容を変更しました", await stale.BodyAsync());
        Assert.Equal("NPO法人 みどりの森", await app.WithDbAsync(db => db.OrganisationSettings.Select(o => o.Name).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OrganisationSettings) && a.Field == "Representative")));
    }
}
