using MemberHub.Billing;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>The dues dashboard, the overdue list with select-all, and manual posting in Chromium, with screenshots.</summary>
public class CollectionBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly (string Name, string Kana)[] People =
    [
        ("青木 直美", "アオキ ナオミ"), ("藤田 隆", "フジタ タカシ"), ("岡田 陽子", "オカダ ヨウコ"), ("長谷川 修", "ハセガワ オサム"),
        ("村上 真理", "ムラカミ マリ"), ("近藤 勇気", "コンドウ ユウキ"), ("坂本 愛", "サカモト アイ"), ("遠藤 剛", "エンドウ ツヨシ"),
    ];

    [Fact]
    public async Task Dashboard_and_overdue_list_read_well_and_select_all_ticks_every_row()
    {
        var members = new List<Member>();
        for (var i = 0; i < People.Length; i++)
        {
            var builder = new MemberBuilder().Named(People[i].Name, People[i].Kana);
            if (i % 3 == 2) builder = builder.OfClass("賛助会員（個人）");
            members.Add(await builder.CreateAsync(site));
        }
        members[1] = await site.ChangeMemberAsync(members[1], m => m.RefusesEmail = true);
        var invoices = new List<Invoice>();
        foreach (var m in members) invoices.Add(await site.InvoiceAsync(m, 2026, m.Name.StartsWith("岡田", StringComparison.Ordinal) ? 10_000 : 5_000));
        await site.InvoiceAsync(members[0], 2025, 5_000);
        await site.InvoiceAsync(members[3], 2025, 5_000);
        var months = new[] { new DateOnly(2026, 4, 20), new DateOnly(2026, 5, 12), new DateOnly(2026, 5, 28), new DateOnly(2026, 7, 3) };
        for (var i = 4; i < 8; i++)
            Assert.True((await site.PostAsync(CollectionTestKit.Cash(members[i].Id, months[i - 4], 5_000, (invoices[i].Id, 5_000)))).Succeeded);
        Assert.True((await site.PostAsync(CollectionTestKit.Cash(members[2].Id, new DateOnly(2026, 9, 14), 4_000, (invoices[2].Id, 4_000)))).Succeeded);

        var admin = await site.CreateUserAsync(Roles.Admin, displayName: "管理者 佐々木");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(admin.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Dues");
        await Expect(page.Locator("#total-invoiced")).ToHaveTextAsync("45,000円");
        await Expect(page.Locator("#monthly-chart rect")).ToHaveCountAsync(12);
        await tab.ScreenshotAsync("dues-dashboard");

        await page.GotoAsync("/Dues/Overdue");
        var boxes = page.Locator("#overdue-table input[name=ids]");
        Assert.True(await boxes.CountAsync() >= 5);
        await page.Locator("#select-all").CheckAsync();
        foreach (var box in await boxes.AllAsync()) await Expect(box).ToBeCheckedAsync();
        await tab.ScreenshotAsync("dues-overdue");

        await page.GotoAsync($"/Payments/Manual?memberId={members[0].Id}");
        await page.Locator("[name='Input.Amount']").FillAsync("7000");
        // The suggestion fills the oldest invoice (2025) first, then the rest of 2026.
        await Expect(page.Locator("[name='Input.Invoices[0].Amount']")).ToHaveValueAsync("5000");
        await Expect(page.Locator("[name='Input.Invoices[1].Amount']")).ToHaveValueAsync("2000");
        await tab.ScreenshotAsync("payments-manual");
        await page.GetByRole(AriaRole.Button, new() { Name = "入金を記録する" }).ClickAsync();
        await Expect(page.Locator("main .alert-success")).ToContainTextAsync("入金を記録しました");

        await page.GotoAsync("/Dues/Lapse");
        await Expect(page.Locator("#lapse-table")).ToContainTextAsync("長谷川 修");
        await tab.ScreenshotAsync("dues-lapse");
        tab.AssertNoBrowserErrors();
    }
}
