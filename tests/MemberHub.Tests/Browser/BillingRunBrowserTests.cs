using System.Text.RegularExpressions;
using MemberHub.Billing;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Integration.Billing;
using MemberHub.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>A billing run in Chromium as the office does it: choose the year, preview, confirm, open an invoice.</summary>
public class BillingRunBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Staff_preview_a_run_confirm_it_and_open_an_invoice()
    {
        var (classId, className) = await site.NewClassAsync(fee: 6_000, rule: JoinRule.MonthlyProration);
        var b = new MemberBuilder().OfClass(className);
        await b.Named("山本 和子", "ヤマモト カズコ").CreateAsync(site);
        await b.Organisation("株式会社みなと商事", "カブシキガイシャミナトショウジ", "港 一郎").CreateAsync(site);
        await b.Named("小川 翼", "オガワ ツバサ").JoinedOn(new DateOnly(2026, 10, 1)).CreateAsync(site);
        await b.Named("木村 昭", "キムラ アキラ").Withdrawn().CreateAsync(site);
        await b.Named("林 直子", "ハヤシ ナオコ").WithStatus(MemberStatus.Suspended).CreateAsync(site);
        var staff = await site.CreateUserAsync(Roles.Staff);
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(staff.Email!);

        await page.GotoAsync("/Dues/Runs");
        await page.GetByRole(AriaRole.Link, new() { Name = "新しく請求を作成" }).ClickAsync();
        await Expect(page.Locator("#FiscalYear")).ToHaveValueAsync("2026");
        await page.Locator($"#class-{classId}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "対象を確認する（プレビュー）" }).ClickAsync();

        await Expect(page.Locator("#billed-count")).ToHaveTextAsync("3件");
        await Expect(page.Locator("#billed-total")).ToHaveTextAsync("15,000円");
        await Expect(page.Locator("#preview-summary")).ToContainTextAsync("退会 1件");
        await Expect(page.Locator("#preview-summary")).ToContainTextAsync("休会中 1件");
        await Expect(page.Locator("#billed-table")).ToContainTextAsync("2026年10月入会のため月割り（6か月分）");
        await tab.ScreenshotAsync("billing-run-preview");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("この内容で3件の請求書を発行する") }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Dues/Runs/Details/\d+"));
        await Expect(page.Locator("#flash")).ToContainTextAsync("3件の請求書を発行しました");
        await Expect(page.Locator("#post-pdf-link")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("billing-run-details");

        await page.Locator("#run-invoices a").Filter(new() { HasText = "2026-" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Dues/Invoices/Details/\d+"));
        await Expect(page.Locator("#invoice-number")).ToHaveTextAsync(new Regex(@"^2026-\d{5}$"));
        await Expect(page.Locator("#invoice-status")).ToContainTextAsync("未入金");
        var pdfHref = await page.Locator("#pdf-link").GetAttributeAsync("href");
        Assert.Matches(@"^/Dues/Invoices/Pdf/\d+$", pdfHref);
        await tab.ScreenshotAsync("billing-invoice-details");

        var invoiceNumber = await page.Locator("#invoice-number").InnerTextAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#pdf-download-link").ClickAsync());
        Assert.Equal($"会費請求書_{invoiceNumber}.pdf", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"mh-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        try
        {
            var text = string.Concat(MemberHub.Tests.Unit.Documents.SamplePrints.PageTexts(await File.ReadAllBytesAsync(path)));
            Assert.Contains(invoiceNumber, text);
            Assert.Contains("会費ご請求書", text);
        }
        finally
        {
            File.Delete(path);
        }
        tab.AssertNoBrowserErrors();
    }
}
