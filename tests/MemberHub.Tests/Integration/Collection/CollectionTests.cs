using System.Net;
using MemberHub.Billing;
using MemberHub.Documents;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Collection;

public abstract class CollectionTests(MemberHubFactory app)
{
    private static async Task<HttpResponseMessage> SendRemindersAsync(SignedInClient client, string channel, bool lettersForNoEmail, params long[] invoiceIds)
    {
        var page = await client.Http.GetDocumentAsync("/Dues/Overdue");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.AntiforgeryToken()),
            new("channel", channel),
            new("back", "/Dues/Overdue"),
        };
        if (lettersForNoEmail) fields.Add(new("lettersForNoEmail", "true"));
        fields.AddRange(invoiceIds.Select(id => new KeyValuePair<string, string>("ids", id.ToString())));
        return await client.Http.PostAsync("/Dues/Overdue/Send", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Reminders_by_email_queue_an_outbox_row_count_up_and_never_go_to_members_who_refuse_email()
    {
        app.SkipIfUnavailable();
        var willing = await new MemberBuilder().Named("松本 由美", "マツモト ユミ").CreateAsync(app);
        var refuser = await app.ChangeMemberAsync(await new MemberBuilder().Named("井上 清", "イノウエ キヨシ").CreateAsync(app), m => m.RefusesEmail = true);
        var a = await app.InvoiceAsync(willing, 2026, 5_000);
        var b = await app.InvoiceAsync(refuser, 2026, 5_000);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var list = await staff.Http.GetDocumentAsync("/Dues/Overdue");
        var rowA = list.QuerySelector($"#overdue-table tr:has(input[value='{a.Id}'])")!;
        Assert.Contains("176日", rowA.TextContent); // due 2026-05-31, today 2026-11-23
        Assert.Contains("メール", rowA.TextContent);
        Assert.Contains("メール拒否", list.QuerySelector($"#overdue-table tr:has(input[value='{b.Id}'])")!.TextContent);

        var sent = await SendRemindersAsync(staff, "Email", lettersForNoEmail: false, a.Id, b.Id);
        sent.AssertRedirectTo("/Dues/Overdue");
        var message = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.RelatedId == a.Id && m.Category == "reminder"));
        Assert.Equal(willing.Email, message.ToAddress);
        Assert.Equal(OutboxAttachmentKind.ReminderPdf, message.AttachmentKind);
        Assert.Equal(a.Id, message.AttachmentRefId);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal("2026年度会費の督促（第1回）をメールで送付", message.ContactSummary);
        Assert.Contains("松本 由美", message.Body);
        Assert.Contains(a.InvoiceNumber, message.Body);
        Assert.Contains("5,000円", message.Body);
        Assert.DoesNotContain("{{", message.Body + message.Subject);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.MemberId == refuser.Id)));
        Assert.False(await app.WithDbAsync(db => db.DuesReminders.AnyAsync(r => r.InvoiceId == b.Id)));
        var reminder = await app.WithDbAsync(db => db.DuesReminders.SingleAsync(r => r.InvoiceId == a.Id));
        Assert.Equal((1, DeliveryChannel.Email, message.Id), (reminder.Sequence, reminder.Channel, reminder.OutboxMessageId!.Value));
        Assert.Equal(new DateOnly(2026, 11, 23), reminder.SentOn);

        var after = await staff.Http.GetDocumentAsync("/Dues/Overdue");
        Assert.Contains("井上 清（メール拒否）", after.QuerySelector("main .alert-success")!.TextContent);
        Assert.Contains("1回", after.QuerySelector($"#overdue-table tr:has(input[value='{a.Id}'])")!.TextContent);

        // The same day again (a double click, a resubmitted form): nothing new.
        await SendRemindersAsync(staff, "Email", lettersForNoEmail: false, a.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.RelatedId == a.Id && m.Category == "reminder")));
        Assert.Equal(1, await app.WithDbAsync(db => db.DuesReminders.CountAsync(r => r.InvoiceId == a.Id)));

        // A week later: the second reminder.
        await app.WithDbAsync(db => db.DuesReminders.Where(r => r.InvoiceId == a.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SentOn, new DateOnly(2026, 11, 16))));
        await SendRemindersAsync(staff, "Email", lettersForNoEmail: false, a.Id);
        var second = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.RelatedId == a.Id && m.Category == "reminder").OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("2026年度会費の督促（第2回）をメールで送付", second.ContactSummary);
        Assert.Equal([1, 2], await app.WithDbAsync(db => db.DuesReminders.Where(r => r.InvoiceId == a.Id).OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync()));
        Assert.Contains("2回", (await staff.Http.GetDocumentAsync("/Dues/Overdue")).QuerySelector($"#overdue-table tr:has(input[value='{a.Id}'])")!.TextContent);
    }

    [Fact]
    public async Task A_letter_batch_creates_a_document_job_and_records_the_reminders_by_post()
    {
        app.SkipIfUnavailable();
        var willing = await new MemberBuilder().CreateAsync(app);
        var refuser = await app.ChangeMemberAsync(await new MemberBuilder().CreateAsync(app), m => m.RefusesEmail = true);
        var noAddress = await app.ChangeMemberAsync(await new MemberBuilder().CreateAsync(app), m => m.Email = null);
        var a = await app.InvoiceAsync(willing, 2025, 5_000);
        var b = await app.InvoiceAsync(refuser, 2025, 5_000);
        var c = await app.InvoiceAsync(noAddress, 2025, 3_000);
        var admin = await app.SignInAsAsync(Roles.Admin);

        (await SendRemindersAsync(admin, "Post", lettersForNoEmail: false, a.Id, b.Id)).AssertRedirectTo("/Dues/Overdue");
        var job = await app.WithDbAsync(db => db.DocumentJobs.Where(j => j.Kind == "reminder-letters").OrderByDescending(j => j.Id).FirstAsync());
        Assert.Equal(string.Join(',', new[] { a.Id, b.Id }.Order()), job.Parameters);
        Assert.Equal((2, DocumentJobStatus.Queued), (job.Total, job.Status));
        Assert.All(await app.WithDbAsync(db => db.DuesReminders.Where(r => r.InvoiceId == a.Id || r.InvoiceId == b.Id).ToListAsync()),
            r => Assert.Equal((1, DeliveryChannel.Post), (r.Sequence, r.Channel)));
        var contact = await app.WithDbAsync(db => db.ContactRecords.SingleAsync(r => r.MemberId == refuser.Id));
        Assert.Equal(ContactChannel.Post, contact.Channel);
        Assert.Equal("2025年度会費の督促（第1回）を郵送で送付", contact.Summary);
        Assert.Equal(admin.User.Id, contact.StaffUserId);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.RelatedId == a.Id)));
        Assert.Contains("待機中", (await admin.Http.GetDocumentAsync("/Dues/Overdue")).QuerySelector("#letter-jobs")!.TextContent);

        // By e-mail, with "letters for those who cannot take e-mail": the member without an address goes into a letter batch.
        await SendRemindersAsync(admin, "Email", lettersForNoEmail: true, c.Id);
        var letters = await app.WithDbAsync(db => db.DocumentJobs.Where(j => j.Kind == "reminder-letters").OrderByDescending(j => j.Id).FirstAsync());
        Assert.Equal(c.Id.ToString(), letters.Parameters);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.MemberId == noAddress.Id)));

        // A finished job offers its PDF.
        await app.WithDbAsync(async db =>
        {
            var done = await db.DocumentJobs.SingleAsync(j => j.Id == letters.Id);
            (done.Status, done.Done) = (DocumentJobStatus.Done, 1);
            await db.SaveChangesAsync();
        });
        Assert.NotNull((await admin.Http.GetDocumentAsync("/Dues/Overdue")).QuerySelector($"#letter-jobs a[href='/Dues/Documents/Download/{letters.Id}']"));
    }

    [Fact]
    public async Task Treasurer_sees_the_overdue_list_but_cannot_send_reminders()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var invoice = await app.InvoiceAsync(member, 2026, 4_000);
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var list = await treasurer.Http.GetDocumentAsync("/Dues/Overdue?year=2026&minDays=30");
        Assert.Contains(invoice.InvoiceNumber, list.QuerySelector("#overdue-table")!.TextContent);
        Assert.Null(list.QuerySelector("button[name=channel]"));
        var response = await treasurer.Http.PostAsync("/Dues/Overdue/Send", new FormUrlEncodedContent([new("ids", invoice.Id.ToString()), new("channel", "Email")]));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.DuesReminders.AnyAsync(r => r.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task The_overdue_filters_narrow_the_list()
    {
        app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(app);
        var recent = await app.InvoiceAsync(member, 2026, 4_000, dueOn: new DateOnly(2026, 11, 13));
        var old = await app.InvoiceAsync(member, 2024, 4_000);
        var other = await new MemberBuilder().CreateAsync(app);
        var notYetDue = await app.InvoiceAsync(other, 2026, 4_000, dueOn: new DateOnly(2026, 12, 31));
        var staff = await app.SignInAsAsync(Roles.Staff);

        var all = (await staff.Http.GetDocumentAsync("/Dues/Overdue")).QuerySelector("#overdue-table")!.TextContent;
        Assert.Contains(recent.InvoiceNumber, all);
        Assert.Contains(old.InvoiceNumber, all);
        Assert.DoesNotContain(notYetDue.InvoiceNumber, all);
        var thirtyDays = (await staff.Http.GetDocumentAsync("/Dues/Overdue?minDays=30")).QuerySelector("#overdue-table")!.TextContent;
        Assert.DoesNotContain(recent.InvoiceNumber, thirtyDays);
        var fy2024 = (await staff.Http.GetDocumentAsync("/Dues/Overdue?year=2024")).QuerySelector("#overdue-table")!.TextContent;
        Assert.Contains(old.InvoiceNumber, fy2024);
        Assert.DoesNotContain(recent.InvoiceNumber, fy2024);
    }

    [Fact]
    public async Task Lapse_candidates_need_two_fiscal_years_in_arrears_and_the_board_confirms_them()
    {
        app.SkipIfUnavailable();
        var twoYears = await new MemberBuilder().Named("石井 正男", "イシイ マサオ").CreateAsync(app);
        var oneYear = await new MemberBuilder().Named("森 久美子", "モリ クミコ").CreateAsync(app);
        var i2024 = await app.InvoiceAsync(twoYears, 2024, 5_000);
        await app.InvoiceAsync(twoYears, 2025, 5_000);
        await app.InvoiceAsync(oneYear, 2025, 5_000);
        var staff = await app.SignInAsAsync(Roles.Staff);

        var page = await staff.Http.GetDocumentAsync("/Dues/Lapse");
        var table = page.QuerySelector("#lapse-table")!.TextContent;
        Assert.Contains("石井 正男", table);
        Assert.Contains("2024年度", table);
        Assert.Contains("10,000円", table);
        Assert.DoesNotContain("森 久美子", table);
        Assert.Equal(MemberStatus.Active, (await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == twoYears.Id))).Status);

        var confirmed = await staff.Http.PostAsync("/Dues/Lapse/Confirm", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.AntiforgeryToken()), new("ids", twoYears.Id.ToString()), new("decidedOn", "2026-11-20"),
        ]));
        confirmed.AssertRedirectTo("/Dues/Lapse");
        var lapsed = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == twoYears.Id));
        Assert.Equal(MemberStatus.Withdrawn, lapsed.Status);
        Assert.Equal("会費未納による資格喪失（2024・2025年度）", lapsed.StatusReason);
        Assert.Equal(new DateOnly(2026, 11, 20), lapsed.StatusChangedOn);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == "Member" && a.MemberId == twoYears.Id && a.Field == "Status" && a.UserId == staff.User.Id)));
        // The invoices are not written off by this.
        Assert.Equal(InvoiceStatus.Unpaid, (await app.ReadInvoiceAsync(i2024.Id)).Status);
        Assert.DoesNotContain("石井 正男", (await staff.Http.GetDocumentAsync("/Dues/Lapse")).Body!.TextContent);

        // The treasurer may look but not decide; only an admin changes the number of years.
        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.PostAsync("/Dues/Lapse/Confirm", new FormUrlEncodedContent([new("ids", oneYear.Id.ToString())]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.PostAsync("/Dues/Lapse/Settings", new FormUrlEncodedContent([new("lapseAfterYears", "1")]))).StatusCode);

        var admin = await app.SignInAsAsync(Roles.Admin);
        await EnsureOrganisationAsync();
        var saved = await admin.Http.SubmitFormAsync("/Dues/Lapse", new Dictionary<string, string> { ["lapseAfterYears"] = "1" }, "#lapse-settings");
        saved.AssertRedirectTo("/Dues/Lapse");
        try
        {
            var withOne = await admin.Http.GetDocumentAsync("/Dues/Lapse");
            Assert.Contains("1年度分", withOne.QuerySelector("#lapse-years")!.TextContent);
            Assert.Contains("森 久美子", withOne.QuerySelector("#lapse-table")!.TextContent);
        }
        finally
        {
            await admin.Http.SubmitFormAsync("/Dues/Lapse", new Dictionary<string, string> { ["lapseAfterYears"] = "2" }, "#lapse-settings");
        }
        Assert.Equal(2, await app.WithDbAsync(db => db.OrganisationSettings.Select(o => o.LapseAfterYears).SingleAsync()));
    }

    [Fact]
    public async Task The_dashboard_shows_the_figures_of_a_fiscal_year_by_class_and_by_month()
    {
        app.SkipIfUnavailable();
        var cls = "正会員（ダッシュボード）";
        var m1 = await new MemberBuilder().OfClass(cls).CreateAsync(app);
        var m2 = await new MemberBuilder().OfClass(cls).CreateAsync(app);
        var m3 = await new MemberBuilder().OfClass(cls).CreateAsync(app);
        var m4 = await new MemberBuilder().OfClass(cls).CreateAsync(app);
        // Fiscal year 2019 is used by no other test.
        var paid = await app.InvoiceAsync(m1, 2019, 10_000);
        var part = await app.InvoiceAsync(m2, 2019, 5_000);
        await app.InvoiceAsync(m3, 2019, 3_000);
        await app.InvoiceAsync(m4, 2019, 7_000, status: InvoiceStatus.Cancelled);
        Assert.True((await app.PostAsync(CollectionTestKit.Cash(m1.Id, new DateOnly(2019, 6, 10), 10_000, (paid.Id, 10_000)))).Succeeded);
        Assert.True((await app.PostAsync(CollectionTestKit.Cash(m2.Id, new DateOnly(2019, 8, 1), 2_000, (part.Id, 2_000)))).Succeeded);
        var mistake = await app.PostAsync(CollectionTestKit.Cash(m2.Id, new DateOnly(2019, 8, 5), 3_000, (part.Id, 3_000)));
        Assert.True((await app.ReverseAsync(mistake.PaymentId!.Value, "金額の誤り")).Succeeded);
        // A donation is not dues: it does not show in the chart.
        Assert.True((await app.PostAsync(CollectionTestKit.Cash(m3.Id, new DateOnly(2019, 9, 1), 1_000))).Succeeded);

        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var page = await treasurer.Http.GetDocumentAsync("/Dues?year=2019");
        Assert.Equal("18,000円", page.Text("#total-invoiced"));
        Assert.Equal("12,000円", page.Text("#total-paid"));
        Assert.Equal("6,000円", page.Text("#total-outstanding"));
        Assert.Equal("66.7%", page.Text("#collection-rate"));
        Assert.Contains("3件", page.QuerySelector("#dues-totals")!.TextContent);
        Assert.Contains("未入金・一部入金 2件", page.QuerySelector("#dues-totals")!.TextContent);
        var row = page.QuerySelectorAll("#by-class tr").Single(r => r.TextContent.Contains(cls));
        Assert.Contains("18,000円", row.TextContent);
        Assert.Contains("66.7%", row.TextContent);
        var bars = page.QuerySelectorAll("#monthly-chart rect").ToDictionary(r => r.GetAttribute("data-month")!, r => r.GetAttribute("data-amount")!);
        Assert.Equal(12, bars.Count);
        Assert.Equal("10000", bars["6"]);
        Assert.Equal("2000", bars["8"]);
        Assert.Equal("0", bars["9"]);
        Assert.Equal("0", bars["4"]);
        Assert.NotNull(page.QuerySelector("a[href='/Dues/Invoices?year=2019&status=0']"));
    }

    private Task EnsureOrganisationAsync() => app.WithDbAsync(async db =>
    {
        if (!await db.OrganisationSettings.AnyAsync())
        {
            db.OrganisationSettings.Add(new MemberHub.Organisation.OrganisationSettings { Name = "NPO法人 みらいの森" });
            await db.SaveChangesAsync();
        }
    });
}

public class CollectionSqliteTests(MemberHubFactory app) : CollectionTests(app), IClassFixture<MemberHubFactory>;

public class CollectionPostgresTests(PostgresMemberHubFactory app) : CollectionTests(app), IClassFixture<PostgresMemberHubFactory>;
