using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>Staff build a segment watching the count change, save it, draft a newsletter to it and preview it per person, in Chromium.</summary>
public class SegmentBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Staff_build_a_segment_with_a_live_count_and_preview_a_newsletter_to_it()
    {
        await new MemberBuilder().Named("大阪 花子", "オオサカ ハナコ").InPrefecture("大阪府", "大阪市北区").WithTag("会報読者").CreateAsync(site);
        await new MemberBuilder().Named("大阪 次郎", "オオサカ ジロウ").InPrefecture("大阪府", "堺市堺区").WithTag("会報読者").CreateAsync(site);
        await new MemberBuilder().InPrefecture("大阪府", "吹田市").WithTag("会報読者").With(m => m.RefusesEmail = true).CreateAsync(site);
        await new MemberBuilder().WithTag("会報読者").CreateAsync(site);
        var total = await site.WithDbAsync(db => db.Members.CountAsync(m => m.Status == MemberStatus.Active));
        var staff = await site.CreateUserAsync(Roles.Staff, displayName: "事務局 花子");
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(staff.Email!);

        await page.GotoAsync("/FollowUp/Segments/Edit");
        await Expect(page.Locator("#segment-count [data-count]")).ToHaveAttributeAsync("data-count", total.ToString());
        await page.Locator("#prefectures").SelectOptionAsync(["大阪府"]);
        await Expect(page.Locator("#segment-count [data-count]")).ToHaveAttributeAsync("data-count", "3");
        await Expect(page.Locator("#segment-count")).ToContainTextAsync("在籍の会員、大阪府在住");
        await page.GetByLabel("メール拒否").SelectOptionAsync(["no"]);
        await Expect(page.Locator("#segment-count [data-count]")).ToHaveAttributeAsync("data-count", "2");
        await page.GetByLabel("最終入金日（以降）").FillAsync("2027-01-01");
        await page.GetByLabel("最終入金日（より前）").FillAsync("2026-01-01");
        await Expect(page.Locator("#segment-count")).ToContainTextAsync("最終入金日の範囲に当てはまる日がありません");
        await page.GetByLabel("最終入金日（以降）").FillAsync("");
        await page.GetByLabel("最終入金日（より前）").FillAsync("");
        await Expect(page.Locator("#segment-count [data-count]")).ToHaveAttributeAsync("data-count", "2");
        await page.GetByLabel("名前").FillAsync("大阪の会員（メール可）");
        await tab.ScreenshotAsync("segment-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(page.Locator("#member-count")).ToHaveTextAsync("2名");
        await tab.ScreenshotAsync("segment-members");

        await page.GetByRole(AriaRole.Link, new() { Name = "お知らせ・郵送を作る" }).ClickAsync();
        await page.GetByLabel("タイトル（管理用）").FillAsync("会報 冬号");
        await page.GetByLabel("件名（手紙では表題）").FillAsync("{{団体名}} 会報 冬号のお知らせ");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存して確認へ" }).ClickAsync();
        await Expect(page.Locator("#recipient-count")).ToHaveTextAsync("2");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("大阪 花子 様");
        await page.Locator("#preview-member").SelectOptionAsync(new SelectOptionValue { Label = (await page.Locator("#preview-member option").Nth(1).TextContentAsync())! });
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("大阪 次郎 様");
        await Expect(page.Locator("#preview-body")).ToContainTextAsync("/Unsubscribe?t=");
        await tab.ScreenshotAsync("mailing-preview");
        tab.AssertNoBrowserErrors();
    }
}
