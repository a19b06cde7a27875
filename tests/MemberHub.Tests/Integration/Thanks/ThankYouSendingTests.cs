using System.Net;
using MemberHub.Common;
using MemberHub.Documents;
using MemberHub.Identity;
using MemberHub.Ledger;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Tests.Integration.Collection;
using MemberHub.Tests.Integration.Members;
using MemberHub.Tests.Integration.Outbox;
using MemberHub.Tests.Support;
using MemberHub.Tests.Unit.Documents;
using MemberHub.Thanks;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Thanks;

/// <summary>礼状 through the pages: e-mails into the outbox and marked sent by it, letters as one PDF, 送付しない, withdrawal letters.</summary>
public sealed class ThankYouSendingTests : IClassFixture<OutboxSqliteSite>, IClassFixture<SmtpTestServer>
{
    private readonly OutboxSqliteSite _app;
    private readonly SmtpTestServer _smtp;

    public ThankYouSendingTests(OutboxSqliteSite app, SmtpTestServer smtp)
    {
        _app = app;
        _smtp = smtp;
        smtp.Configure(app.Settings);
    }

    private async Task<(Member Member, ThankYouNote Note)> PaidAsync(MemberBuilder builder, long amount = 5_000, int year = 2026)
    {
        var member = await builder.CreateAsync(_app);
        var invoice = await _app.InvoiceAsync(member, year, amount);
        var posted = await _app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 11, 20), amount, (invoice.Id, amount)));
        Assert.True(posted.Succeeded, string.Join(" ", posted.Errors));
        return (member, await _app.WithDbAsync(db => db.ThankYouNotes.AsNoTracking().SingleAsync(n => n.PaymentId == posted.PaymentId)));
    }

    private Task<ThankYouNote> NoteAsync(long id) => _app.WithDbAsync(db => db.ThankYouNotes.AsNoTracking().SingleAsync(n => n.Id == id));

    [Fact]
    public async Task Staff_send_chosen_thank_yous_into_the_outbox_and_the_outbox_marks_them_sent()
    {
        var (a, noteA) = await PaidAsync(new MemberBuilder().Named("青木 陽子", "アオキ ヨウコ"));
        var (b, noteB) = await PaidAsync(new MemberBuilder().Named("石田 修", "イシダ オサム"), 10_000);
        var (_, untouched) = await PaidAsync(new MemberBuilder());

        var treasurer = await _app.SignInAsAsync(Roles.Treasurer);
        var seen = await treasurer.Http.GetDocumentAsync("/Mail/Thanks?channel=Email");
        Assert.Contains("青木 陽子", seen.QuerySelector("#thanks-table")!.TextContent);
        Assert.Null(seen.QuerySelector("#send-button"));
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.PostAsync("/Mail/Thanks/Act?handler=Email", new FormUrlEncodedContent([]))).StatusCode);

        var staff = await _app.SignInAsAsync(Roles.Staff);
        var preview = await staff.Http.GetDocumentAsync($"/Mail/Thanks/Preview/{noteB.Id}");
        Assert.Contains("石田 修 様", preview.QuerySelector("#preview-body")!.TextContent);
        Assert.Contains("2026年度の会費10,000円", preview.QuerySelector("#preview-body")!.TextContent);
        Assert.Contains("2026年11月20日", preview.QuerySelector("#preview-body")!.TextContent);

        var page = "/Mail/Thanks?channel=Email";
        var form = await staff.Http.GetDocumentAsync(page);
        var fields = HtmlForms.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("#thanks-form")!)
            .Where(f => f.Key != "Ids").ToList();
        fields.Add(new("Ids", noteA.Id.ToString()));
        fields.Add(new("Ids", noteB.Id.ToString()));
        var sent = await staff.Http.PostAsync("/Mail/Thanks/Act?handler=Email", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var (qa, qb) = (await NoteAsync(noteA.Id), await NoteAsync(noteB.Id));
        Assert.Equal((ThankYouStatus.Queued, ThankYouStatus.Queued), (qa.Status, qb.Status));
        Assert.Equal(ThankYouStatus.Pending, (await NoteAsync(untouched.Id)).Status);
        var mail = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == qb.OutboxMessageId));
        Assert.Equal((OutboxCategories.ThankYou, b.Id, noteB.Id, OutboxStatus.Pending), (mail.Category, mail.MemberId, mail.RelatedId, mail.Status));
        Assert.Contains("10,000円", mail.Body);
        // Sent again by mistake: nothing is queued twice.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Http.PostAsync("/Mail/Thanks/Act?handler=Email", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.MemberId == b.Id)));

        await _app.ProcessOutboxAsync();
        var done = await NoteAsync(noteB.Id);
        Assert.Equal(ThankYouStatus.Sent, done.Status);
        Assert.NotNull(done.SentAt);
        Assert.Contains(_smtp.To(b.Email!), m => (m.TextBody ?? "").Contains("10,000円"));
        Assert.True(await _app.WithDbAsync(db => db.ContactRecords.AnyAsync(c => c.MemberId == a.Id && c.Summary.Contains("会費のお礼") && c.Channel == ContactChannel.Email)));

        // The member's page shows it.
        var details = await staff.Http.GetDocumentAsync($"/Members/Details/{b.Id}");
        var history = details.QuerySelector("#member-thanks")!.TextContent;
        Assert.Contains("会費のお礼", history);
        Assert.Contains("10,000円", history);
        Assert.Contains("送付済", history);
    }

    [Fact]
    public async Task A_reversed_payment_withdraws_its_waiting_thank_you_mail()
    {
        var (member, note) = await PaidAsync(new MemberBuilder());
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var form = await staff.Http.GetDocumentAsync("/Mail/Thanks?channel=Email");
        var fields = HtmlForms.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("#thanks-form")!).Where(f => f.Key != "Ids").ToList();
        fields.Add(new("Ids", note.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Http.PostAsync("/Mail/Thanks/Act?handler=Email", new FormUrlEncodedContent(fields))).StatusCode);
        var queued = await NoteAsync(note.Id);
        Assert.Equal(ThankYouStatus.Queued, queued.Status);

        var reversed = await _app.ReverseAsync(note.PaymentId!.Value, "取り違え");
        Assert.True(reversed.Succeeded, string.Join(" ", reversed.Errors));
        Assert.Equal(ThankYouStatus.Skipped, (await NoteAsync(note.Id)).Status);
        var mail = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.OutboxMessageId));
        Assert.Equal(OutboxStatus.Failed, mail.Status);
        await _app.ProcessOutboxAsync();
        Assert.Empty(_smtp.To(member.Email!));
    }

    [Fact]
    public async Task Letters_print_as_one_pdf_in_postal_code_order_and_are_recorded_as_posted()
    {
        var (north, noteNorth) = await PaidAsync(new MemberBuilder().Named("北野 春香", "キタノ ハルカ").WithEmail(""), 6_000);
        var (south, noteSouth) = await PaidAsync(new MemberBuilder().Named("南田 健", "ミナミダ ケン").WithEmail(""), 7_000);
        await _app.WithDbAsync(db => db.Members.Where(m => m.Id == north.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.PostalCode, "060-0001")));
        await _app.WithDbAsync(db => db.Members.Where(m => m.Id == south.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.PostalCode, "900-0001")));
        Assert.Equal((ThankYouChannel.Letter, ThankYouChannel.Letter), (noteNorth.Channel, noteSouth.Channel));

        var staff = await _app.SignInAsAsync(Roles.Staff);
        var form = await staff.Http.GetDocumentAsync("/Mail/Thanks?channel=Letter");
        var fields = HtmlForms.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("#thanks-form")!).Where(f => f.Key != "Ids").ToList();
        fields.Add(new("Ids", noteSouth.Id.ToString()));
        fields.Add(new("Ids", noteNorth.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Http.PostAsync("/Mail/Thanks/Act?handler=Letters", new FormUrlEncodedContent(fields))).StatusCode);
        var job = await WaitForLettersJobAsync();
        Assert.Equal(2, job.Total);

        var file = await staff.Http.GetAsync($"/Dues/Documents/Download/{job.Id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var pdf = await file.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Folder, "thanks-letters.pdf"), pdf);
        var pages = SamplePrints.PageTexts(pdf).Select(p => p.Replace(" ", "").Replace("\u3000", "")).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("北野春香", pages[0]);
        Assert.Contains("6,000円", pages[0]);
        Assert.Contains("南田健", pages[1]);
        Assert.Contains("7,000円", pages[1]);

        var listed = await staff.Http.GetDocumentAsync("/Mail/Thanks?channel=Letter");
        Assert.Contains("（2通）", listed.QuerySelector("#posted-form")!.TextContent);
        var posted = await staff.Http.SubmitFormAsync(listed, "/Mail/Thanks?channel=Letter", new Dictionary<string, string>(), "#posted-form");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(ThankYouStatus.Sent, (await NoteAsync(noteNorth.Id)).Status);
        Assert.Equal(ThankYouStatus.Sent, (await NoteAsync(noteSouth.Id)).Status);
        Assert.True(await _app.WithDbAsync(db => db.ContactRecords.AnyAsync(c => c.MemberId == south.Id && c.Channel == ContactChannel.Post && c.Summary.Contains("会費のお礼（7,000円）"))));
        // Recording twice adds nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Http.PostAsync("/Mail/Thanks/Act?handler=Posted", new FormUrlEncodedContent(
            HtmlForms.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)listed.QuerySelector("#posted-form")!)))).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.ContactRecords.CountAsync(c => c.MemberId == south.Id && c.Channel == ContactChannel.Post)));
    }

    [Fact]
    public async Task Skipping_needs_a_reason_and_keeps_it()
    {
        var (_, note) = await PaidAsync(new MemberBuilder());
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var form = await staff.Http.GetDocumentAsync("/Mail/Thanks?channel=Email");
        var fields = HtmlForms.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)form.QuerySelector("#thanks-form")!).Where(f => f.Key != "Ids").ToList();
        fields.Add(new("Ids", note.Id.ToString()));
        await staff.Http.PostAsync("/Mail/Thanks/Act?handler=Skip", new FormUrlEncodedContent(fields));
        var page = await staff.Http.GetDocumentAsync("/Mail/Thanks?channel=Email");
        Assert.Contains("送付しない理由を入力してください", page.QuerySelector("#thanks-error")!.TextContent);
        Assert.Equal(ThankYouStatus.Pending, (await NoteAsync(note.Id)).Status);

        fields.RemoveAll(f => f.Key == "Reason");
        fields.Add(new("Reason", "ご本人から辞退の申し出"));
        await staff.Http.PostAsync("/Mail/Thanks/Act?handler=Skip", new FormUrlEncodedContent(fields));
        var skipped = await NoteAsync(note.Id);
        Assert.Equal((ThankYouStatus.Skipped, "ご本人から辞退の申し出"), (skipped.Status, skipped.Note));
    }

    [Fact]
    public async Task A_withdrawing_member_gets_a_letter_naming_their_years_and_what_they_gave()
    {
        var member = await new MemberBuilder().Named("長谷川 久子", "ハセガワ ヒサコ").JoinedOn(new DateOnly(2015, 4, 1)).CreateAsync(_app);
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var invoice = await _app.InvoiceAsync(member, year, 5_000);
            var posted = await _app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(year, 6, 1), 5_000, (invoice.Id, 5_000)));
            Assert.True(posted.Succeeded);
        }
        var gift = await _app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2025, 12, 1), 20_000));
        Assert.True(gift.Succeeded);
        var wrong = await _app.InvoiceAsync(member, 2026, 5_000);
        var undone = await _app.PostAsync(CollectionTestKit.Cash(member.Id, new DateOnly(2026, 6, 1), 5_000, (wrong.Id, 5_000)));
        Assert.True((await _app.ReverseAsync(undone.PaymentId!.Value, "取り違え")).Succeeded);

        var staff = await _app.SignInAsAsync(Roles.Staff);
        (await staff.Http.SubmitFormAsync($"/Members/Status/{member.Id}", new Dictionary<string, string>
        {
            ["Input.Status"] = "Withdrawn", ["Input.ChangedOn"] = "2026-11-20", ["Input.Reason"] = "転居のため",
        })).AssertRedirectTo($"/Members/Details/{member.Id}");

        var note = await _app.WithDbAsync(db => db.ThankYouNotes.AsNoTracking().SingleAsync(n => n.MemberId == member.Id && n.Kind == ThankYouKind.Withdrawal));
        Assert.Equal((ThankYouChannel.Letter, ThankYouStatus.Pending, 35_000L), (note.Channel, note.Status, note.Amount.Value));

        var preview = (await staff.Http.GetDocumentAsync($"/Mail/Thanks/Preview/{note.Id}")).QuerySelector("#preview-body")!.TextContent;
        Assert.Contains("2015年4月から11年間", preview);
        Assert.Contains("2026年11月20日をもって退会", preview);
        Assert.Contains("会費：2023〜2025年度（3年度分、合計15,000円）", preview);
        Assert.Contains("ご寄附：合計20,000円", preview);
        Assert.DoesNotContain("ボランティア", preview);

        var pdf = await (await staff.Http.GetAsync($"/Mail/Thanks/Letter/{note.Id}")).Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(Screenshots.Folder, "withdrawal-letter.pdf"), pdf);
        var text = Assert.Single(SamplePrints.PageTexts(pdf)).Replace(" ", "").Replace("\u3000", "");
        Assert.Contains("谷川久子", text); // PdfPig reads 長 as the radical ⻑.
        Assert.Contains("11年間", text);
        Assert.Contains("15,000円", text);

        var list = await staff.Http.GetDocumentAsync("/Mail/Thanks?channel=Letter&kind=Withdrawal");
        Assert.Contains("長谷川 久子", list.QuerySelector("#thanks-table")!.TextContent);
    }

    [Fact]
    public async Task The_withdrawal_template_is_seeded_and_edited_with_its_own_fields()
    {
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var list = await (await staff.Http.GetAsync("/Mail/Templates")).BodyAsync();
        Assert.Contains("退会のお礼状（郵送）", list);
        Assert.Contains("寄附のお礼（メール）", list);
        var id = await _app.WithDbAsync(db => db.MessageTemplates.Where(t => t.Key == ThankYouTemplates.WithdrawalLetter).Select(t => t.Id).SingleAsync());
        var url = $"/Mail/Templates/Edit/{id}";
        var page = await staff.Http.GetDocumentAsync(url);
        Assert.Contains("{{在籍期間}}", page.QuerySelector("[data-testid=fields]")!.TextContent);
        var saved = await staff.Http.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Body"] = "{{氏名}}様、{{在籍期間}}ありがとうございました。\n{{貢献の内容}}",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var member = await new MemberBuilder().Named("森 一郎", "モリ イチロウ").JoinedOn(new DateOnly(2020, 10, 1)).CreateAsync(_app);
        await staff.Http.SubmitFormAsync($"/Members/Status/{member.Id}", new Dictionary<string, string>
        {
            ["Input.Status"] = "Withdrawn", ["Input.ChangedOn"] = "2026-11-20", ["Input.Reason"] = "高齢のため",
        });
        var note = await _app.WithDbAsync(db => db.ThankYouNotes.AsNoTracking().SingleAsync(n => n.MemberId == member.Id));
        var preview = (await staff.Http.GetDocumentAsync($"/Mail/Thanks/Preview/{note.Id}")).QuerySelector("#preview-body")!.TextContent;
        Assert.Contains("森 一郎様、2020年10月から6年間ありがとうございました。", preview);
        Assert.Contains("会員として活動を見守り", preview);

        // Back to the default text for the other tests on this site.
        var original = ThankYouTemplates.Defaults.Single(d => d.Key == ThankYouTemplates.WithdrawalLetter).Body;
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Http.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Body"] = original })).StatusCode);
    }

    private async Task<DocumentJob> WaitForLettersJobAsync()
    {
        DocumentJob? job = null;
        for (var i = 0; i < 240; i++)
        {
            job = await _app.WithDbAsync(db => db.DocumentJobs.AsNoTracking().Where(j => j.Kind == "thanks-letters").OrderByDescending(j => j.Id).FirstOrDefaultAsync());
            if (job?.Status is DocumentJobStatus.Done or DocumentJobStatus.Failed) break;
            await Task.Delay(250);
        }
        Assert.True(job?.Status == DocumentJobStatus.Done, $"job {job?.Status}: {job?.Error}");
        return job!;
    }
}
