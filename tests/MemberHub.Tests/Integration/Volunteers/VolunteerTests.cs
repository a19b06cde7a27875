using Microsoft.Extensions.DependencyInjection;
using System.Net;
using MemberHub.Auditing;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using MemberHub.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Volunteers;

/// <summary>The volunteer journey through HTTP: profile on マイページ, a request, ranking, invitations, answers, hours, privacy.</summary>
public abstract class VolunteerTests(MemberHubFactory app)
{
    private const Availability Weekends = Availability.WeekendMorning | Availability.WeekendAfternoon | Availability.WeekendEvening;

    private Task<long> AreaAsync(string name) => app.WithDbAsync(db => db.VolunteerAreas.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    /// <summary>An area of its own for each test, so the tests of a class (one database) do not see each other's volunteers as candidates.</summary>
    private Task<long> NewAreaAsync() => app.WithDbAsync(async db =>
    {
        var area = new VolunteerArea { GroupName = "テスト", Name = "受付" + Guid.NewGuid().ToString("N")[..8], SortOrder = 999 };
        db.VolunteerAreas.Add(area);
        await db.SaveChangesAsync();
        return area.Id;
    });

    /// <summary>A member who volunteers in the given areas at the given times.</summary>
    private async Task<Member> VolunteerAsync(string name, string kana, long[] areas, Availability availability = Weekends,
        string? email = null, bool consent = false, int? max = null)
    {
        var builder = new MemberBuilder().Named(name, kana);
        if (email is not null) builder = builder.WithEmail(email);
        var member = await builder.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            m.ConsentToBeNamed = consent;
            if (email is null) { m.Email = null; m.PreferredChannel = ContactChannel.Phone; }
            db.VolunteerProfiles.Add(new VolunteerProfile { MemberId = member.Id, Availability = availability, MaxRequestsPerMonth = max, Version = 1 });
            foreach (var a in areas) db.VolunteerSkills.Add(new VolunteerSkill { MemberId = member.Id, AreaId = a });
            await db.SaveChangesAsync();
        });
        return member;
    }

    private async Task<long> RequestAsync(string title, DateOnly date, TimeOnly start, TimeOnly end, params long[] areas) =>
        await app.WithDbAsync(async db =>
        {
            var r = new VolunteerRequest { Title = title, Date = date, StartTime = start, EndTime = end, PeopleNeeded = 3, Version = 1, CreatedByName = "事務局" };
            foreach (var a in areas) r.Areas.Add(new VolunteerRequestArea { AreaId = a });
            db.VolunteerRequests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    private Task<VolunteerAssignment> AssignmentAsync(long requestId, long memberId) =>
        app.WithDbAsync(db => db.VolunteerAssignments.AsNoTracking().SingleAsync(a => a.RequestId == requestId && a.MemberId == memberId));

    [Fact]
    public async Task A_volunteer_updates_their_areas_times_and_limit_on_their_own_page()
    {
        app.SkipIfUnavailable();
        var english = await AreaAsync("英語");
        var driving = await AreaAsync("運転（普通車）");
        var own = await new MemberBuilder().Named("自分 花子", "ジブン ハナコ").CreateAsync(app);
        var volunteer = await app.SignInAsAsync(Roles.Volunteer, own.Id);

        var page = await volunteer.Http.GetDocumentAsync("/My/Volunteer");
        var form = page.QuerySelector("#profile-form")!;
        var englishIndex = form.QuerySelector($"input[name$='.AreaId'][value='{english}']")!.GetAttribute("name")!.Split('[', ']')[1];
        var response = await volunteer.Http.SubmitFormAsync(page, "/My/Volunteer", new Dictionary<string, string>
        {
            [$"Input.Skills[{englishIndex}].Selected"] = "true",
            [$"Input.Skills[{englishIndex}].Level"] = "CanTeach",
            [$"Input.Skills[{englishIndex}].Note"] = "通訳ガイドの資格あり",
            ["Input.Slots"] = "WeekendAfternoon",
            ["Input.MaxRequestsPerMonth"] = "2",
        }, "#profile-form");
        response.AssertRedirectTo("/My/Volunteer");

        var skills = await app.WithDbAsync(db => db.VolunteerSkills.Where(s => s.MemberId == own.Id).ToListAsync());
        var skill = Assert.Single(skills);
        Assert.Equal(english, skill.AreaId);
        Assert.Equal(SkillLevel.CanTeach, skill.Level);
        Assert.Equal("通訳ガイドの資格あり", skill.Note);
        var profile = await app.WithDbAsync(db => db.VolunteerProfiles.SingleAsync(p => p.MemberId == own.Id));
        Assert.Equal(Availability.WeekendAfternoon, profile.Availability);
        Assert.Equal(2, profile.MaxRequestsPerMonth);
        Assert.True(profile.IsActive);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.MemberId == own.Id && a.UserId == volunteer.User.Id && a.EntityType == nameof(VolunteerSkill) && a.Action == AuditActions.Create)));

        // Shown back checked, and a second save swaps English for driving.
        page = await volunteer.Http.GetDocumentAsync("/My/Volunteer");
        Assert.True(page.QuerySelector($"#skill-{english}")!.HasAttribute("checked"));
        var drivingIndex = page.QuerySelector($"#profile-form input[name$='.AreaId'][value='{driving}']")!.GetAttribute("name")!.Split('[', ']')[1];
        response = await volunteer.Http.SubmitFormAsync(page, "/My/Volunteer", new Dictionary<string, string>
        {
            [$"Input.Skills[{englishIndex}].Selected"] = "false",
            [$"Input.Skills[{drivingIndex}].Selected"] = "true",
        }, "#profile-form");
        response.AssertRedirectTo("/My/Volunteer");
        Assert.Equal([driving], await app.WithDbAsync(db => db.VolunteerSkills.Where(s => s.MemberId == own.Id).Select(s => s.AreaId).ToListAsync()));

        // An away period.
        response = await volunteer.Http.SubmitFormAsync(page, "/My/Volunteer", new Dictionary<string, string> { ["from"] = "2026-12-01", ["to"] = "2026-12-10", ["note"] = "帰省" },
            "form[action$='AddAbsence']");
        response.AssertRedirectTo("/My/Volunteer");
        var away = await app.WithDbAsync(db => db.VolunteerAbsences.SingleAsync(a => a.MemberId == own.Id));
        Assert.Equal(new DateOnly(2026, 12, 10), away.To);
    }

    [Fact]
    public async Task Staff_create_a_request_rank_invite_and_the_volunteer_accepts()
    {
        app.SkipIfUnavailable();
        var reception = await NewAreaAsync();
        var photos = await AreaAsync("写真撮影");
        var busy = await VolunteerAsync("多忙 一郎", "タボウ イチロウ", [reception], email: "busy@example.jp");
        var fresh = await VolunteerAsync("新人 二郎", "シンジン ジロウ", [reception], email: "fresh@example.jp", consent: true);
        var phone = await VolunteerAsync("電話 三郎", "デンワ サブロウ", [reception, photos]);
        var weekday = await VolunteerAsync("平日 四郎", "ヘイジツ シロウ", [reception], Availability.WeekdayMorning);
        var notReception = await VolunteerAsync("写真 五郎", "シャシン ゴロウ", [await AreaAsync("英語")]);
        var past = await RequestAsync("以前の活動", new DateOnly(2026, 10, 3), new(10, 0), new(12, 0), reception);
        await app.WithDbAsync(async db =>
        {
            db.VolunteerAssignments.Add(new VolunteerAssignment { RequestId = past, MemberId = busy.Id, Status = AssignmentStatus.Accepted,
                InvitedOn = new(2026, 9, 20), Attended = true, MinutesServed = 120, ServedOn = new(2026, 10, 3) });
            await db.SaveChangesAsync();
        });
        var staff = await app.SignInAsAsync(Roles.Staff);

        var created = await staff.Http.SubmitFormAsync("/Volunteers/Requests/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "冬まつり 受付",
            ["Input.Place"] = "市民会館",
            ["Input.Date"] = "2026-12-05",
            ["Input.StartTime"] = "10:00",
            ["Input.EndTime"] = "15:00",
            ["Input.PeopleNeeded"] = "2",
            ["Input.AreaIds"] = reception.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var requestId = long.Parse(url.Split('/').Last());
        Assert.Equal("冬まつり 受付", await app.WithDbAsync(db => db.VolunteerRequests.Where(r => r.Id == requestId).Select(r => r.Title).SingleAsync()));

        var page = await staff.Http.GetDocumentAsync(url);
        var rows = page.QuerySelectorAll("#candidates tr.candidate").Select(r => long.Parse(r.GetAttribute("data-member")!)).ToList();
        // Never asked first (by member id), then the one who served in October; the weekday-only person last, excluded.
        Assert.Equal([fresh.Id, phone.Id, busy.Id, weekday.Id], rows);
        Assert.DoesNotContain(notReception.Id, rows);
        var weekdayRow = page.QuerySelector($"#candidates tr[data-member='{weekday.Id}']")!;
        Assert.Contains("その時間帯は不可", weekdayRow.TextContent);
        Assert.Null(weekdayRow.QuerySelector("input[type=checkbox]"));
        Assert.Contains("この1年 依頼1件・参加1回", page.QuerySelector($"#candidates tr[data-member='{busy.Id}']")!.TextContent);

        var invite = await staff.Http.PostAsync(url + "?handler=Invite", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.AntiforgeryToken()),
            new("memberIds", fresh.Id.ToString()), new("memberIds", phone.Id.ToString()), new("memberIds", busy.Id.ToString()),
        ]));
        invite.AssertRedirectTo(url);
        Assert.Equal(InvitationChannel.Email, (await AssignmentAsync(requestId, fresh.Id)).InvitedVia);
        Assert.Equal(InvitationChannel.Phone, (await AssignmentAsync(requestId, phone.Id)).InvitedVia);
        var contacts = await app.WithDbAsync(db => db.ContactRecords.Where(c => c.MemberId == phone.Id || c.MemberId == fresh.Id).ToListAsync());
        Assert.Contains(contacts, c => c.MemberId == phone.Id && c.Channel == ContactChannel.Phone && c.FollowUpNeeded && c.Summary.Contains("冬まつり 受付"));
        // E-mail goes through the outbox (its sender writes the contact record once the mail is sent).
        Assert.DoesNotContain(contacts, c => c.MemberId == fresh.Id);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.MemberId == fresh.Id && m.Category == "volunteer-invitation"));
        Assert.Equal("fresh@example.jp", mail.ToAddress);
        Assert.Equal(requestId, mail.RelatedId);
        Assert.Contains("冬まつり 受付", mail.Subject);
        Assert.Contains("市民会館", mail.Body);
        Assert.Contains("/My/Volunteer", mail.Body);
        Assert.Contains("冬まつり 受付", mail.ContactSummary);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.MemberId == phone.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(VolunteerAssignment) && a.MemberId == fresh.Id && a.UserId == staff.User.Id)));

        // The invited are no longer candidates.
        page = await staff.Http.GetDocumentAsync(url);
        Assert.Equal(3, page.QuerySelectorAll("#roster tr.roster-row").Length);
        Assert.Equal([weekday.Id], page.QuerySelectorAll("#candidates tr.candidate").Select(r => long.Parse(r.GetAttribute("data-member")!)));

        // The fresh volunteer accepts on マイページ; the busy one, who sees only consenting first names, then accepts too.
        var freshClient = await app.SignInAsAsync(Roles.Volunteer, fresh.Id);
        var my = await freshClient.Http.GetDocumentAsync("/My");
        Assert.Contains("1件", my.Text("#pending-invitations"));
        var mine = await freshClient.Http.GetDocumentAsync("/My/Volunteer");
        var invitation = mine.QuerySelector($".invitation[data-request='{requestId}']")!;
        Assert.Contains("市民会館", invitation.TextContent);
        var accept = await freshClient.Http.SubmitFormAsync(mine, "/My/Volunteer", new Dictionary<string, string>(),
            $".invitation[data-request='{requestId}'] form:has(input[name=accept][value=true])");
        accept.AssertRedirectTo("/My/Volunteer");
        var a1 = await AssignmentAsync(requestId, fresh.Id);
        Assert.Equal(AssignmentStatus.Accepted, a1.Status);
        Assert.False(a1.AnsweredByStaff);

        var busyClient = await app.SignInAsAsync(Roles.Volunteer, busy.Id);
        mine = await busyClient.Http.GetDocumentAsync("/My/Volunteer");
        Assert.Contains("二郎さん", mine.QuerySelector($".invitation[data-request='{requestId}'] .others")!.TextContent);
        Assert.DoesNotContain("新人", mine.Body!.TextContent);
        Assert.DoesNotContain("fresh@example.jp", mine.Body!.TextContent);

        // Staff record the phone volunteer's answer.
        page = await staff.Http.GetDocumentAsync(url);
        var phoneAssignment = await AssignmentAsync(requestId, phone.Id);
        var decline = await staff.Http.PostAsync(url + "?handler=Answer", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.AntiforgeryToken()), new("assignmentId", phoneAssignment.Id.ToString()), new("accept", "false"),
        ]));
        decline.AssertRedirectTo(url);
        var declined = await AssignmentAsync(requestId, phone.Id);
        Assert.Equal(AssignmentStatus.Declined, declined.Status);
        Assert.True(declined.AnsweredByStaff);

        page = await staff.Http.GetDocumentAsync(url);
        Assert.Equal("1", page.Text("#going"));
        Assert.Contains("参加", page.QuerySelector($"#roster tr[data-member='{fresh.Id}'] .status")!.TextContent);
        Assert.Contains("辞退", page.QuerySelector($"#roster tr[data-member='{phone.Id}'] .status")!.TextContent);

        // A reminder is noted for those going (and only once).
        var remind = await staff.Http.PostAsync(url + "?handler=Remind", new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));
        remind.AssertRedirectTo(url);
        Assert.NotNull((await AssignmentAsync(requestId, fresh.Id)).ReminderQueuedAt);
        Assert.Null((await AssignmentAsync(requestId, busy.Id)).ReminderQueuedAt);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.MemberId == fresh.Id && m.Category == "volunteer-reminder" && m.RelatedId == requestId)));
    }

    [Fact]
    public async Task Two_accepts_for_overlapping_requests_at_the_same_moment_book_only_one()
    {
        app.SkipIfUnavailable();
        var reception = await NewAreaAsync();
        var v = await VolunteerAsync("同時 次郎", "ドウジ ジロウ", [reception], email: "same-time@example.jp");
        var first = await RequestAsync("午前の案内", new DateOnly(2026, 12, 19), new(9, 0), new(12, 0), reception);
        var second = await RequestAsync("昼の案内", new DateOnly(2026, 12, 19), new(11, 0), new(14, 0), reception);
        var ids = await app.WithDbAsync(async db =>
        {
            var a = new VolunteerAssignment { RequestId = first, MemberId = v.Id, Status = AssignmentStatus.Invited, InvitedOn = new(2026, 11, 20) };
            var b = new VolunteerAssignment { RequestId = second, MemberId = v.Id, Status = AssignmentStatus.Invited, InvitedOn = new(2026, 11, 20) };
            db.VolunteerAssignments.AddRange(a, b);
            await db.SaveChangesAsync();
            return new[] { a.Id, b.Id };
        });

        var answers = await Task.WhenAll(ids.Select(id => app.WithServicesAsync(sp =>
            sp.GetRequiredService<MemberHub.Web.Pages.Volunteers.Requests.RequestActionsHandler>().AnswerAsync(id, accept: true, ownMemberId: v.Id))));

        Assert.Single(answers, a => a is null);
        Assert.Single(answers, a => a is not null && a.Contains("二重予約"));
        Assert.Equal(1, await app.WithDbAsync(db => db.VolunteerAssignments.CountAsync(a => a.MemberId == v.Id && a.Status == AssignmentStatus.Accepted)));
    }

    [Fact]
    public async Task A_double_booking_is_refused_and_the_ranking_leaves_the_person_out()
    {
        app.SkipIfUnavailable();
        var reception = await NewAreaAsync();
        var v = await VolunteerAsync("重複 花子", "チョウフク ハナコ", [reception], email: "dup@example.jp");
        var morning = await RequestAsync("朝の受付", new DateOnly(2026, 12, 12), new(9, 0), new(12, 0), reception);
        var noon = await RequestAsync("昼の受付", new DateOnly(2026, 12, 12), new(11, 0), new(14, 0), reception);
        await app.WithDbAsync(async db =>
        {
            db.VolunteerAssignments.Add(new VolunteerAssignment { RequestId = morning, MemberId = v.Id, Status = AssignmentStatus.Accepted, InvitedOn = new(2026, 11, 20) });
            db.VolunteerAssignments.Add(new VolunteerAssignment { RequestId = noon, MemberId = v.Id, Status = AssignmentStatus.Invited, InvitedOn = new(2026, 11, 21) });
            await db.SaveChangesAsync();
        });
        var client = await app.SignInAsAsync(Roles.Volunteer, v.Id);
        var mine = await client.Http.GetDocumentAsync("/My/Volunteer");
        var response = await client.Http.SubmitFormAsync(mine, "/My/Volunteer", new Dictionary<string, string>(),
            $".invitation[data-request='{noon}'] form:has(input[name=accept][value=true])");
        response.AssertRedirectTo("/My/Volunteer");
        mine = await client.Http.GetDocumentAsync("/My/Volunteer");
        Assert.Contains("二重予約", mine.Text("#flash-error"));
        Assert.Equal(AssignmentStatus.Invited, (await AssignmentAsync(noon, v.Id)).Status);

        // Staff cannot book it either.
        var staff = await app.SignInAsAsync(Roles.Staff);
        var page = await staff.Http.GetDocumentAsync($"/Volunteers/Requests/Details/{noon}");
        var assignment = await AssignmentAsync(noon, v.Id);
        await staff.Http.PostAsync($"/Volunteers/Requests/Details/{noon}?handler=Answer", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", page.AntiforgeryToken()), new("assignmentId", assignment.Id.ToString()), new("accept", "true")]));
        Assert.Equal(AssignmentStatus.Invited, (await AssignmentAsync(noon, v.Id)).Status);

        // For a third request at an overlapping time, the person is listed as booked, not proposed.
        var third = await RequestAsync("午前の片付け", new DateOnly(2026, 12, 12), new(10, 0), new(11, 0), reception);
        page = await staff.Http.GetDocumentAsync($"/Volunteers/Requests/Details/{third}");
        var row = page.QuerySelector($"#candidates tr[data-member='{v.Id}']")!;
        Assert.Contains("同じ時間に別の活動で参加予定", row.TextContent);
        Assert.Null(row.QuerySelector("input[type=checkbox]"));
    }

    [Fact]
    public async Task Hours_are_recorded_after_the_day_and_shown_on_the_persons_pages()
    {
        app.SkipIfUnavailable();
        var reception = await NewAreaAsync();
        var v = await VolunteerAsync("実績 さくら", "ジッセキ サクラ", [reception], email: "hours@example.jp");
        var other = await VolunteerAsync("欠席 もみじ", "ケッセキ モミジ", [reception], email: "absent@example.jp");
        var done = await RequestAsync("清掃活動", new DateOnly(2026, 11, 21), new(9, 0), new(12, 0), reception);
        await app.WithDbAsync(async db =>
        {
            db.VolunteerAssignments.Add(new VolunteerAssignment { RequestId = done, MemberId = v.Id, Status = AssignmentStatus.Accepted, InvitedOn = new(2026, 11, 10) });
            db.VolunteerAssignments.Add(new VolunteerAssignment { RequestId = done, MemberId = other.Id, Status = AssignmentStatus.Accepted, InvitedOn = new(2026, 11, 10) });
            await db.SaveChangesAsync();
        });
        var a = await AssignmentAsync(done, v.Id);
        var b = await AssignmentAsync(done, other.Id);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var url = $"/Volunteers/Requests/Details/{done}";
        var page = await staff.Http.GetDocumentAsync(url);
        var response = await staff.Http.PostAsync(url + "?handler=Attendance", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.AntiforgeryToken()),
            new("assignmentIds", a.Id.ToString()), new("assignmentIds", b.Id.ToString()),
            new("attended", a.Id.ToString()), new($"hours[{a.Id}]", "2.5"), new($"hours[{b.Id}]", ""),
        ]));
        response.AssertRedirectTo(url);
        a = await AssignmentAsync(done, v.Id);
        Assert.True(a.Attended);
        Assert.Equal(150, a.MinutesServed);
        Assert.Equal(new DateOnly(2026, 11, 21), a.ServedOn);
        b = await AssignmentAsync(done, other.Id);
        Assert.False(b.Attended);
        Assert.Null(b.MinutesServed);

        var details = await staff.Http.GetDocumentAsync($"/Members/Details/{v.Id}");
        Assert.Equal("2.5時間", details.Text("#hours-total"));
        var client = await app.SignInAsAsync(Roles.Volunteer, v.Id);
        var mine = await client.Http.GetDocumentAsync("/My/Volunteer");
        Assert.Equal("2.5時間", mine.Text("#hours-this-year"));
        Assert.Contains("清掃活動", mine.Text("#volunteer-history"));

        // Bad hours are refused.
        page = await staff.Http.GetDocumentAsync(url);
        await staff.Http.PostAsync(url + "?handler=Attendance", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", page.AntiforgeryToken()), new("assignmentIds", a.Id.ToString()), new("attended", a.Id.ToString()), new($"hours[{a.Id}]", "たくさん")]));
        Assert.Equal(150, (await AssignmentAsync(done, v.Id)).MinutesServed);

        var dashboard = await staff.Http.GetDocumentAsync("/Volunteers");
        Assert.NotNull(dashboard.QuerySelector("#spread-chart rect"));
    }

    [Fact]
    public async Task Volunteers_cannot_reach_other_peoples_data()
    {
        app.SkipIfUnavailable();
        var reception = await NewAreaAsync();
        var me = await VolunteerAsync("本人 葵", "ホンニン アオイ", [reception], email: "me@example.jp");
        var them = await VolunteerAsync("他人 蓮", "タニン レン", [reception], email: "them-secret@example.jp");
        var request = await RequestAsync("他人だけの依頼", new DateOnly(2026, 12, 19), new(10, 0), new(12, 0), reception);
        await app.WithDbAsync(async db =>
        {
            db.VolunteerAssignments.Add(new VolunteerAssignment { RequestId = request, MemberId = them.Id, Status = AssignmentStatus.Invited, InvitedOn = new(2026, 11, 20) });
            await db.SaveChangesAsync();
        });
        var theirs = await AssignmentAsync(request, them.Id);
        var client = await app.SignInAsAsync(Roles.Volunteer, me.Id);

        foreach (var url in new[] { "/Volunteers", $"/Volunteers/Requests/Details/{request}", $"/Volunteers/People/Profile/{them.Id}", "/Volunteers/Equipment", $"/Members/Details/{them.Id}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(url)).StatusCode);

        var mine = await client.Http.GetDocumentAsync("/My/Volunteer");
        Assert.DoesNotContain("他人だけの依頼", mine.Body!.TextContent);
        Assert.DoesNotContain("them-secret", mine.Body!.InnerHtml);

        // Answering someone else's invitation by its id changes nothing.
        var response = await client.Http.PostAsync("/My/Volunteer?handler=Answer", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", mine.AntiforgeryToken()), new("assignmentId", theirs.Id.ToString()), new("accept", "true")]));
        response.AssertRedirectTo("/My/Volunteer");
        Assert.Equal(AssignmentStatus.Invited, (await AssignmentAsync(request, them.Id)).Status);

        // Nor can their away periods be removed through the own page.
        var absence = await app.WithDbAsync(async db =>
        {
            var x = new VolunteerAbsence { MemberId = them.Id, From = new(2026, 12, 1), To = new(2026, 12, 31) };
            db.VolunteerAbsences.Add(x);
            await db.SaveChangesAsync();
            return x.Id;
        });
        await client.Http.PostAsync("/My/Volunteer?handler=RemoveAbsence", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", mine.AntiforgeryToken()), new("absenceId", absence.ToString())]));
        Assert.True(await app.WithDbAsync(db => db.VolunteerAbsences.AnyAsync(x => x.Id == absence)));
    }

    [Fact]
    public async Task Equipment_is_lent_overdue_is_listed_and_the_goal_page_has_no_personal_data()
    {
        app.SkipIfUnavailable();
        var borrower = await new MemberBuilder().Named("借用 太一", "シャクヨウ タイチ").CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var added = await staff.Http.SubmitFormAsync("/Volunteers/Equipment", new Dictionary<string, string> { ["name"] = "テント（大）", ["code"] = "T-01" }, "#add-item");
        added.AssertRedirectTo("/Volunteers/Equipment");
        var itemId = await app.WithDbAsync(db => db.EquipmentItems.Where(i => i.Name == "テント（大）").Select(i => i.Id).SingleAsync());
        var page = await staff.Http.GetDocumentAsync("/Volunteers/Equipment");
        var lent = await staff.Http.PostAsync("/Volunteers/Equipment?handler=Lend", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.AntiforgeryToken()), new("itemId", itemId.ToString()),
            new("memberNumber", borrower.MemberNumber.ToString()), new("lentOn", "2026-11-01"), new("dueOn", "2026-11-15"),
        ]));
        lent.AssertRedirectTo("/Volunteers/Equipment");
        page = await staff.Http.GetDocumentAsync("/Volunteers/Equipment");
        Assert.Contains("借用 太一", page.Text("#overdue"));
        // Lending it again while out is refused.
        await staff.Http.PostAsync("/Volunteers/Equipment?handler=Lend", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.AntiforgeryToken()), new("itemId", itemId.ToString()),
            new("memberNumber", borrower.MemberNumber.ToString()), new("dueOn", "2026-12-15"),
        ]));
        Assert.Equal(1, await app.WithDbAsync(db => db.EquipmentLoans.CountAsync(l => l.ItemId == itemId)));

        var goal = await staff.Http.SubmitFormAsync("/Volunteers/Goals", new Dictionary<string, string>
        {
            ["form.Title"] = "年間ボランティア 2,000時間", ["form.Kind"] = "Hours", ["form.Target"] = "2000", ["form.From"] = "2026-04-01", ["form.To"] = "2027-03-31",
        }, "#add-goal");
        goal.AssertRedirectTo("/Volunteers/Goals");
        var goalId = await app.WithDbAsync(db => db.VolunteerGoals.Where(g => g.Title == "年間ボランティア 2,000時間").Select(g => g.Id).SingleAsync());
        var print = await staff.Http.GetDocumentAsync($"/Volunteers/Goals/Print/{goalId}");
        Assert.Equal("年間ボランティア 2,000時間", print.Text("#goal-title"));
        Assert.NotNull(print.QuerySelector(".progress-bar"));
        Assert.DoesNotContain("借用", print.Body!.TextContent);
        Assert.DoesNotContain("@", print.Body!.TextContent);
    }
}

public class VolunteerSqliteTests(MemberHubFactory app) : VolunteerTests(app), IClassFixture<MemberHubFactory>;

public class VolunteerPostgresTests(PostgresMemberHubFactory app) : VolunteerTests(app), IClassFixture<PostgresMemberHubFactory>;
