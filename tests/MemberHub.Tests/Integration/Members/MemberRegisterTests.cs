using System.Net;
using System.Text;
using MemberHub.Auditing;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Members;

public abstract class MemberRegisterTests(MemberHubFactory app)
{
    [Fact]
    public async Task Creating_a_member_through_the_form_assigns_a_number_stores_katakana_and_writes_the_audit_log()
    {
        app.SkipIfUnavailable();
        await app.EnsureClassAsync();
        var staff = await app.SignInAsAsync(Roles.Staff);

        var response = await staff.Http.SubmitFormAsync("/Members/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "登録 一郎",
            ["Input.NameKana"] = "とうろく いちろう",
            ["Input.PostalCode"] = "１５００００１",
            ["Input.Prefecture"] = "東京都",
            ["Input.City"] = "渋谷区神宮前",
            ["Input.Street"] = "1-2-3",
            ["Input.Phone"] = "０３（３４５６）７８９０",
            ["Input.Email"] = "ichiro@example.jp",
            ["Input.Birthday"] = "1960-05-05",
            ["Input.Hobbies"] = "囲碁",
        });

        response.AssertRedirectTo("/Members/Details/");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var member = await app.MemberAsync(id);
        Assert.True(member.MemberNumber > 0);
        Assert.Equal("トウロク イチロウ", member.NameKana);
        Assert.Equal("150-0001", member.PostalCode);
        Assert.Equal("03-3456-7890", member.Phone);
        Assert.Equal(new DateOnly(1960, 5, 5), member.Birthday);
        Assert.Equal(MemberStatus.Active, member.Status);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.MemberId == id).ToListAsync());
        Assert.All(audit, a => Assert.Equal(staff.User.Id, a.UserId));
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, Field: "NameKana", After: "トウロク イチロウ" });
        Assert.Contains(audit, a => a is { Action: AuditActions.Create, Field: "PostalCode", After: "150-0001" });

        var page = await staff.Http.GetDocumentAsync($"/Members/Details/{id}");
        Assert.Equal(member.MemberNumber.ToString(), page.Text("#member-number"));
        Assert.Contains("登録 一郎", page.Text("h1"));
        Assert.Contains("囲碁", page.Text("#personal"));
        Assert.Contains("フリガナ", page.Text("#audit"));
    }

    [Fact]
    public async Task Wrong_input_gets_Japanese_messages_beside_the_fields_and_nothing_is_saved()
    {
        app.SkipIfUnavailable();
        await app.EnsureClassAsync();
        var staff = await app.SignInAsAsync(Roles.Staff);

        var response = await staff.Http.SubmitFormAsync("/Members/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "誤入力 花子",
            ["Input.NameKana"] = "Gonyuryoku",
            ["Input.PostalCode"] = "12-345",
            ["Input.Email"] = "hanako@",
            ["Input.Birthday"] = "2030-01-01",
            ["Input.Units"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = HtmlForms.Parse(await response.BodyAsync());
        Assert.Contains("カタカナ", doc.Text("[data-valmsg-for='Input.NameKana']"));
        Assert.Contains("123-4567", doc.Text("[data-valmsg-for='Input.PostalCode']"));
        Assert.Contains("メールアドレスの形式", doc.Text("[data-valmsg-for='Input.Email']"));
        Assert.Contains("未来", doc.Text("[data-valmsg-for='Input.Birthday']"));
        Assert.Contains("口数", doc.Text("[data-valmsg-for='Input.Units']"));
        // What was typed is kept, so nothing needs typing twice.
        Assert.Equal("誤入力 花子", doc.Value("#Input_Name"));
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Name == "誤入力 花子")));
    }

    [Fact]
    public async Task An_organisation_needs_a_contact_person()
    {
        app.SkipIfUnavailable();
        await app.EnsureClassAsync();
        var staff = await app.SignInAsAsync(Roles.Staff);

        var response = await staff.Http.SubmitFormAsync("/Members/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Organisation",
            ["Input.Name"] = "株式会社みどり商事",
            ["Input.NameKana"] = "ｶﾌﾞｼｷｶﾞｲｼｬ ﾐﾄﾞﾘｼｮｳｼﾞ",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = HtmlForms.Parse(await response.BodyAsync());
        Assert.Contains("担当者名", doc.Text("[data-valmsg-for='Input.ContactPersonName']"));
        // Half-width kana was accepted and shown back as full-width katakana.
        Assert.Equal("カブシキガイシャ ミドリショウジ", doc.Value("#Input_NameKana"));
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_is_refused_and_lists_what_they_changed()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("競合 次郎", "キョウゴウ ジロウ").WithPhone("03-1111-2222").CreateAsync(app);
        var first = await app.SignInAsAsync(Roles.Staff);
        var second = await app.SignInAsAsync(Roles.Admin);

        var firstForm = await first.Http.GetDocumentAsync($"/Members/Edit/{member.Id}");
        var secondSave = await second.Http.SubmitFormAsync($"/Members/Edit/{member.Id}", new Dictionary<string, string> { ["Input.Phone"] = "03-9999-8888" });
        secondSave.AssertRedirectTo($"/Members/Details/{member.Id}");

        var refused = await first.Http.SubmitFormAsync(firstForm, $"/Members/Edit/{member.Id}", new Dictionary<string, string> { ["Input.Email"] = "jiro@example.jp" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = HtmlForms.Parse(await refused.BodyAsync());
        var conflict = doc.Text("#conflict");
        Assert.Contains("保存できませんでした", conflict);
        Assert.Contains("電話", conflict);
        Assert.Contains("03-9999-8888", conflict);
        Assert.Contains(second.User.DisplayName, conflict);
        Assert.Equal("jiro@example.jp", doc.Value("#Input_Email"));
        var stored = await app.MemberAsync(member.Id);
        Assert.Equal("03-9999-8888", stored.Phone);
        Assert.NotEqual("jiro@example.jp", stored.Email);

        // Having seen the other change, saving again is deliberate and goes through.
        var again = await first.Http.SubmitFormAsync(doc, $"/Members/Edit/{member.Id}", new Dictionary<string, string>());
        again.AssertRedirectTo($"/Members/Details/{member.Id}");
        Assert.Equal("jiro@example.jp", (await app.MemberAsync(member.Id)).Email);
    }

    [Fact]
    public async Task Withdrawal_is_recorded_with_its_date_and_reason_and_audited_as_a_status_change()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var noReason = await staff.Http.SubmitFormAsync($"/Members/Status/{member.Id}", new Dictionary<string, string>
        {
            ["Input.Status"] = "Withdrawn", ["Input.ChangedOn"] = "2026-11-20", ["Input.Reason"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("理由を入力してください", await noReason.BodyAsync());
        Assert.Equal(MemberStatus.Active, (await app.MemberAsync(member.Id)).Status);

        var done = await staff.Http.SubmitFormAsync($"/Members/Status/{member.Id}", new Dictionary<string, string>
        {
            ["Input.Status"] = "Withdrawn", ["Input.ChangedOn"] = "2026/11/20", ["Input.Reason"] = "転居のため",
        });
        done.AssertRedirectTo($"/Members/Details/{member.Id}");

        var stored = await app.MemberAsync(member.Id);
        Assert.Equal(MemberStatus.Withdrawn, stored.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), stored.StatusChangedOn);
        Assert.Equal("転居のため", stored.StatusReason);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.MemberId == member.Id && a.Action == AuditActions.StatusChange).ToListAsync());
        Assert.Contains(audit, a => a is { Field: "Status", Before: "Active", After: "Withdrawn" });
        Assert.Contains(audit, a => a is { Field: "StatusReason", After: "転居のため" });

        var page = await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}");
        Assert.Equal("退会", page.Text("#member-status"));
        Assert.Contains("状態変更", page.Text("#audit"));
        // Still in the register, never deleted.
        Assert.True(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == member.Id)));
    }

    [Fact]
    public async Task Archiving_hides_a_member_from_the_list_but_keeps_them_and_can_be_undone()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("保存 箱子", "ホゾン ハコ").CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var search = "/Members?q=" + Uri.EscapeDataString("ほぞん");
        Assert.Equal("1件", (await staff.Http.GetDocumentAsync(search)).Text("#member-count"));

        var archived = await staff.Http.SubmitFormAsync($"/Members/Details/{member.Id}", new Dictionary<string, string>(), "form[action*='Archive']");
        archived.AssertRedirectTo($"/Members/Details/{member.Id}");
        Assert.True((await app.MemberAsync(member.Id)).IsArchived);
        Assert.Equal("0件", (await staff.Http.GetDocumentAsync(search)).Text("#member-count"));
        Assert.Equal("1件", (await staff.Http.GetDocumentAsync(search + "&archived=true")).Text("#member-count"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.MemberId == member.Id && a.Field == "IsArchived" && a.After == "True")));

        var restored = await staff.Http.SubmitFormAsync($"/Members/Details/{member.Id}", new Dictionary<string, string>(), "form[action*='Archive']");
        restored.AssertRedirectTo($"/Members/Details/{member.Id}");
        Assert.False((await app.MemberAsync(member.Id)).IsArchived);
    }

    [Fact]
    public async Task A_contact_record_is_added_in_place_and_shown_and_a_bad_one_comes_back_with_its_message()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var page = await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}");

        var bad = await staff.Http.HtmxSubmitAsync(page, "#contact-form", new Dictionary<string, string> { ["Contact.Summary"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.BodyAsync();
        Assert.DoesNotContain("<html", badHtml);
        Assert.Contains("内容を入力してください。", badHtml);
        Assert.Equal(0, await app.WithDbAsync(db => db.ContactRecords.CountAsync(c => c.MemberId == member.Id)));

        var good = await staff.Http.HtmxSubmitAsync(page, "#contact-form", new Dictionary<string, string>
        {
            ["Contact.Channel"] = "Visit",
            ["Contact.Summary"] = "事務所に来訪。秋のバザーを手伝いたいとのこと。",
            ["Contact.FollowUpNeeded"] = "true",
            ["Contact.FollowUpBy"] = "2026-12-01",
        });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var fragment = HtmlForms.Parse(await good.BodyAsync());
        Assert.Null(fragment.QuerySelector("nav"));
        var record = fragment.Text(".contact-record");
        Assert.Contains("秋のバザー", record);
        Assert.Contains("来訪", record);
        Assert.Contains("2026年12月1日", record);
        Assert.Contains(staff.User.DisplayName, record);

        var stored = await app.WithDbAsync(db => db.ContactRecords.SingleAsync(c => c.MemberId == member.Id));
        Assert.Equal(ContactChannel.Visit, stored.Channel);
        Assert.Equal(new DateOnly(2026, 11, 23), stored.OccurredOn);
        Assert.True(stored.FollowUpNeeded);
        Assert.Equal(staff.User.Id, stored.StaffUserId);
        Assert.Contains("秋のバザー", (await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}")).Text("#history"));
    }

    [Fact]
    public async Task A_family_link_shows_on_both_members_pages()
    {
        app.SkipIfUnavailable();
        var parent = await new MemberBuilder().Named("家族 父", "カゾク チチ").CreateAsync(app);
        var child = await new MemberBuilder().Named("家族 娘", "カゾク ムスメ").CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var added = await staff.Http.SubmitFormAsync($"/Members/Details/{parent.Id}", new Dictionary<string, string>
        {
            ["relatedNumber"] = child.MemberNumber.ToString(),
            ["kind"] = "ParentOf",
        }, "#relation-form");
        added.AssertRedirectTo($"/Members/Details/{parent.Id}");

        var parentPage = await staff.Http.GetDocumentAsync($"/Members/Details/{parent.Id}");
        Assert.Contains("子", parentPage.Text("#relations .relation"));
        Assert.Contains("家族 娘", parentPage.Text("#relations .relation"));
        var childPage = await staff.Http.GetDocumentAsync($"/Members/Details/{child.Id}");
        Assert.Contains("親", childPage.Text("#relations .relation"));
        Assert.Contains("家族 父", childPage.Text("#relations .relation"));

        // A relation can only be removed through a page of one of its two members.
        var stranger = await new MemberBuilder().CreateAsync(app);
        var relationId = await app.WithDbAsync(db => db.MemberRelations.Where(r => r.MemberId == parent.Id).Select(r => r.Id).SingleAsync());
        var token = parentPage.AntiforgeryToken();
        var wrong = await staff.Http.PostAsync($"/Members/Links/{stranger.Id}?handler=RemoveRelation",
            new FormUrlEncodedContent([new("relationId", relationId.ToString()), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.MemberRelations.AnyAsync(r => r.Id == relationId)));

        // Both members' logs tell of the link, and of its removal with what was removed.
        var removed = await staff.Http.PostAsync($"/Members/Links/{parent.Id}?handler=RemoveRelation",
            new FormUrlEncodedContent([new("relationId", relationId.ToString()), new("__RequestVerificationToken", token)]));
        Assert.False(await app.WithDbAsync(db => db.MemberRelations.AnyAsync(r => r.Id == relationId)));
        foreach (var id in new[] { parent.Id, child.Id })
        {
            var rows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.MemberId == id && a.EntityType == "MemberRelation").ToListAsync());
            Assert.Contains(rows, a => a.Action == AuditActions.Create && a.Field == "Kind" && a.After == "ParentOf");
            Assert.Contains(rows, a => a.Action == AuditActions.Delete && a.Field == "RelatedMemberId" && a.Before == child.Id.ToString());
        }
    }

    [Fact]
    public async Task Tags_are_created_on_the_member_page_and_audited()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var tagName = "広報ボランティア" + member.MemberNumber;

        var added = await staff.Http.SubmitFormAsync($"/Members/Details/{member.Id}", new Dictionary<string, string> { ["tagName"] = tagName }, "#tag-form");
        added.AssertRedirectTo($"/Members/Details/{member.Id}");

        var page = await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}");
        Assert.Contains(tagName, page.Text("#tags"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.MemberId == member.Id && a.Field == "Tags" && a.After == tagName)));
    }

    [Fact]
    public async Task Export_is_Excel_ready_neutralises_formulas_is_audited_and_only_for_Admin_and_Staff()
    {
        app.SkipIfUnavailable();
        var marker = "エクスポート" + Guid.NewGuid().ToString("N")[..6];
        var member = await new MemberBuilder().Named("=cmd|' /C calc'!A0", "イタズラ タロウ").WithTag(marker).CreateAsync(app);
        await new MemberBuilder().Named("輸出 花子", "ユシュツ ハナコ").WithTag(marker).CreateAsync(app);
        var tagId = await app.WithDbAsync(db => db.Tags.Where(t => t.Name == marker).Select(t => t.Id).SingleAsync());
        var staff = await app.SignInAsAsync(Roles.Staff);

        var response = await staff.Http.GetAsync($"/Members/Export?tagId={tagId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("会員番号,氏名,フリガナ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{member.MemberNumber},'=cmd|' /C calc'!A0,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("輸出 花子"));

        var sjis = await staff.Http.GetAsync($"/Members/Export?tagId={tagId}&encoding=cp932");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Contains("輸出 花子", Encoding.GetEncoding(932).GetString(await sjis.Content.ReadAsByteArrayAsync()));

        // A name Shift_JIS cannot hold is not silently turned into "?": the export stops and offers UTF-8.
        var yoshida = await new MemberBuilder().Named("𠮷田 一郎", "ヨシダ イチロウ").WithTag(marker).CreateAsync(app);
        var refused = await staff.Http.GetAsync($"/Members/Export?tagId={tagId}&encoding=cp932");
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var refusal = HtmlForms.Parse(await refused.BodyAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("Shift_JIS で表せない文字", refusal);
        Assert.Contains(yoshida.MemberNumber.ToString(), refusal);
        var utf8 = await staff.Http.GetAsync($"/Members/Export?tagId={tagId}&encoding=utf8");
        Assert.Contains("𠮷田 一郎", Encoding.UTF8.GetString(await utf8.Content.ReadAsByteArrayAsync()));

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Export && a.UserId == staff.User.Id && a.After!.Contains("2件")).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Contains("2件", a.After));

        foreach (var role in new[] { Roles.Treasurer, Roles.Volunteer })
        {
            var other = await app.SignInAsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync($"/Members/Export?tagId={tagId}")).StatusCode);
            Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Export && a.UserId == other.User.Id)));
        }
    }

    [Fact]
    public async Task The_treasurer_reads_the_register_but_cannot_edit_and_does_not_see_personal_notes_or_the_log()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().WithPersonalNotes("盆栽", "孫が三人").CreateAsync(app);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);

        var page = await treasurer.Http.GetDocumentAsync($"/Members/Details/{member.Id}");
        Assert.Contains(member.Name, page.Text("h1"));
        Assert.DoesNotContain("盆栽", page.Body!.TextContent);
        Assert.DoesNotContain("孫が三人", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("#audit"));
        Assert.Null(page.QuerySelector("#contact-form"));
        Assert.Null(page.QuerySelector("a[href^='/Members/Edit']"));

        Assert.Equal(HttpStatusCode.OK, (await treasurer.Http.GetAsync("/Members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.GetAsync($"/Members/Edit/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.GetAsync("/Members/Create")).StatusCode);
        var post = await treasurer.Http.PostAsync($"/Members/ContactHistory/{member.Id}", new FormUrlEncodedContent(
            [new("Contact.Summary", "会計から"), new("Contact.OccurredOn", "2026-11-23"), new("__RequestVerificationToken", page.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ContactRecords.CountAsync(c => c.MemberId == member.Id)));
    }

    [Fact]
    public async Task A_volunteer_cannot_reach_the_register_or_another_member_by_changing_the_url()
    {
        app.SkipIfUnavailable();
        var own = await new MemberBuilder().CreateAsync(app);
        var other = await new MemberBuilder().WithPhone("03-2222-3333").CreateAsync(app);
        var volunteer = await app.SignInAsAsync(Roles.Volunteer, own.Id);
        var my = await volunteer.Http.GetDocumentAsync("/My");

        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync("/Members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync($"/Members/Details/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.Http.GetAsync($"/Members/Edit/{other.Id}")).StatusCode);
        var post = await volunteer.Http.PostAsync($"/Members/Edit/{other.Id}", new FormUrlEncodedContent(
            [new("Input.Phone", "090-0000-0000"), new("Input.Name", "乗っ取り"), new("__RequestVerificationToken", my.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var status = await volunteer.Http.PostAsync($"/Members/Status/{other.Id}", new FormUrlEncodedContent(
            [new("Input.Status", "Withdrawn"), new("__RequestVerificationToken", my.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);

        var stored = await app.MemberAsync(other.Id);
        Assert.Equal("03-2222-3333", stored.Phone);
        Assert.Equal(MemberStatus.Active, stored.Status);
        Assert.Equal(other.Version, stored.Version);
    }
}

public class MemberRegisterSqliteTests(MemberHubFactory app) : MemberRegisterTests(app), IClassFixture<MemberHubFactory>;

public class MemberRegisterPostgresTests(PostgresMemberHubFactory app) : MemberRegisterTests(app), IClassFixture<PostgresMemberHubFactory>;
