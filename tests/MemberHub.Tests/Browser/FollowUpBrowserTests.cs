using System.Text.RegularExpressions;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>Staff look at a supporter's record, the rules, record who came to an event, and open the dashboard and map.</summary>
public class FollowUpBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly string[] Prefectures =
        ["東京都", "東京都", "東京都", "神奈川県", "神奈川県", "埼玉県", "千葉県", "大阪府", "大阪府", "愛知県", "北海道", "福岡県", "京都府", "兵庫県", "宮城県", "広島県", "沖縄県", "長野県"];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>Payment histories of the kinds the classes describe.</summary>
    private static readonly DateOnly[][] Histories =
    [
        [D(2019, 4, 20), D(2020, 4, 18), D(2021, 4, 22), D(2022, 4, 15), D(2023, 4, 19), D(2024, 4, 17), D(2025, 4, 21), D(2026, 4, 16)],
        [D(2025, 1, 10), D(2025, 2, 14), D(2025, 4, 2)],
        [D(2022, 5, 1), D(2024, 6, 1), D(2026, 5, 10)],
        [D(2026, 6, 3)],
        [D(2025, 5, 12), D(2026, 5, 20)],
        [],
        [D(2023, 3, 8)],
    ];

    [Fact]
    public async Task Staff_see_the_record_rules_events_and_dashboard()
    {
        long featured = 0;
        for (var i = 0; i < 42; i++)
        {
            var member = await new MemberBuilder().InPrefecture(Prefectures[i % Prefectures.Length], "中央区").JoinedOn(D(2015 + i % 11, 4, 1)).CreateAsync(site);
            foreach (var on in Histories[i % Histories.Length])
                await site.PostAsync(CollectionTestKit.Cash(member.Id, on, on.Month == 4 ? 5_000 : 3_000 + 1_000 * (i % 4)));
            if (i == 0) featured = member.Id;
        }
        var staff = await site.CreateUserAsync(Roles.Staff, displayName: "事務局 佐藤");
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(staff.Email!);

        await page.GotoAsync($"/Members/Details/{featured}");
        await Expect(page.Locator("#record-class")).ToHaveTextAsync("優良");
        await Expect(page.Locator("#record-stage")).ToHaveTextAsync("ファン");
        await page.Locator("#supporter-record").ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("followup-member-record");

        await page.GotoAsync("/FollowUp/Rules");
        await Expect(page.Locator("#rules")).ToContainTextAsync("5つ以上の年");
        await tab.ScreenshotAsync("followup-rules");

        await page.GotoAsync("/FollowUp/Events");
        await page.Locator("#new-event").ClickAsync();
        await page.GetByLabel("イベント名").FillAsync("秋の交流会");
        await page.GetByLabel("開催日").FillAsync("2026-11-21");
        await page.GetByLabel("開始時刻").FillAsync("13:30");
        await page.GetByLabel("場所").FillAsync("市民会館 2階");
        await page.GetByLabel("キーワード").FillAsync("交流、お茶");
        await page.GetByLabel("内容").FillAsync("会員どうしの交流会です。お茶とお菓子を用意します。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/FollowUp/Events/Details/\\d+$"));
        var numbers = await site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Members.OrderBy(m => m.Id).Take(4).Select(m => m.MemberNumber)));
        await page.Locator("#attendee-q").FillAsync(numbers[0].ToString());
        await Expect(page.Locator("#attendee-picks .attendee-pick").First).ToBeVisibleAsync();
        await page.Locator("#attendee-picks .attendee-pick").First.GetByRole(AriaRole.Button, new() { Name = "参加を記録" }).ClickAsync();
        await Expect(page.Locator("#attendee-count")).ToHaveTextAsync("1");
        await page.GetByLabel(new Regex("会員番号でまとめて追加")).FillAsync(string.Join("、", numbers.Skip(1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "まとめて追加" }).ClickAsync();
        await Expect(page.Locator("#attendee-count")).ToHaveTextAsync("4");
        await tab.ScreenshotAsync("followup-event-details");
        await page.GotoAsync("/FollowUp/Events");
        await tab.ScreenshotAsync("followup-events");

        await page.GotoAsync("/FollowUp/Dashboard");
        await Expect(page.Locator("#japan-map a.prefecture")).ToHaveCountAsync(47);
        await tab.ScreenshotAsync("followup-dashboard");
        await page.Locator("#japan-map a[data-prefecture='大阪府']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Members\\?prefecture="));
        await Expect(page.Locator("main")).ToContainTextAsync("大阪府");
        tab.AssertNoBrowserErrors();
    }
}
