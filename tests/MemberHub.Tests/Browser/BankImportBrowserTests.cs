using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Payments;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>
/// The treasurer's journey in Chromium: choose a Zengin statement, check the preview, confirm; the clear transfer is
/// posted automatically, a suggestion is confirmed with the keyboard (j, j, Enter) and its invoice is paid.
/// </summary>
public class BankImportBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private Task<Invoice> InvoiceAsync(Member member, long amount, int sequence) => site.WithDbAsync(async db =>
    {
        var invoice = new Invoice
        {
            InvoiceNumber = Invoice.FormatNumber(2026, sequence), FiscalYear = 2026, SequenceNumber = sequence,
            MemberId = member.Id, MemberClassId = member.MemberClassId, IssuedOn = new DateOnly(2026, 4, 1), DueOn = new DateOnly(2026, 5, 31),
            Status = InvoiceStatus.Unpaid, Subtotal = new Yen(amount), Total = new Yen(amount), RecipientName = member.Name,
            CreatedAt = DateTime.UtcNow, CreatedByName = "テスト", Version = 1,
        };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        return invoice;
    });

    [Fact]
    public async Task The_treasurer_imports_a_Zengin_file_confirms_a_suggestion_and_sees_the_invoice_paid()
    {
        var yamada = await new MemberBuilder().Named("山田 太郎", "ヤマダ タロウ").CreateAsync(site);
        var suzuki = await new MemberBuilder().Named("鈴木 花子", "スズキ ハナコ").CreateAsync(site);
        var namesake = await new MemberBuilder().Named("鈴木 花子", "すずき はなこ").CreateAsync(site);
        var sato = await new MemberBuilder().Named("佐藤 誠", "サトウ マコト").CreateAsync(site);
        var invYamada = await InvoiceAsync(yamada, 5_000, 41);
        var invSuzuki = await InvoiceAsync(suzuki, 5_000, 42);
        await InvoiceAsync(namesake, 3_000, 43);
        await InvoiceAsync(sato, 5_000, 44);
        var file = Path.Combine(Path.GetTempPath(), $"meisai-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(file, ZenginRecord.File("\r\n",
            ZenginRecord.StatementHeader("7654321", 100_000, created: "081120"),
            ZenginRecord.StatementLine(1, "081118", true, "11", 5_000, $"{yamada.MemberNumber} ﾔﾏﾀﾞ ﾀﾛｳ"),
            ZenginRecord.StatementLine(2, "081118", true, "11", 5_000, "ｽｽﾞｷ ﾊﾅｺ"),
            ZenginRecord.StatementLine(3, "081119", true, "11", 4_560, "ｻﾄｳ ﾏｺﾄ"),
            ZenginRecord.StatementLine(4, "081119", true, "11", 3_000, "ﾀﾞﾚﾃﾞﾓﾅｲ ｼﾞﾛｳ"),
            ZenginRecord.StatementLine(5, "081120", false, "18", 440, description: "ﾌﾘｺﾐﾃｽｳﾘﾖｳ"),
            ZenginRecord.StatementLine(6, "081120", false, "10", 20_000, description: "ATM"),
            ZenginRecord.StatementTrailer(4, 17_560, 2, 20_440, 97_120, 6),
            ZenginRecord.StatementEnd(9, 1)));
        var treasurer = await site.CreateUserAsync(Roles.Treasurer, displayName: "会計 佐々木");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(treasurer.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Payments");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "銀行データ取込" }).First.ClickAsync();
        await page.SetInputFilesAsync("#file", file);
        await tab.ScreenshotAsync("bank-import-upload");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "読み込む" }).ClickAsync();

        await Expect(page.Locator("#credit-count")).ToHaveTextAsync("4件");
        await Expect(page.Locator("#new-lines")).ToHaveTextAsync("6件");
        await tab.ScreenshotAsync("bank-import-preview");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "新しい明細6件を取り込む" }).ClickAsync();

        // The clear transfer was posted right after the import.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Payments/Imports/Details/\\d+"));
        await Expect(page.Locator("#auto-lines tbody tr", new() { HasText = "ﾔﾏﾀﾞ ﾀﾛｳ" })).ToContainTextAsync($"{invYamada.InvoiceNumber}：5,000円");
        await Expect(page.Locator("#other-lines tbody tr")).ToHaveCountAsync(2);
        var suggestion = page.Locator("#suggested-lines tr.suggestion", new() { HasText = "ｽｽﾞｷ ﾊﾅｺ" });
        await Expect(suggestion.Locator(".candidate.first")).ToContainTextAsync($"{suzuki.MemberNumber} 鈴木 花子");
        await tab.ScreenshotAsync("reconcile-before");

        // Keyboard: j moves to the next suggestion (the surest first), Enter confirms its first candidate.
        var rows = page.Locator("#suggested-lines tr.suggestion");
        var index = await rows.EvaluateAllAsync<int>("(rows) => rows.findIndex(r => r.textContent.includes('ｽｽﾞｷ ﾊﾅｺ'))");
        for (var k = 0; k <= index; k++) await page.Keyboard.PressAsync("j");
        await Expect(suggestion).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var done = page.Locator("#done-lines tbody tr", new() { HasText = "ｽｽﾞｷ ﾊﾅｺ" });
        await Expect(done).ToContainTextAsync($"{suzuki.MemberNumber} 鈴木 花子");
        await Expect(done).ToContainTextAsync("確認済");
        await Expect(page.Locator("#decision-message")).ToContainTextAsync("入金を記録しました");
        await Expect(page.Locator("[data-count=done]")).ToHaveTextAsync("1");
        await Expect(page.Locator("#unmatched-lines tbody tr", new() { HasText = "ﾀﾞﾚﾃﾞﾓﾅｲ" })).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("reconcile-groups");

        await page.GotoAsync($"/Dues/Invoices/Details/{invSuzuki.Id}");
        await Expect(page.Locator("main")).ToContainTextAsync("入金済");
        Assert.Equal(InvoiceStatus.Paid, await site.WithDbAsync(db => db.Invoices.Where(i => i.Id == invSuzuki.Id).Select(i => i.Status).SingleAsync()));
        tab.AssertNoBrowserErrors();
        File.Delete(file);
    }

    [Fact]
    public async Task A_large_import_shows_200_rows_per_group_and_the_rest_on_request()
    {
        const int count = 230;
        var records = new List<ZenginRecord> { ZenginRecord.NoticeHeader(created: "081120", from: "081118", to: "081120", account: "7654329") };
        for (var i = 0; i < count; i++)
            records.Add(ZenginRecord.Notice(i + 1, "081119", 1_000 + i, $"ﾀｲﾘﾖｳ ﾌﾒｲ{(char)('ｱ' + i % 40)}{(char)('ｱ' + i / 40)}"));
        records.Add(ZenginRecord.NoticeTrailer(count, Enumerable.Range(0, count).Sum(i => 1_000L + i)));
        records.Add(ZenginRecord.End());
        var file = Path.Combine(Path.GetTempPath(), $"nyukin-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(file, ZenginRecord.File("\r\n", [.. records]));
        var treasurer = await site.CreateUserAsync(Roles.Treasurer, displayName: "会計 佐々木");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(treasurer.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Payments/Import");
        await page.SetInputFilesAsync("#file", file);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "読み込む" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"新しい明細{count}件を取り込む" }).ClickAsync();

        await Expect(page.Locator("[data-count=unmatched]")).ToHaveTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#unmatched-lines tbody tr")).ToHaveCountAsync(200);
        var more = page.Locator(".more-rows[data-group=unmatched]");
        await Expect(more).ToContainTextAsync("ほか30件は表示していません");
        await more.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "reconcile-more-rows.png") });

        await more.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "すべて表示" }).ClickAsync();
        await Expect(page.Locator("#unmatched-lines tbody tr")).ToHaveCountAsync(count);
        await Expect(page.Locator(".more-rows[data-group=unmatched]")).ToHaveCountAsync(0);

        // An action re-renders the groups with as many rows as the page showed.
        await page.Locator("#unmatched-lines tbody tr").First.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "寄附" }).ClickAsync();
        await Expect(page.Locator("[data-count=done]")).ToHaveTextAsync("1");
        await Expect(page.Locator("#unmatched-lines tbody tr")).ToHaveCountAsync(count - 1);
        tab.AssertNoBrowserErrors();
        File.Delete(file);
    }

    [Fact]
    public async Task The_treasurer_corrects_a_saved_CSV_mapping()
    {
        var id = await site.WithDbAsync(async db =>
        {
            var m = new MemberHub.Banking.BankCsvMapping
            {
                Name = "東京ろうきん 普通", AccountName = "東京ろうきん 普通 7654321", Encoding = "shift_jis", HeaderRow = 2, DateColumn = "取扱日",
                CreditColumn = "お預り金額", DebitColumn = "お支払金額", PayerColumn = "摘要", BalanceColumn = "差引残高",
                CreatedAt = DateTime.UtcNow, CreatedByName = "会計 佐々木",
            };
            db.BankCsvMappings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var treasurer = await site.CreateUserAsync(Roles.Treasurer, displayName: "会計 佐々木");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(treasurer.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Payments/Import");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "保存した列の設定を直す・整理する" }).ClickAsync();
        await Expect(page.Locator($"[data-mapping='{id}']")).ToContainTextAsync("振込依頼人「摘要」");
        await tab.ScreenshotAsync("csv-mappings");
        await page.Locator($"[data-mapping='{id}']").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "列を直す" }).ClickAsync();
        await page.GetByLabel("振込依頼人・摘要").FillAsync("ご依頼人・内容");
        await tab.ScreenshotAsync("csv-mapping-edit");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator($"[data-mapping='{id}']")).ToContainTextAsync("振込依頼人「ご依頼人・内容」");
        tab.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_treasurer_chooses_how_readily_transfers_are_posted_automatically()
    {
        await site.WithDbAsync(async db =>
        {
            if (await db.OrganisationSettings.AnyAsync()) return;
            db.OrganisationSettings.Add(new MemberHub.Organisation.OrganisationSettings { Name = "特定非営利活動法人 みどりの会" });
            await db.SaveChangesAsync();
        });
        var treasurer = await site.CreateUserAsync(Roles.Treasurer, displayName: "会計 佐々木");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(treasurer.Email!);
        var page = tab.Page;
        try
        {
            await page.GotoAsync("/Payments/Import");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "自動消込の設定" }).ClickAsync();
            await Expect(page.GetByLabel("標準")).ToBeCheckedAsync();
            await page.GetByLabel("慎重").CheckAsync();
            await tab.ScreenshotAsync("auto-posting-settings");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
            await Expect(page.Locator("body")).ToContainTextAsync("自動消込の基準を「慎重」にしました");
            await Expect(page.GetByLabel("慎重")).ToBeCheckedAsync();
            tab.AssertNoBrowserErrors();
        }
        finally
        {
            await site.WithDbAsync(async db =>
            {
                var settings = await db.OrganisationSettings.SingleAsync();
                settings.AutoPosting = MemberHub.Payments.AutoPostingMode.Standard;
                settings.Version++;
                await db.SaveChangesAsync();
            });
        }
    }
}
