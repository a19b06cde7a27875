using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Payments;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>The treasurer's journey in Chromium: choose a Zengin file, check the preview, confirm, see the proposal.</summary>
public class BankImportBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_treasurer_imports_a_Zengin_file_checks_the_preview_confirms_and_sees_the_proposed_member()
    {
        var member = await new MemberBuilder().Named("山田 太郎", "ヤマダ タロウ").CreateAsync(site);
        var invoiceNumber = await site.WithDbAsync(async db =>
        {
            var invoice = new Invoice
            {
                InvoiceNumber = Invoice.FormatNumber(2026, 41), FiscalYear = 2026, SequenceNumber = 41,
                MemberId = member.Id, MemberClassId = member.MemberClassId, IssuedOn = new DateOnly(2026, 4, 1), DueOn = new DateOnly(2026, 5, 31),
                Status = InvoiceStatus.Unpaid, Subtotal = new Yen(5_000), Total = new Yen(5_000), RecipientName = member.Name,
                CreatedAt = DateTime.UtcNow, CreatedByName = "テスト", Version = 1,
            };
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return invoice.InvoiceNumber;
        });
        var file = Path.Combine(Path.GetTempPath(), $"furikomi-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(file, ZenginRecord.File("\r\n",
            ZenginRecord.NoticeHeader(created: "081120", from: "081118", to: "081120"),
            ZenginRecord.Notice(1, "081118", 5_000, $"{member.MemberNumber} ﾔﾏﾀﾞ ﾀﾛｳ"),
            ZenginRecord.Notice(2, "081119", 3_000, "ﾀﾞﾚﾃﾞﾓﾅｲ ｼﾞﾛｳ"),
            ZenginRecord.NoticeTrailer(2, 8_000),
            ZenginRecord.End()));
        var treasurer = await site.CreateUserAsync(Roles.Treasurer, displayName: "会計 佐々木");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(treasurer.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Payments");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "銀行データ取込" }).First.ClickAsync();
        await page.SetInputFilesAsync("#file", file);
        await tab.ScreenshotAsync("bank-import-upload");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "読み込む" }).ClickAsync();

        await Expect(page.Locator("#credit-count")).ToHaveTextAsync("2件");
        await Expect(page.Locator("#credit-total")).ToContainTextAsync("8,000円");
        await Expect(page.Locator("#new-lines")).ToHaveTextAsync("2件");
        await tab.ScreenshotAsync("bank-import-preview");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "新しい明細2件を取り込む" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Payments/Imports/Details/\\d+"));
        var row = page.Locator("#lines tbody tr", new() { HasText = "ﾔﾏﾀﾞ ﾀﾛｳ" });
        await Expect(row.Locator(".proposal-member")).ToContainTextAsync($"{member.MemberNumber} 山田 太郎");
        await Expect(row).ToContainTextAsync($"{invoiceNumber}：5,000円");
        await Expect(row).ToContainTextAsync("自動で消込可");
        await tab.ScreenshotAsync("bank-import-details");
        tab.AssertNoBrowserErrors();
        File.Delete(file);
    }
}
