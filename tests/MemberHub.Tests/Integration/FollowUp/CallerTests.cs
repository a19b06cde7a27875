using System.Net;
using MemberHub.Common;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.FollowUp;

/// <summary>Who's calling: a phone number in any format finds the member through the indexed digits.</summary>
public class CallerTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    private static int _n;
    private static string UniquePhone() => $"06-6{Interlocked.Increment(ref _n) + Random.Shared.Next(100, 800):000}-{Random.Shared.Next(1000, 9999)}";

    [Theory]
    [InlineData("{0}")]
    [InlineData("{1}")]
    [InlineData("+81 {2}")]
    [InlineData("{3}")]
    public async Task Any_format_of_the_number_opens_the_callers_page(string format)
    {
        var phone = UniquePhone();
        var digits = phone.Replace("-", "");
        var fullWidth = string.Concat(phone.Select(c => c == '-' ? '－' : (char)(c - '0' + '０')));
        var typed = string.Format(format, phone, digits, phone[1..], fullWidth);
        var member = await app.MemberAsync(m => { m.Notes = "耳が遠いので大きな声で"; }, new MemberBuilder().WithPhone(phone));
        var staff = await app.SignInAsAsync(Roles.Staff);

        var doc = await staff.Http.GetDocumentAsync("/FollowUp/Caller?phone=" + Uri.EscapeDataString(typed));

        Assert.Contains(member.Name, doc.Text("#caller-name"));
        Assert.NotNull(doc.QuerySelector("#record-call form"));
        Assert.Contains("耳が遠いので大きな声で", doc.Text("#caller-personal"));
    }

    [Fact]
    public async Task A_mobile_number_finds_its_member_too()
    {
        var mobile = "090-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999);
        var member = await app.MemberAsync(builder: new MemberBuilder().WithMobile(mobile));
        var staff = await app.SignInAsAsync(Roles.Staff);
        var doc = await staff.Http.GetDocumentAsync("/FollowUp/Caller?phone=" + mobile.Replace("-", " "));
        Assert.Contains(member.Name, doc.Text("#caller-name"));
    }

    [Fact]
    public async Task A_shared_household_number_offers_a_short_list()
    {
        var phone = UniquePhone();
        var husband = await app.MemberAsync(builder: new MemberBuilder().WithPhone(phone));
        var wife = await app.MemberAsync(builder: new MemberBuilder().WithPhone(phone));
        var staff = await app.SignInAsAsync(Roles.Staff);
        var doc = await staff.Http.GetDocumentAsync("/FollowUp/Caller?phone=" + phone);
        Assert.Null(doc.QuerySelector("#caller"));
        var links = doc.QuerySelectorAll("#caller-matches a.caller-match").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains(links, l => l.Contains($"memberId={husband.Id}"));
        var chosen = await staff.Http.GetDocumentAsync(links.Single(l => l.Contains($"memberId={wife.Id}")));
        Assert.Contains(wife.Name, chosen.Text("#caller-name"));
    }

    [Fact]
    public async Task An_unknown_number_says_so()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        var doc = await staff.Http.GetDocumentAsync("/FollowUp/Caller?phone=099-000-0000");
        Assert.Contains("099-000-0000 に当てはまる会員はいません。", doc.Text("#caller-message"));
        var tooShort = await staff.Http.GetDocumentAsync("/FollowUp/Caller?phone=12");
        Assert.Contains("4桁以上", tooShort.Text("#caller-message"));
    }

    [Fact]
    public async Task The_caller_page_shows_contacts_tasks_dues_and_the_assigned_staff_and_records_the_call()
    {
        var phone = UniquePhone();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var classId = await app.EnsureClassAsync();
        var member = await app.MemberAsync(m => m.AssignedStaffUserId = staff.User.Id, new MemberBuilder().WithPhone(phone));
        await app.ContactAsync(member.Id, new DateOnly(2026, 10, 5), "秋のバザーにご協力いただいた");
        await app.OverdueInvoiceAsync(member.Id, classId, 2026, new Yen(6_000), new DateOnly(2026, 6, 30));
        await app.WithDbAsync(async db =>
        {
            db.FollowUpTasks.Add(new MemberHub.FollowUp.FollowUpTask { MemberId = member.Id, Title = "年賀状の宛名確認", DueOn = new DateOnly(2026, 12, 1),
                AssignedName = "事務局", CreatedAt = DateTime.UtcNow, CreatedByName = "t" });
            await db.SaveChangesAsync();
        });

        var doc = await staff.Http.GetDocumentAsync("/FollowUp/Caller?phone=" + phone);
        Assert.Equal(staff.User.DisplayName, doc.Text("#caller-staff"));
        Assert.Contains("秋のバザーにご協力いただいた", doc.Text("#caller-contacts"));
        Assert.Contains("年賀状の宛名確認", doc.Text("#caller-tasks"));
        Assert.Contains("6,000", doc.Text("#caller-arrears"));

        var posted = await staff.Http.SubmitFormAsync(doc, "/FollowUp/Caller", new Dictionary<string, string>
        {
            ["Contact.Summary"] = "会費の振込先を確認したいとのお電話。口座をお伝えした。",
        }, "#record-call form");
        posted.AssertRedirectTo($"/FollowUp/Caller?memberId={member.Id}");
        var contact = await app.WithDbAsync(db => db.ContactRecords.OrderByDescending(c => c.Id).FirstAsync(c => c.MemberId == member.Id));
        Assert.Equal((MemberHub.Members.ContactChannel.Phone, new DateOnly(2026, 11, 23), staff.User.DisplayName), (contact.Channel, contact.OccurredOn, contact.StaffName));
        var after = await staff.Http.GetDocumentAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("口座をお伝えした", after.Text("#caller-contacts"));
    }

    [Fact]
    public async Task The_treasurer_sees_the_caller_without_personal_notes_and_cannot_record()
    {
        var phone = UniquePhone();
        var member = await app.MemberAsync(m => m.FamilyNotes = "ご主人を昨年亡くされた", new MemberBuilder().WithPhone(phone));
        await app.ContactAsync(member.Id, new DateOnly(2026, 10, 5), "ご家族のことで長くお話しされた");
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var doc = await treasurer.Http.GetDocumentAsync("/FollowUp/Caller?phone=" + phone);
        Assert.Contains(member.Name, doc.Text("#caller-name"));
        Assert.Null(doc.QuerySelector("#caller-personal"));
        Assert.Null(doc.QuerySelector("#record-call"));
        Assert.DoesNotContain("ご主人を昨年亡くされた", doc.Body!.TextContent);
        Assert.DoesNotContain("長くお話しされた", doc.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.PostAsync($"/FollowUp/CallRecord/{member.Id}", new FormUrlEncodedContent([]))).StatusCode);
    }
}
