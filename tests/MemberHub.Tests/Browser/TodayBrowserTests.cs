using System.Text.RegularExpressions;
using MemberHub.Common;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Integration.FollowUp;
using MemberHub.Tests.Support;
using MemberHub.Thanks;
using MemberHub.Volunteers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>ホーム in Chromium: staff open it, follow one item, record a contact, and see the item leave the list.</summary>
public class TodayBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static MemberBuilder Person(string name, string kana) => new MemberBuilder().Named(name, kana);

    /// <summary>A morning's worth of real-looking work for the office (the clock is Monday 23 November 2026).</summary>
    private async Task<(Member Newcomer, Member Birthday)> MorningAsync(AppUser staff)
    {
        var classId = await site.WithDbAsync(db => Task.FromResult(0L));
        var birthday = await site.MemberAsync(m => m.Birthday = new DateOnly(1949, 11, 25), Person("松本 トメ", "マツモト トメ"));
        await site.MemberAsync(m => m.Birthday = new DateOnly(1962, 11, 23), Person("井上 和夫", "イノウエ カズオ"));
        await site.MemberAsync(m => m.Birthday = new DateOnly(1975, 11, 29), Person("木村 さやか", "キムラ サヤカ"));
        await site.MemberAsync(m => m.JoinedOn = new DateOnly(2016, 11, 3), Person("林 正男", "ハヤシ マサオ"));
        await site.MemberAsync(m => m.JoinedOn = new DateOnly(2021, 11, 27), Person("清水 由美子", "シミズ ユミコ"));
        await site.MemberAsync(m => m.JoinedOn = new DateOnly(2006, 11, 15), Person("山口 昭", "ヤマグチ アキラ"));
        var newcomer = await site.MemberAsync(m => m.JoinedOn = new DateOnly(2026, 10, 5), Person("森 千代子", "モリ チヨコ"));
        await site.MemberAsync(m => m.JoinedOn = new DateOnly(2026, 9, 1), Person("池田 翔太", "イケダ ショウタ"));
        var asked = await site.MemberAsync(builder: Person("橋本 幸子", "ハシモト サチコ"));
        await site.ContactAsync(asked.Id, new DateOnly(2026, 11, 18), "遺贈について資料がほしいとのお電話", followUpBy: new DateOnly(2026, 11, 21), staffUserId: staff.Id);
        var visit = await site.MemberAsync(builder: Person("石川 久美子", "イシカワ クミコ"));
        var drifting = await site.MemberAsync(m => m.JoinedOn = new DateOnly(2019, 4, 1), Person("前田 浩", "マエダ ヒロシ"));
        await site.ContactAsync(drifting.Id, new DateOnly(2025, 12, 10), "総会の出欠のお電話");
        var owing = await site.MemberAsync(builder: Person("藤田 恵美", "フジタ エミ"));
        var donor = await site.MemberAsync(builder: Person("岡田 美代子", "オカダ ミヨコ"));
        await site.PendingThanksAsync(donor.Id, new Yen(30_000));
        await site.WithDbAsync(async db =>
        {
            db.FollowUpTasks.Add(new FollowUpTask { MemberId = visit.Id, Kind = FollowUpTaskKind.Visit, Title = "会報をお届けしがてらご様子伺い", DueOn = new DateOnly(2026, 11, 24),
                AssignedUserId = staff.Id, AssignedName = staff.DisplayName, CreatedAt = DateTime.UtcNow, CreatedByName = staff.DisplayName });
            db.VolunteerRequests.Add(new VolunteerRequest { Title = "歳末チャリティーバザー 会場設営", Date = new DateOnly(2026, 12, 12), PeopleNeeded = 4,
                Status = VolunteerRequestStatus.Open, CreatedByName = "事務局", CreatedAt = DateTime.UtcNow, Version = 1 });
            await db.SaveChangesAsync();
            var cls = db.MemberClasses.First().Id;
            db.Invoices.Add(new MemberHub.Billing.Invoice { InvoiceNumber = "2026-00042", FiscalYear = 2026, SequenceNumber = 42, MemberId = owing.Id, MemberClassId = cls,
                IssuedOn = new DateOnly(2026, 5, 1), DueOn = new DateOnly(2026, 6, 30), Subtotal = new Yen(5_000), Total = new Yen(5_000), RecipientName = owing.Name,
                CreatedAt = DateTime.UtcNow, CreatedByName = "事務局" });
            await db.SaveChangesAsync();
        });
        _ = classId;
        return (newcomer, birthday);
    }

    [Fact]
    public async Task Staff_open_home_follow_an_item_record_a_contact_and_see_it_leave()
    {
        var staff = await site.CreateUserAsync(Roles.Staff, displayName: "高橋 美穂");
        var (newcomer, birthday) = await MorningAsync(staff);
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(staff.Email!);

        await Expect(page).ToHaveURLAsync(new Regex("/FollowUp$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ホーム", Exact = true })).ToBeVisibleAsync();
        var newItem = page.Locator($"[data-section='new-members'][data-member='{newcomer.Id}']");
        await Expect(newItem).ToContainTextAsync("森 千代子");
        await tab.ScreenshotAsync("home");

        // A card sent, marked in place: the birthday leaves without a page load.
        await tab.MarkDocumentAsync();
        await page.Locator($"[data-section='birthdays'][data-member='{birthday.Id}']").GetByRole(AriaRole.Button, new() { Name = "カード送付済み" }).ClickAsync();
        await Expect(page.Locator($"[data-section='birthdays'][data-member='{birthday.Id}']")).ToHaveCountAsync(0);
        await tab.AssertSameDocumentAsync();

        // Follow the new member, record the call, come back: they have had their second touch.
        await newItem.GetByRole(AriaRole.Link, new() { Name = "森 千代子" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "森 千代子" })).ToBeVisibleAsync();
        await page.Locator("#Contact_Summary").FillAsync("入会のお礼のお電話。来月の講演会にご夫婦で参加されるとのこと。");
        await page.GetByRole(AriaRole.Button, new() { Name = "履歴を追加" }).ClickAsync();
        await Expect(page.Locator("#history")).ToContainTextAsync("ご夫婦で参加される");
        await page.GetByRole(AriaRole.Link, new() { Name = "ホーム", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/FollowUp$"));
        await Expect(page.Locator($"[data-section='new-members'][data-member='{newcomer.Id}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-section='new-members']")).ToContainTextAsync("池田 翔太");

        await page.GotoAsync("/FollowUp/Tasks");
        await Expect(page.Locator("#task-table")).ToContainTextAsync("会報をお届けしがてらご様子伺い");
        await tab.ScreenshotAsync("tasks");

        tab.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_phone_box_opens_the_callers_page()
    {
        var staff = await site.CreateUserAsync(Roles.Staff, displayName: "佐々木 陽子");
        var caller = await site.MemberAsync(m =>
        {
            m.AssignedStaffUserId = staff.Id; m.Hobbies = "俳句、庭いじり"; m.BestTimeToCall = "平日の午前中"; m.PreferredChannel = ContactChannel.Phone;
            m.Prefecture = "大阪府"; m.City = "豊中市"; m.Street = "本町3-2-1";
        }, Person("中川 喜代子", "ナカガワ キヨコ").WithPhone("06-6843-2109").WithMobile("090-3344-5566"));
        await site.ContactAsync(caller.Id, new DateOnly(2026, 11, 2), "会報11月号の感想。俳句の欄を楽しみにしているとのこと。");
        await site.ContactAsync(caller.Id, new DateOnly(2026, 9, 14), "敬老の集いのご案内をお送りした");
        await site.WithDbAsync(async db =>
        {
            db.FollowUpTasks.Add(new FollowUpTask { MemberId = caller.Id, Kind = FollowUpTaskKind.ThankYouLetter, Title = "寄附のお礼状を送る", DueOn = new DateOnly(2026, 11, 27),
                AssignedUserId = staff.Id, AssignedName = staff.DisplayName, CreatedAt = DateTime.UtcNow, CreatedByName = staff.DisplayName });
            await db.SaveChangesAsync();
        });
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(staff.Email!);

        await page.Locator("#caller-box input[name=phone]").FillAsync("０６（６８４３）２１０９");
        await page.Locator("#caller-box button").ClickAsync();
        await Expect(page.Locator("#caller-name")).ToContainTextAsync("中川 喜代子");
        await Expect(page.Locator("#caller-staff")).ToHaveTextAsync("佐々木 陽子");
        await Expect(page.Locator("#caller-tasks")).ToContainTextAsync("寄附のお礼状を送る");
        await tab.ScreenshotAsync("caller");

        await page.Locator("#Contact_Summary").FillAsync("会費の振込先についてのお問い合わせ。ゆうちょの口座をお伝えした。");
        await page.GetByRole(AriaRole.Button, new() { Name = "通話を記録" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("通話を対応履歴に記録しました");
        await Expect(page.Locator("#caller-contacts")).ToContainTextAsync("ゆうちょの口座をお伝えした");
        tab.AssertNoBrowserErrors();
    }
}
