using MemberHub.Identity;
using MemberHub.Organisation;
using MemberHub.Tests.Integration.Documents;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>A donation taken at the office, its receipt and certificate, the member's receipts, the register: in Chromium, with screenshots.</summary>
public class ReceiptBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_treasurer_records_a_donation_finds_the_donor_and_issues_a_receipt_and_the_annual_certificate()
    {
        await InvoiceData.OrganisationAsync(site);
        await site.WithDbAsync(async db =>
        {
            var o = await db.OrganisationSettings.SingleAsync(x => x.Id == OrganisationSettings.SingletonId);
            o.IsCertifiedNpo = true;
            o.CertificationNumber = "東京都認定第2023-45号";
            o.CertifiedOn = new DateOnly(2023, 4, 1);
            o.SealImage = InvoiceData.SealPng();
            o.SealContentType = "image/png";
            o.Version++;
            await db.SaveChangesAsync();
        });
        var donor = await new MemberBuilder().Named("小川 恵美", "オガワ エミ").CreateAsync(site);
        var treasurer = await site.CreateUserAsync(Roles.Treasurer, displayName: "会計 松井");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(treasurer.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Payments/Donation");
        await page.Locator("#q").FillAsync("おがわ");
        await page.Locator("#donor-pick-list a").First.ClickAsync();
        await Expect(page.Locator("#donation-form")).ToContainTextAsync("小川 恵美");
        await page.Locator("[name='Input.Amount']").FillAsync("30,000");
        await tab.ScreenshotAsync("donation-form");
        await page.Locator("#donation-form button[type=submit]").ClickAsync();

        await Expect(page.Locator("#payment-receipts")).ToBeVisibleAsync();
        await page.Locator("#issue-receipt").ClickAsync();
        await Expect(page.Locator("#payment-receipts li")).ToHaveCountAsync(1);
        await page.Locator("#issue-gift-certificate").ClickAsync();
        await Expect(page.Locator("#payment-receipts li")).ToHaveCountAsync(2);
        await tab.ScreenshotAsync("payment-receipts");

        await page.GotoAsync($"/Members/Details/{donor.Id}");
        await Expect(page.Locator("#member-receipts")).ToContainTextAsync("寄附金受領証明書");
        await page.Locator("#member-receipts").ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("member-receipts");

        await page.GotoAsync("/Payments/Receipts");
        await Expect(page.Locator("#receipts tbody tr")).ToHaveCountAsync(2);
        await tab.ScreenshotAsync("receipt-book");

        await page.GotoAsync("/Payments/DonorRegister");
        await Expect(page.Locator("#donor-register")).ToContainTextAsync("小川 恵美");
        await tab.ScreenshotAsync("donor-register");

        await page.GotoAsync("/Payments/Receipts/Annual?year=2026");
        await tab.ScreenshotAsync("annual-certificates");
        tab.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_admin_sets_the_competent_authority_and_the_end_of_the_certification()
    {
        await InvoiceData.OrganisationAsync(site);
        var admin = await site.CreateUserAsync(Roles.Admin, displayName: "管理者 佐々木");
        await using var tab = await site.OpenAsync();
        await tab.SignInAsync(admin.Email!);
        var page = tab.Page;

        await page.GotoAsync("/Admin/Organisation");
        await page.GetByLabel("認定NPO法人である").CheckAsync();
        await page.GetByLabel("認定番号").FillAsync("東京都認定第2023-45号");
        await page.GetByLabel("認定日").FillAsync("2023-04-01");
        await page.GetByLabel("所轄庁").FillAsync("東京都");
        await page.GetByLabel("有効期間の満了日").FillAsync("2028-03-31");
        await page.GetByLabel("所轄庁").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "organisation-certification.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();

        await Expect(page.GetByLabel("所轄庁")).ToHaveValueAsync("東京都");
        var o = await site.WithDbAsync(db => db.OrganisationSettings.AsNoTracking().SingleAsync(x => x.Id == OrganisationSettings.SingletonId));
        Assert.Equal(("東京都", new DateOnly(2028, 3, 31)), (o.CompetentAuthority, o.CertifiedUntil));
        tab.AssertNoBrowserErrors();
    }
}
