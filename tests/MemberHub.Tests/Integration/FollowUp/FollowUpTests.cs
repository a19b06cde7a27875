using System.Net;
using MemberHub.FollowUp;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.FollowUp;

/// <summary>The supporter's record, events and the dashboard through HTTP, on SQLite and PostgreSQL.</summary>
public abstract class FollowUpTests(MemberHubFactory app)
{
    [Fact]
    public async Task Metrics_update_when_a_payment_is_posted()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("岡田 さくら", "オカダ サクラ").JoinedOn(new DateOnly(2020, 4, 1)).CreateAsync(app);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var details = $"/Members/Details/{member.Id}";

        var before = await treasurer.Http.GetDocumentAsync(details);
        Assert.Equal("入金なし", before.Text("#record-class"));
        Assert.Equal("見込み", before.Text("#record-stage"));
        Assert.Equal("0回", before.Text("#record-count"));

        // A donation by hand: no invoice is open, so all of it is a donation.
        var page = $"/Payments/Manual?memberId={member.Id}";
        (await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Amount"] = "5000", ["Input.Method"] = nameof(PaymentMethod.Cash), ["Input.ReceivedOn"] = "2026-11-20",
        }, "#payment-form")).AssertRedirectTo("/Payments/Manual");

        var first = await treasurer.Http.GetDocumentAsync(details);
        Assert.Equal("5,000円", first.Text("#record-donations"));
        Assert.Equal("0円", first.Text("#record-dues"));
        Assert.Equal("1回", first.Text("#record-count"));
        Assert.Equal("初回", first.Text("#record-class"));
        Assert.Equal("新規", first.Text("#record-stage"));
        Assert.Equal("2026年11月20日", first.Text("#record-first"));
        Assert.Equal("3日", first.Text("#record-days-payment"));
        Assert.Equal("6年", first.Text("#record-years"));
        Assert.Contains("入金は1回です", first.Text("#record-explanation"));

        // Dues on an invoice: the second payment.
        var invoice = await app.InvoiceAsync(member, 2026, 3_000);
        (await treasurer.Http.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Amount"] = "3000", ["Input.Method"] = nameof(PaymentMethod.Cash), ["Input.ReceivedOn"] = "2026-11-22",
        }, "#payment-form")).AssertRedirectTo("/Payments/Manual");

        var second = await treasurer.Http.GetDocumentAsync(details);
        Assert.Equal("3,000円", second.Text("#record-dues"));
        Assert.Equal("5,000円", second.Text("#record-donations"));
        Assert.Equal("2回", second.Text("#record-count"));
        Assert.Equal("4,000円", second.Text("#record-average"));
        Assert.Equal("よちよち", second.Text("#record-class"));
        Assert.Equal("リピート", second.Text("#record-stage"));
        Assert.Equal("2026年11月22日", second.Text("#record-last"));
        Assert.Equal("活動中", second.Text("#record-dormancy"));
        // The treasurer sees the figures but not the staff's switch.
        Assert.Null(second.QuerySelector("#keep-mailing-form"));
        Assert.Equal(InvoiceStatusPaid, (await app.ReadInvoiceAsync(invoice.Id)).Status.ToString());
    }

    private const string InvoiceStatusPaid = "Paid";

    [Fact]
    public async Task Event_attendance_counts_as_contact_at_once_and_can_be_removed()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("森 陽子", "モリ ヨウコ").CreateAsync(app);
        var other = await new MemberBuilder().CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var created = await staff.Http.SubmitFormAsync("/FollowUp/Events/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "秋のバザー", ["Input.HeldOn"] = "2026-11-21", ["Input.StartTime"] = "１３：３０", ["Input.Place"] = "公民館",
            ["Input.Keywords"] = "手芸、料理",
        }, "#event-form");
        created.AssertRedirectTo("/FollowUp/Events/Details/");
        var eventUrl = created.Headers.Location!.OriginalString;
        var eventId = long.Parse(eventUrl.Split('/')[^1]);

        // The htmx search finds the member.
        var picks = await staff.Http.HtmxGetAsync($"/FollowUp/Events/Attendance/{eventId}?handler=Search&q=モリ ヨウコ");
        var picksHtml = await picks.BodyAsync();
        Assert.Contains("森 陽子", picksHtml);
        Assert.DoesNotContain("<html", picksHtml);

        var doc = await staff.Http.GetDocumentAsync(eventUrl);
        Assert.Contains("13:30", doc.Text("main"));
        var add = await staff.Http.SubmitFormAsync(doc, eventUrl, new Dictionary<string, string>
        {
            ["numbers"] = $"{member.MemberNumber}、{other.MemberNumber}",
        }, "#add-many-form");
        add.AssertRedirectTo(eventUrl);
        var withAttendees = await staff.Http.GetDocumentAsync(eventUrl);
        Assert.Equal("2", withAttendees.Text("#attendee-count"));
        Assert.Contains("2名の参加を記録しました", withAttendees.Text("main .alert-success"));

        var record = await staff.Http.GetDocumentAsync($"/Members/Details/{member.Id}");
        Assert.Equal("1回", record.Text("#record-events"));
        Assert.StartsWith("2日", record.Text("#record-days-contact"));
        var stats = await app.WithDbAsync(db => db.MemberStats.AsNoTracking().SingleAsync(s => s.MemberId == member.Id));
        Assert.Equal(new DateOnly(2026, 11, 21), stats.LastContactOn);

        // Unknown numbers: nothing recorded, a Japanese message.
        var bad = await staff.Http.SubmitFormAsync(eventUrl, new Dictionary<string, string> { ["numbers"] = "99999999" }, "#add-many-form");
        bad.AssertRedirectTo(eventUrl);
        Assert.Contains("この会員番号の会員はいません", (await staff.Http.GetDocumentAsync(eventUrl)).Text("#flash-error"));

        // Removed by mistake: the figures follow, and the removal is in the audit log.
        var page = await staff.Http.GetDocumentAsync(eventUrl);
        var attendanceId = await app.WithDbAsync(db => db.EventAttendances.Where(a => a.EventId == eventId && a.MemberId == member.Id).Select(a => a.Id).SingleAsync());
        var remove = await staff.Http.PostAsync($"/FollowUp/Events/Attendance/{eventId}?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attendanceId"] = attendanceId.ToString(), ["__RequestVerificationToken"] = page.AntiforgeryToken(),
        }));
        remove.AssertRedirectTo(eventUrl);
        var after = await app.WithDbAsync(db => db.MemberStats.AsNoTracking().SingleAsync(s => s.MemberId == member.Id));
        Assert.Equal(0, after.EventCount);
        Assert.Null(after.LastContactOn);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(EventAttendance) && a.EntityId == attendanceId.ToString() && a.UserId == staff.User.Id)));

        // Cancelled, never deleted: the other attendee's contact no longer counts.
        var cancel = await staff.Http.SubmitFormAsync(eventUrl, new Dictionary<string, string>(), "#cancel-form");
        cancel.AssertRedirectTo(eventUrl);
        Assert.True(await app.WithDbAsync(db => db.OrganisationEvents.AnyAsync(e => e.Id == eventId && e.IsCancelled)));
        Assert.Equal(0, (await app.WithDbAsync(db => db.MemberStats.AsNoTracking().SingleAsync(s => s.MemberId == other.Id))).EventCount);
        var list = await staff.Http.GetDocumentAsync("/FollowUp/Events");
        Assert.Contains("取りやめ", list.Text("#past-events"));
    }

    [Fact]
    public async Task An_event_without_a_title_or_date_is_refused_in_japanese()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignInAsAsync(Roles.Staff);
        var before = await app.WithDbAsync(db => db.OrganisationEvents.CountAsync());
        var response = await staff.Http.SubmitFormAsync("/FollowUp/Events/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.HeldOn"] = "来週", ["Input.StartTime"] = "25:00",
        }, "#event-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Contains("イベント名を入力してください", body);
        Assert.Contains("開催日は 2026/04/01 のように", body);
        Assert.Contains("開始時刻は 13:30 のように", body);
        Assert.Equal(before, await app.WithDbAsync(db => db.OrganisationEvents.CountAsync()));
    }

    [Fact]
    public async Task Staff_keep_mailing_a_long_dormant_member_and_it_is_audited()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().JoinedOn(new DateOnly(2019, 4, 1)).CreateAsync(app);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var details = $"/Members/Details/{member.Id}";
        var doc = await staff.Http.GetDocumentAsync(details);
        Assert.Equal("長期休眠（郵送対象外）", doc.Text("#record-dormancy"));

        (await staff.Http.SubmitFormAsync(doc, details, new Dictionary<string, string>(), "#keep-mailing-form")).AssertRedirectTo(details);
        var after = await staff.Http.GetDocumentAsync(details);
        Assert.Equal("休眠", after.Text("#record-dormancy"));
        Assert.Equal("はい", after.Text("#keep-mailing"));
        Assert.Equal(Dormancy.Dormant, (await app.WithDbAsync(db => db.MemberStats.AsNoTracking().SingleAsync(s => s.MemberId == member.Id))).Dormancy);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Member" && a.EntityId == member.Id.ToString()
            && a.Field == "KeepMailingWhenDormant" && a.UserId == staff.User.Id)));
    }

    [Fact]
    public async Task Dashboard_and_map_show_the_counts_and_link_to_the_members()
    {
        app.SkipIfUnavailable();
        await new MemberBuilder().InPrefecture("北海道", "札幌市").CreateAsync(app);
        await new MemberBuilder().InPrefecture("北海道", "函館市").CreateAsync(app);
        var okinawa = await new MemberBuilder().InPrefecture("沖縄県", "那覇市").CreateAsync(app);
        await app.PostAsync(CollectionTestKit.Cash(okinawa.Id, new DateOnly(2026, 10, 5), 12_000));
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);

        var doc = await treasurer.Http.GetDocumentAsync("/FollowUp/Dashboard");
        var hokkaido = await app.WithDbAsync(db => db.Members.CountAsync(m => m.Prefecture == "北海道" && m.Status != MemberHub.Members.MemberStatus.Withdrawn && !m.IsArchived));
        var tile = doc.QuerySelector("#japan-map a[data-prefecture='北海道']")!;
        Assert.Equal(hokkaido.ToString(), tile.GetAttribute("data-count"));
        Assert.Equal("/Members?prefecture=" + Uri.EscapeDataString("北海道"), tile.GetAttribute("href"));
        Assert.Equal(47, doc.QuerySelectorAll("#japan-map a.prefecture").Length);
        Assert.NotEmpty(doc.QuerySelectorAll("#map-legend .legend-label"));
        foreach (var chart in new[] { "#chart-class", "#chart-stage", "#chart-joins", "#chart-dormant", "#chart-payments" })
            Assert.NotNull(doc.QuerySelector(chart));
        var firstTime = await app.WithDbAsync(db => db.MemberStats.CountAsync(s => s.Class == SupporterClass.FirstTime
            && db.Members.Any(m => m.Id == s.MemberId && !m.IsArchived && m.Status != MemberHub.Members.MemberStatus.Withdrawn && m.Status != MemberHub.Members.MemberStatus.Deceased)));
        Assert.Equal(firstTime.ToString(), doc.QuerySelector("#chart-class rect[data-label='初回']")!.GetAttribute("data-value"));
        // 24 months: this October is the later of the two.
        var october = long.Parse(doc.QuerySelectorAll("#chart-payments rect[data-label='10月']").Last().GetAttribute("data-value")!);
        Assert.True(october >= 12_000);

        // The link opens the member list filtered to that prefecture.
        var list = await treasurer.Http.GetDocumentAsync("/Members?prefecture=" + Uri.EscapeDataString("沖縄県"));
        Assert.Contains(okinawa.Name, list.Text("main"));
    }
}

public class FollowUpSqliteTests(MemberHubFactory app) : FollowUpTests(app), IClassFixture<MemberHubFactory>;

public class FollowUpPostgresTests(PostgresMemberHubFactory app) : FollowUpTests(app), IClassFixture<PostgresMemberHubFactory>;
