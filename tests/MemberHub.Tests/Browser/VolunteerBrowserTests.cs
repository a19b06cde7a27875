using System.Text.RegularExpressions;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MemberHub.Tests.Browser;

/// <summary>The volunteer's journey in Chromium: マイページ › ボランティア, areas, and an answer to an invitation; and the office's pages.</summary>
public class VolunteerBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private async Task<(Member Member, long RequestId)> InvitedVolunteerAsync()
    {
        var member = await new MemberBuilder().Named("ボラ 花子", "ボラ ハナコ").CreateAsync(site);
        var requestId = await site.WithDbAsync(async db =>
        {
            var reception = await db.VolunteerAreas.Where(a => a.Name == "受付・案内").Select(a => a.Id).SingleAsync();
            db.VolunteerProfiles.Add(new VolunteerProfile { MemberId = member.Id, Availability = Availability.WeekendMorning | Availability.WeekendAfternoon, Version = 1 });
            db.VolunteerSkills.Add(new VolunteerSkill { MemberId = member.Id, AreaId = reception });
            var r = new VolunteerRequest
            {
                Title = "冬まつり 受付", Place = "市民会館 1階ロビー", Description = "来場者の受付と案内をお願いします。", Date = new DateOnly(2026, 12, 5),
                StartTime = new TimeOnly(10, 0), EndTime = new TimeOnly(15, 0), PeopleNeeded = 3, Version = 1, CreatedByName = "事務局",
            };
            r.Areas.Add(new VolunteerRequestArea { AreaId = reception });
            db.VolunteerRequests.Add(r);
            await db.SaveChangesAsync();
            db.VolunteerAssignments.Add(new VolunteerAssignment { RequestId = r.Id, MemberId = member.Id, Status = AssignmentStatus.Invited, InvitedOn = new DateOnly(2026, 11, 22), Version = 1 });
            await db.SaveChangesAsync();
            return r.Id;
        });
        return (member, requestId);
    }

    [Fact]
    public async Task A_volunteer_signs_in_updates_their_areas_and_accepts_an_invitation()
    {
        var (member, requestId) = await InvitedVolunteerAsync();
        var user = await site.CreateUserAsync(Roles.Volunteer, displayName: "ボラ 花子", memberId: member.Id);
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(user.Email!);

        await Expect(page).ToHaveURLAsync(new Regex("/My$"));
        await Expect(page.Locator("#pending-invitations")).ToContainTextAsync("1件");
        await page.GetByRole(AriaRole.Link, new() { Name = "ボランティアのページへ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ボランティア", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("英語", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("英語 のひとこと").FillAsync("日常会話程度");
        await page.GetByLabel("土日 夜").CheckAsync();
        await page.GetByLabel("1か月に受けてよい依頼の数").FillAsync("2");
        await tab.ScreenshotAsync("my-volunteer-profile");
        await page.Locator("#save-profile").ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("ボランティアの登録を更新しました");
        await Expect(page.GetByLabel("英語", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("ボランティアの依頼を受け付ける")).ToBeCheckedAsync();

        var invitation = page.Locator($".invitation[data-request='{requestId}']");
        await Expect(invitation).ToContainTextAsync("市民会館 1階ロビー");
        await Expect(invitation.Locator(".answer-status")).ToHaveTextAsync("お返事待ち");
        await invitation.GetByRole(AriaRole.Button, new() { Name = "参加します" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("参加のお返事を受け付けました");
        await Expect(page.Locator($".invitation[data-request='{requestId}'] .answer-status")).ToHaveTextAsync("参加");
        await tab.ScreenshotAsync("my-volunteer-accepted");

        var stored = await site.WithDbAsync(db => db.VolunteerAssignments.SingleAsync(a => a.RequestId == requestId && a.MemberId == member.Id));
        Assert.Equal(AssignmentStatus.Accepted, stored.Status);
        var english = await site.WithDbAsync(db => db.VolunteerSkills.Include(s => s.Area).SingleAsync(s => s.MemberId == member.Id && s.Area!.Name == "英語"));
        Assert.Equal("日常会話程度", english.Note);
        tab.AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_office_pages_render_for_staff()
    {
        var (member, requestId) = await InvitedVolunteerAsync();
        var other = await new MemberBuilder().Named("候補 次郎", "コウホ ジロウ").CreateAsync(site);
        await site.WithDbAsync(async db =>
        {
            var reception = await db.VolunteerAreas.Where(a => a.Name == "受付・案内").Select(a => a.Id).SingleAsync();
            db.VolunteerProfiles.Add(new VolunteerProfile { MemberId = other.Id, Availability = Availability.ByArrangement, Version = 1 });
            db.VolunteerSkills.Add(new VolunteerSkill { MemberId = other.Id, AreaId = reception });
            db.EquipmentItems.Add(new EquipmentItem { Name = "プロジェクター", Code = "P-01" });
            db.VolunteerGoals.Add(new VolunteerGoal { Title = "年間ボランティア 2,000時間", Kind = GoalKind.Hours, Target = 2000, From = new(2026, 4, 1), To = new(2027, 3, 31), Message = "皆さまのご協力に感謝します。" });
            await db.SaveChangesAsync();
        });
        var staff = await site.CreateUserAsync(Roles.Staff, displayName: "事務局 太郎");
        await using var tab = await site.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(staff.Email!);

        await page.GotoAsync("/Volunteers");
        await Expect(page.Locator("nav.navbar").GetByRole(AriaRole.Link, new() { Name = "ボランティア" })).ToBeVisibleAsync();
        await Expect(page.Locator("#upcoming")).ToContainTextAsync("冬まつり 受付");
        await tab.ScreenshotAsync("volunteers-dashboard");

        await page.GotoAsync($"/Volunteers/Requests/Details/{requestId}");
        await Expect(page.Locator($"#candidates tr[data-member='{other.Id}']")).ToContainTextAsync("時間は相談による");
        await tab.ScreenshotAsync("volunteers-request");

        await page.GotoAsync("/Volunteers/Requests/Edit");
        await tab.ScreenshotAsync("volunteers-request-new");
        await page.GotoAsync($"/Volunteers/People/Profile/{member.Id}");
        await tab.ScreenshotAsync("volunteers-profile");
        await page.GotoAsync("/Volunteers/Equipment");
        await tab.ScreenshotAsync("volunteers-equipment");
        await page.GotoAsync("/Volunteers/Goals");
        var goalLink = page.GetByRole(AriaRole.Link, new() { Name = "支援者向けページ（印刷用）" }).First;
        var href = await goalLink.GetAttributeAsync("href");
        await tab.ScreenshotAsync("volunteers-goals");
        await page.GotoAsync(href!);
        await Expect(page.Locator("#goal-title")).ToHaveTextAsync("年間ボランティア 2,000時間");
        await tab.ScreenshotAsync("volunteers-goal-print");
        tab.AssertNoBrowserErrors();
    }
}
