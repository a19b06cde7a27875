using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>礼状 in Chromium: preview beside the list, select all, send; the letters tab; screenshots.</summary>
public class ThanksBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly (string Name, string Kana, bool Email)[] People =
    [
        ("青木 直美", "アオキ ナオミ", true), ("藤田 隆", "フジタ タカシ", true), ("岡田 陽子", "オカダ ヨウコ", false),
        ("村上 真理", "ムラカミ マリ", true), ("近藤 勇気", "コンドウ ユウキ", false), ("坂本 愛", "サカモト アイ", true),
    ];

    [Fact]
    public async Task Staff_preview_and_send_thank_yous_in_a_batch()
    {
        var i = 0;
        Member? first = null;
        foreach (var (name, kana, email) in People)
        {
            var builder = new MemberBuilder().Named(name, kana);
            if (!email) builder = builder.WithEmail("");
            var member = await builder.CreateAsync(site);
            first ??= member;
            var amount = 5_000 + 1_000 * (i % 3);
            var invoice = await site.InvoiceAsync(member, 2026, amount);
            var extra = i % 2 == 0 ? 3_000 : 0;
            Assert.True((await site.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 10 + i), amount + extra, (invoice.Id, amount)))).Succeeded);
            i++;
        }
        var staff = await site.CreateUserAsync(Roles.Staff, displayName: "事務局 山口");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(staff.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Mail/Thanks");
        // Dues for all six, a donation from three: e-mail for those with an address, letters for the others.
        await Expect(page.Locator("#thanks-table tbody tr")).ToHaveCountAsync(5);
        await page.Locator("#thanks-table tbody tr", new() { HasText = "藤田 隆" }).GetByText("プレビュー").ClickAsync();
        await Expect(page.Locator("#thanks-preview #preview-body")).ToContainTextAsync("藤田 隆 様");
        await tab.ScreenshotAsync("thanks-email");

        await page.Locator("#thanks-table thead input[type=checkbox]").CheckAsync();
        await page.Locator("#send-button").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("5件のお礼メールを送信待ちにしました");
        await Expect(page.Locator("#thanks-empty")).ToBeVisibleAsync();

        await page.Locator("#tab-letter").ClickAsync();
        await Expect(page.Locator("#thanks-table tbody tr")).ToHaveCountAsync(4);
        await page.Locator("#thanks-table tbody tr", new() { HasText = "岡田 陽子" }).First.GetByText("プレビュー").ClickAsync();
        await Expect(page.Locator("#thanks-preview")).ToContainTextAsync("印刷イメージ");
        await tab.ScreenshotAsync("thanks-letters");

        await page.GotoAsync($"/Members/Details/{first!.Id}");
        await Expect(page.Locator("#member-thanks")).ToContainTextAsync("送信待ち");
        await page.Locator("#member-thanks").ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("thanks-member-history");
    }
}
