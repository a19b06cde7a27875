using System.Text.RegularExpressions;
using MemberHub.Billing;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Outbox;
using MemberHub.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>Staff e-mail a run's invoices, watch the outbox (no mail server here) and preview a template, in Chromium.</summary>
public class OutboxBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Staff_queue_a_run_s_invoice_e_mails_see_them_waiting_and_preview_the_template()
    {
        var run = await site.CreateRunAsync();
        for (var i = 0; i < 3; i++)
            await site.CreateInvoiceAsync(await new MemberBuilder().CreateAsync(site), run.Id);
        await site.CreateInvoiceAsync(await new MemberBuilder().CreateAsync(site), run.Id, DeliveryChannel.Post);
        var staff = await site.CreateUserAsync(Roles.Staff, displayName: "事務局 花子");
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(staff.Email!);

        await page.GotoAsync($"/Dues/Runs/Email/{run.Id}");
        await Expect(page.Locator("[data-testid=to-send]")).ToHaveTextAsync("3件");
        await Expect(page.Locator("main")).ToContainTextAsync("郵送で届ける請求書");
        await tab.ScreenshotAsync("run-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "3件をメールで送る" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("3件の請求書メールを送信待ちにしました。");

        await page.GotoAsync("/Mail");
        await Expect(page.Locator("[data-testid=smtp-banner]")).ToBeVisibleAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        await tab.ScreenshotAsync("outbox");

        await page.GotoAsync("/Mail/Templates/Edit/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "プレビュー" }).ClickAsync();
        await Expect(page.Locator("[data-testid=preview-body]")).ToContainTextAsync("山田 花子 様");
        await Expect(page).ToHaveURLAsync(new Regex("/Mail/Templates/Edit/1$"));
        await tab.ScreenshotAsync("template-preview");
        tab.AssertNoBrowserErrors();
    }
}
