using System.Net;
using AngleSharp.Html.Dom;
using MemberHub.Common;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.FollowUp;

/// <summary>ホーム through HTTP. The clock is Monday 23 November 2026 in Japan.</summary>
public abstract class TodayListTests(MemberHubFactory app)
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static bool Listed(IHtmlDocument doc, string section, long memberId) =>
        doc.QuerySelector($"#today [data-section='{section}'][data-member='{memberId}']") is not null;

    [Fact]
    public async Task Staff_start_on_home_and_the_treasurer_at_payments()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        (await staff.Http.GetAsync("/")).AssertRedirectTo("/FollowUp");
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        (await treasurer.Http.GetAsync("/")).AssertRedirectTo("/Payments");
        var volunteer = await app.SignInAsAsync(Roles.Volunteer);
        (await volunteer.Http.GetAsync("/")).AssertRedirectTo("/My");
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync("/FollowUp")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync("/FollowUp/Tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync("/FollowUp/Caller?phone=0312345678")).StatusCode);
    }

    [Fact]
    public async Task Each_section_lists_the_people_it_should()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var classId = await app.EnsureClassAsync();
        var birthday = await app.MemberAsync(m => m.Birthday = new DateOnly(1958, 11, 25));
        var laterBirthday = await app.MemberAsync(m => m.Birthday = new DateOnly(1958, 12, 5));
        var anniversary = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2016, 11, 10));
        var joinedThisYear = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2025, 10, 10));
        var newcomer = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2026, 10, 1));
        var welcomed = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2026, 10, 2));
        await app.ContactAsync(welcomed.Id, new DateOnly(2026, 10, 20), "入会のお礼の電話");
        var drifting = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2020, 4, 1));
        await app.ContactAsync(drifting.Id, new DateOnly(2025, 12, 1), "総会のご案内");
        var alreadyDormant = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2020, 4, 1));
        await app.ContactAsync(alreadyDormant.Id, new DateOnly(2025, 6, 1), "電話");
        var asked = await app.MemberAsync();
        await app.ContactAsync(asked.Id, new DateOnly(2026, 11, 16), "講演会の資料を送ってほしいとのこと", followUpBy: new DateOnly(2026, 11, 22));
        var owing = await app.MemberAsync();
        await app.OverdueInvoiceAsync(owing.Id, classId, 2026, new Yen(5_000), new DateOnly(2026, 6, 30));
        var donor = await app.MemberAsync();
        await app.PendingThanksAsync(donor.Id, new Yen(30_000));
        await app.WithDbAsync(async db =>
        {
            var r = new VolunteerRequest { Title = "年末バザーの受付", Date = new DateOnly(2026, 12, 5), PeopleNeeded = 3, Status = VolunteerRequestStatus.Open, CreatedByName = "t", CreatedAt = DateTime.UtcNow };
            db.VolunteerRequests.Add(r);
            await db.SaveChangesAsync();
            return r;
        });

        var doc = await staff.Http.GetDocumentAsync("/FollowUp");

        Assert.True(Listed(doc, "birthdays", birthday.Id));
        Assert.False(Listed(doc, "birthdays", laterBirthday.Id));
        Assert.True(Listed(doc, "anniversaries", anniversary.Id));
        Assert.Contains("10周年", doc.QuerySelector($"[data-section='anniversaries'][data-member='{anniversary.Id}']")!.TextContent);
        Assert.False(Listed(doc, "anniversaries", joinedThisYear.Id));
        Assert.True(Listed(doc, "new-members", newcomer.Id));
        Assert.False(Listed(doc, "new-members", welcomed.Id));
        Assert.True(Listed(doc, "dormant", drifting.Id));
        Assert.False(Listed(doc, "dormant", alreadyDormant.Id));
        Assert.True(Listed(doc, "due", asked.Id));
        Assert.True(Listed(doc, "overdue", owing.Id));
        Assert.True(Listed(doc, "thanks", donor.Id));
        Assert.Contains("年末バザーの受付", doc.QuerySelector("#sec-volunteers")!.TextContent);
        Assert.Contains("あと3名", doc.QuerySelector("#sec-volunteers")!.TextContent);
        // One click to the person.
        Assert.NotNull(doc.QuerySelector($"[data-section='birthdays'] a[href='/Members/Details/{birthday.Id}']"));
    }

    [Fact]
    public async Task A_birthday_card_sent_is_a_contact_and_the_birthday_leaves_the_list()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync(m => m.Birthday = new DateOnly(1947, 11, 28));
        var doc = await staff.Http.GetDocumentAsync("/FollowUp");
        Assert.True(Listed(doc, "birthdays", member.Id));
        var before = int.Parse(doc.QuerySelector("[data-count='birthdays']")!.FirstChild!.TextContent);

        var response = await staff.Http.HtmxSubmitAsync(doc, $"[data-section='birthdays'][data-member='{member.Id}'] form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = HtmlForms.Parse(await response.BodyAsync());
        Assert.False(Listed(fragment, "birthdays", member.Id));
        Assert.Equal(before - 1, int.Parse(fragment.QuerySelector("[data-count='birthdays']")!.FirstChild!.TextContent));

        var (contacts, task) = await app.WithDbAsync(async db => (
            await db.ContactRecords.Where(c => c.MemberId == member.Id).ToListAsync(),
            await db.FollowUpTasks.SingleAsync(t => t.MemberId == member.Id)));
        Assert.Equal("誕生日カードを送りました。", Assert.Single(contacts).Summary);
        Assert.Equal(ContactChannel.Post, contacts[0].Channel);
        Assert.Equal((FollowUpTaskKind.BirthdayCard, FollowUpTaskStatus.Done, new DateOnly(2026, 11, 28)), (task.Kind, task.Status, task.DueOn));
        Assert.False(Listed(await staff.Http.GetDocumentAsync("/FollowUp"), "birthdays", member.Id));

        // Sending it twice (a double click) records it once.
        await staff.Http.HtmxSubmitAsync(doc, $"[data-section='birthdays'][data-member='{member.Id}'] form", new Dictionary<string, string>());
        Assert.Equal(1, await app.WithDbAsync(db => db.ContactRecords.CountAsync(c => c.MemberId == member.Id)));
    }

    [Fact]
    public async Task An_anniversary_thank_you_sent_leaves_the_list()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2021, 11, 3));
        var doc = await staff.Http.GetDocumentAsync("/FollowUp");
        var response = await staff.Http.HtmxSubmitAsync(doc, $"[data-section='anniversaries'][data-member='{member.Id}'] form", new Dictionary<string, string>());
        Assert.False(Listed(HtmlForms.Parse(await response.BodyAsync()), "anniversaries", member.Id));
        var contact = await app.WithDbAsync(db => db.ContactRecords.SingleAsync(c => c.MemberId == member.Id));
        Assert.Equal("入会5周年のお礼状を送りました。", contact.Summary);
    }

    [Fact]
    public async Task A_follow_up_done_in_place_leaves_and_is_marked_done()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync();
        var contact = await app.ContactAsync(member.Id, new DateOnly(2026, 11, 20), "会報の送付先変更の件", followUpBy: Today);
        var doc = await staff.Http.GetDocumentAsync("/FollowUp");
        Assert.True(Listed(doc, "due", member.Id));
        var response = await staff.Http.HtmxSubmitAsync(doc, $"[data-section='due'][data-member='{member.Id}'] form", new Dictionary<string, string>());
        Assert.False(Listed(HtmlForms.Parse(await response.BodyAsync()), "due", member.Id));
        Assert.NotNull((await app.WithDbAsync(db => db.ContactRecords.SingleAsync(c => c.Id == contact.Id))).FollowUpDoneAt);
    }

    [Fact]
    public async Task My_follow_ups_come_first_and_a_task_done_leaves()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync();
        var task = await app.WithDbAsync(async db =>
        {
            var t = new FollowUpTask { MemberId = member.Id, Kind = FollowUpTaskKind.Call, Title = "お見舞いの電話", DueOn = Today.AddDays(-3),
                AssignedUserId = staff.User.Id, AssignedName = staff.User.DisplayName, CreatedAt = DateTime.UtcNow, CreatedByName = "t" };
            db.FollowUpTasks.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        var doc = await staff.Http.GetDocumentAsync("/FollowUp");
        var first = doc.QuerySelector("#sec-due [data-section='due']")!;
        Assert.Equal(member.Id.ToString(), first.GetAttribute("data-member"));
        Assert.Contains("自分", first.TextContent);
        Assert.Contains("3日超過", first.TextContent);

        var response = await staff.Http.HtmxSubmitAsync(doc, $"[data-section='due'][data-member='{member.Id}'] form", new Dictionary<string, string>());
        Assert.False(Listed(HtmlForms.Parse(await response.BodyAsync()), "due", member.Id));
        var saved = await app.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(FollowUpTaskStatus.Done, saved.Status);
        Assert.Equal(staff.User.DisplayName, saved.CompletedByName);
    }

    [Fact]
    public async Task A_contact_recorded_with_a_new_member_takes_them_off_the_list()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync(m => m.JoinedOn = new DateOnly(2026, 9, 15));
        Assert.True(Listed(await staff.Http.GetDocumentAsync("/FollowUp"), "new-members", member.Id));

        var posted = await staff.Http.SubmitFormAsync($"/Members/Details/{member.Id}", new Dictionary<string, string>
        {
            ["Contact.Summary"] = "入会後のご様子を伺いました。来月の講演会に参加されるとのこと。",
        }, "#contact-form");
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);

        Assert.False(Listed(await staff.Http.GetDocumentAsync("/FollowUp"), "new-members", member.Id));
    }

    [Fact]
    public async Task The_treasurer_sees_the_lists_but_cannot_act_or_read_notes()
    {
        app.SkipIfUnavailable();
        var member = await app.MemberAsync();
        await app.WithDbAsync(async db =>
        {
            db.FollowUpTasks.Add(new FollowUpTask { MemberId = member.Id, Kind = FollowUpTaskKind.Visit, Title = "ご自宅へ伺う", Note = "奥様が入院中とのこと",
                DueOn = Today, AssignedName = "事務局", CreatedAt = DateTime.UtcNow, CreatedByName = "t" });
            await db.SaveChangesAsync();
        });
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var doc = await treasurer.Http.GetDocumentAsync("/FollowUp");
        Assert.True(Listed(doc, "due", member.Id));
        Assert.DoesNotContain("奥様が入院中", doc.Body!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("#today form"));
        var tasks = await treasurer.Http.GetDocumentAsync("/FollowUp/Tasks");
        Assert.Contains("ご自宅へ伺う", tasks.Body!.TextContent);
        Assert.DoesNotContain("奥様が入院中", tasks.Body!.TextContent);

        var staff = await app.SignInAsAsync(Roles.Staff);
        Assert.Contains("奥様が入院中", (await staff.Http.GetDocumentAsync("/FollowUp/Tasks?who=all")).Body!.TextContent);
    }
}

public class TodayListSqliteTests(MemberHubFactory app) : TodayListTests(app), IClassFixture<MemberHubFactory>;

public class TodayListPostgresTests(PostgresMemberHubFactory app) : TodayListTests(app), IClassFixture<PostgresMemberHubFactory>;
