using System.Net;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.FollowUp;

public class TaskTests(MemberHubFactory app) : IClassFixture<MemberHubFactory>
{
    [Fact]
    public async Task A_task_made_by_hand_shows_in_my_list_and_on_the_member_page_until_completed()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync();
        var posted = await staff.Http.SubmitFormAsync($"/FollowUp/Tasks/Edit?memberId={member.Id}", new Dictionary<string, string>
        {
            ["Form.Kind"] = "Visit",
            ["Form.Title"] = "会報を届けに伺う",
            ["Form.DueOn"] = "2026-11-30",
            ["Form.Note"] = "午前中がよいとのこと",
        }, "#task-form");
        posted.AssertRedirectTo($"/Members/Details/{member.Id}");
        var task = await app.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.MemberId == member.Id));
        Assert.Equal((FollowUpTaskKind.Visit, staff.User.Id, new DateOnly(2026, 11, 30)), (task.Kind, task.AssignedUserId, task.DueOn));

        var mine = await staff.Http.GetDocumentAsync("/FollowUp/Tasks");
        Assert.NotNull(mine.QuerySelector($"tr[data-task='{task.Id}']"));
        var page = await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}");
        Assert.Contains("会報を届けに伺う", page.QuerySelector("#member-tasks")!.TextContent);

        var done = await staff.Http.HtmxSubmitAsync(mine, $"tr[data-task='{task.Id}'] form[action*='Complete']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("", await done.BodyAsync());
        Assert.Null((await staff.Http.GetDocumentAsync("/FollowUp/Tasks")).QuerySelector($"tr[data-task='{task.Id}']"));
        Assert.NotNull((await staff.Http.GetDocumentAsync("/FollowUp/Tasks?status=Done")).QuerySelector($"tr[data-task='{task.Id}']"));
        // Audited, with the member.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(FollowUpTask) && a.EntityId == task.Id.ToString() && a.MemberId == member.Id && a.Field == "Status")));
    }

    [Fact]
    public async Task Other_staffs_tasks_show_under_everybody_and_a_cancelled_task_is_kept()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        var colleague = await app.CreateUserAsync(Roles.Staff, displayName: "鈴木 一郎");
        var member = await app.MemberAsync();
        await staff.Http.SubmitFormAsync($"/FollowUp/Tasks/Edit?memberId={member.Id}", new Dictionary<string, string>
        {
            ["Form.Kind"] = "Call", ["Form.DueOn"] = "2026-11-20", ["Form.AssignedUserId"] = colleague.Id,
        }, "#task-form");
        var task = await app.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.MemberId == member.Id));
        Assert.Equal(("電話する", "鈴木 一郎"), (task.Title, task.AssignedName));

        Assert.Null((await staff.Http.GetDocumentAsync("/FollowUp/Tasks")).QuerySelector($"tr[data-task='{task.Id}']"));
        var all = await staff.Http.GetDocumentAsync("/FollowUp/Tasks?who=all");
        var row = all.QuerySelector($"tr[data-task='{task.Id}']")!;
        Assert.Contains("期限超過", row.TextContent);

        await staff.Http.HtmxSubmitAsync(all, $"tr[data-task='{task.Id}'] form[action*='Cancel']", new Dictionary<string, string>());
        var kept = await app.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(FollowUpTaskStatus.Cancelled, kept.Status);
        Assert.Equal(staff.User.DisplayName, kept.CompletedByName);
    }

    [Fact]
    public async Task A_bad_task_form_comes_back_with_Japanese_messages_and_nothing_is_written()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        var treasurer = await app.CreateUserAsync(Roles.Treasurer);
        var member = await app.MemberAsync();
        var response = await staff.Http.SubmitFormAsync($"/FollowUp/Tasks/Edit?memberId={member.Id}", new Dictionary<string, string>
        {
            ["Form.DueOn"] = "", ["Form.AssignedUserId"] = treasurer.Id,
        }, "#task-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Contains("期限を入力してください。", body);
        Assert.Contains("担当者は管理者か事務局の利用者から選んでください。", body);
        Assert.False(await app.WithDbAsync(db => db.FollowUpTasks.AnyAsync(t => t.MemberId == member.Id)));

        var noMember = await staff.Http.SubmitFormAsync("/FollowUp/Tasks/Edit", new Dictionary<string, string> { ["Form.DueOn"] = "2026-12-01" }, "#task-form");
        Assert.Contains("会員を選んでください。", await noMember.BodyAsync());
    }

    [Fact]
    public async Task The_member_picker_finds_members_by_name_or_phone()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync(builder: new MemberBuilder().Named("東雲 蓮", "シノノメ レン").WithPhone("045-777-1234"));
        var byName = HtmlForms.Parse(await (await staff.Http.HtmxGetAsync("/FollowUp/Tasks/Edit?handler=Members&q=しののめ")).BodyAsync());
        Assert.NotNull(byName.QuerySelector($"input[name='Form.MemberId'][value='{member.Id}']"));
        var byPhone = await staff.Http.GetDocumentAsync("/FollowUp/Tasks/Edit?q=045-777-1234");
        Assert.NotNull(byPhone.QuerySelector($"#task-form input[name='Form.MemberId'][value='{member.Id}']"));
    }

    [Fact]
    public async Task A_contact_record_becomes_a_task_and_completing_it_closes_the_follow_up()
    {
        var staff = await app.SignInAsAsync(Roles.Staff);
        var member = await app.MemberAsync();
        var contact = await app.ContactAsync(member.Id, new DateOnly(2026, 11, 19), "遺贈のご相談。資料をお送りしてから改めて電話する。", followUpBy: new DateOnly(2026, 11, 26));

        var page = await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}");
        var link = page.QuerySelector($"#history a[href='/FollowUp/Tasks/Edit?contactId={contact.Id}']");
        Assert.NotNull(link);
        Assert.Equal("フォローにする", link!.TextContent.Trim());

        var form = await staff.Http.GetDocumentAsync($"/FollowUp/Tasks/Edit?contactId={contact.Id}");
        Assert.Equal("2026-11-26", form.Value("#Form_DueOn"));
        Assert.Contains("遺贈のご相談", form.QuerySelector("#Form_Note")!.TextContent);
        var posted = await staff.Http.SubmitFormAsync(form, $"/FollowUp/Tasks/Edit?contactId={contact.Id}", new Dictionary<string, string>(), "#task-form");
        posted.AssertRedirectTo($"/Members/Details/{member.Id}");
        var task = await app.WithDbAsync(db => db.FollowUpTasks.SingleAsync(t => t.MemberId == member.Id));
        Assert.Equal(contact.Id, task.ContactRecordId);

        // Today's list shows the task, not the contact record a second time.
        var today = await staff.Http.GetDocumentAsync("/FollowUp");
        Assert.Single(today.QuerySelectorAll($"[data-section='due'][data-member='{member.Id}']"));

        var tasks = await staff.Http.GetDocumentAsync("/FollowUp/Tasks");
        await staff.Http.HtmxSubmitAsync(tasks, $"tr[data-task='{task.Id}'] form[action*='Complete']", new Dictionary<string, string>());
        Assert.NotNull((await app.WithDbAsync(db => db.ContactRecords.SingleAsync(c => c.Id == contact.Id))).FollowUpDoneAt);
        Assert.Empty((await staff.Http.GetDocumentAsync("/FollowUp")).QuerySelectorAll($"[data-section='due'][data-member='{member.Id}']"));
    }

    [Fact]
    public async Task The_treasurer_cannot_create_or_complete_tasks()
    {
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.GetAsync("/FollowUp/Tasks/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.PostAsync("/FollowUp/Tasks/Change?handler=Complete", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.PostAsync("/FollowUp/Done?handler=Birthday", new FormUrlEncodedContent([]))).StatusCode);
    }
}
