using System.Text.RegularExpressions;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>A brand-new site in Chromium: every page leads to 初期設定, and finishing it signs the administrator in.</summary>
public class FirstRunBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_new_site_asks_for_set_up_shows_mistakes_in_Japanese_and_then_signs_the_admin_in()
    {
        await using var tab = await site.OpenAsync();
        var page = tab.Page;

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Setup$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "初期設定" })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("初期設定 | MemberHub");
        await tab.ScreenshotAsync("setup");

        var organisation = page.GetByLabel("団体名");
        var adminName = page.GetByLabel("管理者のお名前");
        var email = page.GetByLabel("メールアドレス（ログインに使います）");
        var password = page.GetByLabel("パスワード（12文字以上）");
        var confirm = page.GetByLabel("パスワード（確認）");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "設定してはじめる" });

        // A password that is too short: the form comes back with the Japanese message and keeps what was typed.
        await organisation.FillAsync("NPO法人 みどりの森");
        await adminName.FillAsync("佐藤 花子");
        await email.FillAsync("hanako@midori.example.jp");
        await password.FillAsync("みどり");
        await confirm.FillAsync("みどり");
        await submit.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("パスワードは12文字以上にしてください。");
        await Expect(organisation).ToHaveValueAsync("NPO法人 みどりの森");
        await Expect(adminName).ToHaveValueAsync("佐藤 花子");
        await tab.ScreenshotAsync("setup-password-too-short");
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.CountAsync()));

        await password.FillAsync("みどりの森は今日も元気です");
        await confirm.FillAsync("みどりの森は今日も元気です");
        await submit.ClickAsync();

        // Signed in as the new administrator. (The front door sends Admin to the member register.)
        var nav = page.Locator("nav.navbar");
        await Expect(nav).ToContainTextAsync("佐藤 花子");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "マイページ" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Button, new() { Name = "ログアウト" })).ToBeVisibleAsync();
        await Expect(page.Locator(".alert[role=status]")).ToContainTextAsync("初期設定が完了しました。");
        await tab.AssertReadableAsync(nav.Locator(".nav-link, .navbar-text"));
        await tab.ScreenshotAsync("setup-done");

        var admin = await site.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal("hanako@midori.example.jp", admin.Email);
        Assert.True(await site.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == admin.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))));

        await nav.GetByRole(AriaRole.Link, new() { Name = "マイページ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "マイページ" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("ようこそ、佐藤 花子 さん。");

        // Set-up is over for good.
        var again = await page.GotoAsync("/Setup");
        Assert.Equal(404, again?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ページが見つかりません" })).ToBeVisibleAsync();

        tab.AssertNoBrowserErrors();
    }
}
