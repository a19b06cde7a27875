using System.Net;
using MemberHub.Billing;
using MemberHub.Identity;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Tests.Support;
using MemberHub.Web.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MemberHub.Tests.Integration.Outbox;

/// <summary>
/// Invoice e-mails through the outbox, with a real SMTP conversation (<see cref="SmtpTestServer"/>): queued from the
/// run page or one invoice, sent once, retried after temporary failures, failed with a reason after permanent
/// ones, never to members who refuse e-mail, and recorded on the member.
/// </summary>
public abstract class OutboxTests
{
    private readonly MemberHubFactory _app;
    private readonly SmtpTestServer _smtp;

    protected OutboxTests(MemberHubFactory app, SmtpTestServer smtp)
    {
        _app = app;
        _smtp = smtp;
        smtp.Configure(app.Settings);
    }

    private DateTime Now => _app.Clock.GetUtcNow().UtcDateTime;

    private Task<List<OutboxMessage>> MessagesForAsync(long memberId) =>
        _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.MemberId == memberId).OrderBy(m => m.Id).ToListAsync());

    private async Task<OutboxMessage> QueueOneAsync(Member member, Invoice invoice)
    {
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var response = await staff.Http.SubmitFormAsync($"/Dues/Invoices/Email/{invoice.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(await MessagesForAsync(member.Id));
    }

    [Fact]
    public async Task A_run_s_invoices_are_e_mailed_with_the_pdf_attached_and_recorded_on_the_member()
    {
        _app.SkipIfUnavailable();
        var run = await _app.CreateRunAsync();
        var ok = await new MemberBuilder().Named("佐藤 花子", "サトウ ハナコ").CreateAsync(_app);
        var refuses = await new MemberBuilder().Named("鈴木 一郎", "スズキ イチロウ").CreateAsync(_app);
        await _app.WithDbAsync(db => db.Members.Where(m => m.Id == refuses.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.RefusesEmail, true)));
        var noAddress = await new MemberBuilder().WithEmail(null!).CreateAsync(_app);
        var byPost = await new MemberBuilder().CreateAsync(_app);
        var cancelled = await new MemberBuilder().CreateAsync(_app);
        var invoice = await _app.CreateInvoiceAsync(ok, run.Id);
        await _app.CreateInvoiceAsync(refuses, run.Id);
        await _app.CreateInvoiceAsync(noAddress, run.Id);
        await _app.CreateInvoiceAsync(byPost, run.Id, DeliveryChannel.Post);
        await _app.CreateInvoiceAsync(cancelled, run.Id, status: InvoiceStatus.Cancelled);

        var staff = await _app.SignInAsAsync(Roles.Staff);
        var page = await staff.Http.GetDocumentAsync($"/Dues/Runs/Email/{run.Id}");
        Assert.Equal("5件", page.QuerySelector("[data-testid=invoice-count]")!.TextContent.Trim());
        Assert.Equal("1件", page.QuerySelector("[data-testid=to-send]")!.TextContent.Trim());
        Assert.Equal("4件", page.QuerySelector("[data-testid=left-out]")!.TextContent.Trim());
        var text = page.Body!.TextContent;
        Assert.Contains("メールの受け取りを希望していない（メール拒否）", text);
        Assert.Contains("メールアドレスの登録がない", text);
        Assert.Contains("郵送で届ける請求書", text);
        Assert.Contains("取消済みの請求書", text);

        var queued = await staff.Http.SubmitFormAsync($"/Dues/Runs/Email/{run.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var message = Assert.Single(await MessagesForAsync(ok.Id));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal("invoice", message.Category);
        Assert.Equal(invoice.Id, message.RelatedId);
        Assert.Equal(OutboxAttachmentKind.InvoicePdf, message.AttachmentKind);
        Assert.Equal($"会費請求書_{invoice.InvoiceNumber}.pdf", message.AttachmentFileName);
        Assert.Equal($"2026年度会費請求書（{invoice.InvoiceNumber}）をメールで送付", message.ContactSummary);
        Assert.Empty(await MessagesForAsync(refuses.Id));

        // Pressing the button again queues nothing: the invoice already has its mail.
        var again = await staff.Http.GetDocumentAsync($"/Dues/Runs/Email/{run.Id}");
        Assert.Equal("0件", again.QuerySelector("[data-testid=to-send]")!.TextContent.Trim());
        Assert.Contains("すでにメールを送信済み・送信待ち", again.Body!.TextContent);
        Assert.Single(await MessagesForAsync(ok.Id));

        Assert.Equal(1, await _app.ProcessOutboxAsync());

        var mail = Assert.Single(_smtp.To(ok.Email!));
        Assert.Equal("2026年度 会費のご請求", mail.Subject![(mail.Subject!.IndexOf('】') + 1)..]);
        Assert.Contains("佐藤 花子 様", mail.TextBody);
        Assert.Contains(invoice.InvoiceNumber, mail.TextBody);
        Assert.Contains("5,000円", mail.TextBody);
        Assert.Equal(message.MessageId, mail.MessageId);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal($"会費請求書_{invoice.InvoiceNumber}.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using (var content = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(content);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(content.ToArray()));
            var pdfText = string.Concat(MemberHub.Tests.Unit.Documents.SamplePrints.PageTexts(content.ToArray()));
            Assert.Contains(invoice.InvoiceNumber, pdfText);
            Assert.Contains("会費ご請求書", pdfText);
        }
        Assert.Empty(_smtp.To(refuses.Email!));
        Assert.Empty(_smtp.To(byPost.Email!));

        var sent = Assert.Single(await MessagesForAsync(ok.Id));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(Now, sent.SentAt);
        Assert.Equal(1, sent.Attempts);
        var contact = await _app.WithDbAsync(db => db.ContactRecords.AsNoTracking().SingleAsync(c => c.MemberId == ok.Id));
        Assert.Equal(ContactChannel.Email, contact.Channel);
        Assert.Equal(new DateOnly(2026, 11, 23), contact.OccurredOn);

        var office = await _app.SignInAsAsync(Roles.Treasurer);
        var details = await (await office.Http.GetAsync($"/Members/Details/{ok.Id}")).BodyAsync();
        Assert.Contains($"2026年度会費請求書（{invoice.InvoiceNumber}）をメールで送付", details);

        var outbox = await office.Http.GetDocumentAsync("/Mail?status=Sent");
        var row = outbox.QuerySelector($"tr[data-id='{message.Id}']")!;
        Assert.Contains("送信済", row.TextContent);
        Assert.Contains(ok.Email!, row.TextContent);
        Assert.Null(outbox.QuerySelector("[data-testid=smtp-banner]"));
    }

    [Fact]
    public async Task A_reminder_queued_by_another_feature_goes_out_with_its_letter_attached()
    {
        _app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("伊藤 誠", "イトウ マコト").CreateAsync(_app);
        var invoice = await _app.CreateInvoiceAsync(member);
        await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<MemberHub.Data.MemberHubDbContext>();
            var queue = sp.GetRequiredService<OutboxQueue>();
            queue.Add(new OutgoingMail(OutboxCategories.Reminder, member.Id, invoice.Id, member.Email!, member.Name,
                "【督促】2026年度 会費お支払いのお願い", "伊藤 誠 様\nお支払いをお願いいたします。",
                ContactSummary: $"2026年度会費の督促（{invoice.InvoiceNumber}）をメールで送付",
                AttachmentKind: OutboxAttachmentKind.ReminderPdf, AttachmentRefId: invoice.Id,
                AttachmentFileName: $"会費お支払いのお願い_{invoice.InvoiceNumber}.pdf"));
            await db.SaveChangesAsync();
            return 0;
        });

        await _app.ProcessOutboxAsync();

        var mail = Assert.Single(_smtp.To(member.Email!));
        Assert.Equal("【督促】2026年度 会費お支払いのお願い", mail.Subject);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal($"会費お支払いのお願い_{invoice.InvoiceNumber}.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var letter = string.Concat(MemberHub.Tests.Unit.Documents.SamplePrints.PageTexts(content.ToArray()));
        Assert.Contains(invoice.InvoiceNumber, letter);
        Assert.Contains("伊藤", letter);
        var contact = await _app.WithDbAsync(db => db.ContactRecords.AsNoTracking().SingleAsync(c => c.MemberId == member.Id));
        Assert.Equal($"2026年度会費の督促（{invoice.InvoiceNumber}）をメールで送付", contact.Summary);
    }

    [Fact]
    public async Task An_invoice_cancelled_or_a_reminder_settled_after_queueing_is_not_sent()
    {
        _app.SkipIfUnavailable();
        var member = await new MemberBuilder().Named("森 さくら", "モリ サクラ").CreateAsync(_app);
        var cancelled = await _app.CreateInvoiceAsync(member);
        var other = await new MemberBuilder().Named("森 大輔", "モリ ダイスケ").CreateAsync(_app);
        var paid = await _app.CreateInvoiceAsync(other);
        var ids = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<MemberHub.Data.MemberHubDbContext>();
            var queue = sp.GetRequiredService<OutboxQueue>();
            var bill = queue.Add(new OutgoingMail(OutboxCategories.Invoice, member.Id, cancelled.Id, member.Email!, member.Name,
                "2026年度 会費のご請求", "本文", AttachmentKind: OutboxAttachmentKind.InvoicePdf, AttachmentRefId: cancelled.Id,
                AttachmentFileName: "会費請求書.pdf"));
            var reminder = queue.Add(new OutgoingMail(OutboxCategories.Reminder, other.Id, paid.Id, other.Email!, other.Name,
                "会費お支払いのお願い", "本文", AttachmentKind: OutboxAttachmentKind.ReminderPdf, AttachmentRefId: paid.Id,
                AttachmentFileName: "督促状.pdf"));
            await db.SaveChangesAsync();
            await db.Invoices.Where(i => i.Id == cancelled.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.Cancelled));
            await db.Invoices.Where(i => i.Id == paid.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvoiceStatus.Paid));
            return (bill.Id, reminder.Id);
        });

        await _app.ProcessOutboxAsync();

        Assert.Empty(_smtp.To(member.Email!));
        Assert.Empty(_smtp.To(other.Email!));
        var rows = await _app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id == ids.Item1 || m.Id == ids.Item2).ToListAsync());
        Assert.All(rows, m => Assert.Equal(OutboxStatus.Failed, m.Status));
        Assert.Contains("取り消された", rows.Single(m => m.Id == ids.Item1).LastError);
        Assert.Contains("入金済", rows.Single(m => m.Id == ids.Item2).LastError);
    }

    [Fact]
    public async Task Processing_twice_at_the_same_time_sends_each_message_once()
    {
        _app.SkipIfUnavailable();
        var members = new List<Member>();
        for (var i = 0; i < 4; i++)
        {
            var member = await new MemberBuilder().CreateAsync(_app);
            members.Add(member);
            await QueueOneAsync(member, await _app.CreateInvoiceAsync(member));
        }

        await Task.WhenAll(_app.ProcessOutboxAsync(), _app.ProcessOutboxAsync(), _app.ProcessOutboxAsync());
        await _app.ProcessOutboxAsync();

        foreach (var member in members)
        {
            Assert.Single(_smtp.To(member.Email!));
            var message = Assert.Single(await MessagesForAsync(member.Id));
            Assert.Equal(OutboxStatus.Sent, message.Status);
            Assert.Equal(1, message.Attempts);
            Assert.Equal(1, await _app.WithDbAsync(db => db.ContactRecords.CountAsync(c => c.MemberId == member.Id)));
        }
    }

    [Fact]
    public async Task A_temporary_failure_is_retried_later_with_a_longer_wait_each_time()
    {
        _app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(_app);
        var queued = await QueueOneAsync(member, await _app.CreateInvoiceAsync(member));
        _smtp.ReplyToRecipient(member.Email!, "451 4.3.0 Mailbox temporarily unavailable");

        await _app.ProcessOutboxAsync();
        var first = Assert.Single(await MessagesForAsync(member.Id));
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(Now.AddMinutes(1), first.NextAttemptAt);
        Assert.Contains("一時的に受け付けませんでした", first.LastError);
        Assert.Contains("451", first.LastError);

        // Not before its time.
        await _app.ProcessOutboxAsync();
        Assert.Equal(1, _smtp.RecipientAttempts(member.Email!));

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        _smtp.ReplyToRecipient(member.Email!, SmtpTestServer.DropConnection);
        await _app.ProcessOutboxAsync();
        var second = Assert.Single(await MessagesForAsync(member.Id));
        Assert.Equal(OutboxStatus.Pending, second.Status);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(Now.AddMinutes(5), second.NextAttemptAt);
        Assert.Contains("通信が途中で切れました", second.LastError);
        Assert.Empty(_smtp.To(member.Email!));

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        _smtp.ReplyToRecipient(member.Email!, null);
        await _app.ProcessOutboxAsync();
        var sent = Assert.Single(await MessagesForAsync(member.Id));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);
        var mail = Assert.Single(_smtp.To(member.Email!));
        Assert.Equal(queued.MessageId, mail.MessageId);
    }

    [Fact]
    public async Task A_temporary_failure_on_the_last_attempt_marks_the_message_failed()
    {
        _app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(_app);
        await QueueOneAsync(member, await _app.CreateInvoiceAsync(member));
        await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.MemberId == member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxRetry.DefaultMaxAttempts - 1)));
        _smtp.ReplyToRecipient(member.Email!, "452 4.2.2 Mailbox full");

        await _app.ProcessOutboxAsync();
        var failed = Assert.Single(await MessagesForAsync(member.Id));
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(OutboxRetry.DefaultMaxAttempts, failed.Attempts);
        Assert.StartsWith($"{OutboxRetry.DefaultMaxAttempts}回試みましたが送信できませんでした。", failed.LastError);
        Assert.Contains("452", failed.LastError);
        _smtp.ReplyToRecipient(member.Email!, null);
    }

    [Fact]
    public async Task A_permanent_failure_is_marked_failed_with_the_reason_and_can_be_retried()
    {
        _app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(_app);
        await QueueOneAsync(member, await _app.CreateInvoiceAsync(member));
        _smtp.ReplyToRecipient(member.Email!, "550 5.1.1 User unknown");

        await _app.ProcessOutboxAsync();
        var failed = Assert.Single(await MessagesForAsync(member.Id));
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains($"宛先のメールアドレス（{member.Email}）がメールサーバーに受け付けられませんでした", failed.LastError);
        Assert.Contains("550", failed.LastError);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _app.ProcessOutboxAsync();
        Assert.Equal(1, _smtp.RecipientAttempts(member.Email!));

        var treasurer = await _app.SignInAsAsync(Roles.Treasurer);
        var list = await treasurer.Http.GetDocumentAsync("/Mail?status=Failed");
        var row = list.QuerySelector($"tr[data-id='{failed.Id}']")!;
        Assert.Contains("失敗", row.TextContent);
        Assert.Contains("宛先のメールアドレス", row.TextContent);
        Assert.Null(row.QuerySelector("form"));

        // The address was right after all (the server had a problem): staff retry it.
        _smtp.ReplyToRecipient(member.Email!, null);
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var retried = await staff.Http.SubmitFormAsync($"/Mail/Details/{failed.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await MessagesForAsync(member.Id)).Status);
        await _app.ProcessOutboxAsync();
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await MessagesForAsync(member.Id)).Status);
        Assert.Single(_smtp.To(member.Email!));
    }

    [Fact]
    public async Task A_member_who_refuses_e_mail_is_never_e_mailed_at_queue_time_or_at_send_time()
    {
        _app.SkipIfUnavailable();
        var refuses = await new MemberBuilder().CreateAsync(_app);
        await _app.WithDbAsync(db => db.Members.Where(m => m.Id == refuses.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.RefusesEmail, true)));
        var invoice = await _app.CreateInvoiceAsync(refuses);
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var page = await staff.Http.GetDocumentAsync($"/Dues/Invoices/Email/{invoice.Id}");
        Assert.Contains("メールの受け取りを希望していない", page.QuerySelector("[data-testid=refusal]")!.TextContent);
        var doc = await staff.Http.GetDocumentAsync($"/Members/Details/{refuses.Id}");
        var forced = await staff.Http.PostAsync($"/Dues/Invoices/Email/{invoice.Id}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", doc.AntiforgeryToken()), new("Resend", "true")]));
        Assert.Contains("メールの受け取りを希望していない", await forced.BodyAsync());
        Assert.Empty(await MessagesForAsync(refuses.Id));

        // Queued while the member still accepted e-mail, then they asked for no more: the sender checks again.
        var changed = await new MemberBuilder().CreateAsync(_app);
        await QueueOneAsync(changed, await _app.CreateInvoiceAsync(changed));
        await _app.WithDbAsync(db => db.Members.Where(m => m.Id == changed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.RefusesEmail, true)));
        await _app.ProcessOutboxAsync();
        var message = Assert.Single(await MessagesForAsync(changed.Id));
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(OutboxReasons.RefusesEmail, message.LastError);
        Assert.Equal(0, _smtp.RecipientAttempts(changed.Email!));
        Assert.Empty(_smtp.To(refuses.Email!));
    }

    [Fact]
    public async Task A_message_left_sending_by_a_stopped_instance_is_marked_failed_and_not_sent_again()
    {
        _app.SkipIfUnavailable();
        var stuck = await new MemberBuilder().CreateAsync(_app);
        var busy = await new MemberBuilder().CreateAsync(_app);
        await QueueOneAsync(stuck, await _app.CreateInvoiceAsync(stuck));
        await QueueOneAsync(busy, await _app.CreateInvoiceAsync(busy));
        await _app.WithDbAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.MemberId == stuck.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedUntil, Now.AddMinutes(-1)));
            // Another instance is sending this one right now: its claim still holds.
            await db.OutboxMessages.Where(m => m.MemberId == busy.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedUntil, Now.AddMinutes(10)));
        });

        var settled = await _app.WithServicesAsync(sp => sp.GetRequiredService<OutboxSender>().FailInterruptedAsync());
        await _app.ProcessOutboxAsync();

        Assert.True(settled >= 1);
        var message = Assert.Single(await MessagesForAsync(stuck.Id));
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal("送信処理の途中で停止しました。受信者に届いているか確認のうえ、必要なら再送してください。", message.LastError);
        Assert.Equal(OutboxStatus.Sending, Assert.Single(await MessagesForAsync(busy.Id)).Status);
        Assert.Equal(0, _smtp.RecipientAttempts(stuck.Email!));
        Assert.Equal(0, _smtp.RecipientAttempts(busy.Email!));
    }

    [Fact]
    public async Task A_waiting_message_can_be_cancelled_and_is_then_never_sent()
    {
        _app.SkipIfUnavailable();
        var member = await new MemberBuilder().CreateAsync(_app);
        var message = await QueueOneAsync(member, await _app.CreateInvoiceAsync(member));
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var details = await staff.Http.GetDocumentAsync($"/Mail/Details/{message.Id}");
        Assert.Equal("待機", details.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        var cancelled = await staff.Http.SubmitFormAsync(details, $"/Mail/Details/{message.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await _app.ProcessOutboxAsync();

        var after = Assert.Single(await MessagesForAsync(member.Id));
        Assert.Equal(OutboxStatus.Failed, after.Status);
        Assert.Equal("取り消し", after.LastError);
        Assert.Equal(0, _smtp.RecipientAttempts(member.Email!));

        // The invoice page now asks for the 再送 confirmation before queueing it again.
        var invoiceId = after.RelatedId!.Value;
        var refused = await staff.Http.SubmitFormAsync($"/Dues/Invoices/Email/{invoiceId}", new Dictionary<string, string>());
        Assert.Contains("再送する", await refused.BodyAsync());
        Assert.Single(await MessagesForAsync(member.Id));
        var resent = await staff.Http.SubmitFormAsync($"/Dues/Invoices/Email/{invoiceId}", new Dictionary<string, string> { ["Resend"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var both = await MessagesForAsync(member.Id);
        Assert.Equal(2, both.Count);
        Assert.EndsWith("をメールで再送", both[1].ContactSummary);
        await _app.ProcessOutboxAsync();
        Assert.Single(_smtp.To(member.Email!));
    }

    [Fact]
    public async Task Templates_reject_unknown_merge_fields_preview_an_invoice_and_refuse_stale_saves()
    {
        _app.SkipIfUnavailable();
        var staff = await _app.SignInAsAsync(Roles.Staff);
        var id = await _app.WithDbAsync(db => db.MessageTemplates.Where(t => t.Key == TemplateKeys.ThankYouLetter).Select(t => t.Id).SingleAsync());
        var url = $"/Mail/Templates/Edit/{id}";

        var page = await staff.Http.GetDocumentAsync(url);
        Assert.Contains("{{振込先}}", page.QuerySelector("[data-testid=fields]")!.TextContent);
        var typo = await staff.Http.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Body"] = "{{指名}} 様\n{{年度}}年度の会費{{金額}}をありがとうございました。{{ご住所}}" });
        var typoText = await typo.BodyAsync();
        Assert.Contains("本文に使えない差し込み項目があります：{{指名}}、{{ご住所}}。", typoText);

        var member = await new MemberBuilder().Named("高橋 恵子", "タカハシ ケイコ").CreateAsync(_app);
        var invoice = await _app.CreateInvoiceAsync(member);
        var fields = HtmlForms.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!);
        fields.RemoveAll(f => f.Key is "Input.PreviewInvoiceNumber" or "Input.Body");
        fields.Add(new("Input.PreviewInvoiceNumber", invoice.InvoiceNumber));
        fields.Add(new("Input.Body", "{{氏名}} 様\n{{年度}}年度の会費{{金額}}をありがとうございました。"));
        var preview = HtmlForms.Parse(await (await staff.Http.PostAsync(url + "?handler=Preview", new FormUrlEncodedContent(fields))).BodyAsync());
        Assert.Contains("高橋 恵子", preview.QuerySelector("[data-testid=preview-body]")!.TextContent);
        Assert.Contains("2026年度の会費5,000円をありがとうございました。", preview.QuerySelector("[data-testid=preview-body]")!.TextContent);
        Assert.Contains($"請求書 {invoice.InvoiceNumber} の内容", preview.QuerySelector("[data-testid=preview]")!.TextContent);

        var saved = await staff.Http.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Subject"] = "会費ご入金のお礼（{{年度}}年度）" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("会費ご入金のお礼（{{年度}}年度）", await _app.WithDbAsync(db => db.MessageTemplates.Where(t => t.Id == id).Select(t => t.Subject).SingleAsync()));

        // Someone else saved after this page was opened.
        var stale = await staff.Http.SubmitFormAsync(page, url, new Dictionary<string, string> { ["Input.Subject"] = "古い画面からの保存" });
        Assert.Contains("他の方が更新しました", await stale.BodyAsync());
        Assert.Equal("会費ご入金のお礼（{{年度}}年度）", await _app.WithDbAsync(db => db.MessageTemplates.Where(t => t.Id == id).Select(t => t.Subject).SingleAsync()));

        var treasurer = await _app.SignInAsAsync(Roles.Treasurer);
        var list = await (await treasurer.Http.GetAsync("/Mail/Templates")).BodyAsync();
        Assert.Contains("会費ご入金のお礼（{{年度}}年度）", list);
        Assert.Equal(HttpStatusCode.Forbidden, (await treasurer.Http.GetAsync(url)).StatusCode);
    }
}

public class OutboxSqliteTests(OutboxSqliteSite app, SmtpTestServer smtp)
    : OutboxTests(app, smtp), IClassFixture<OutboxSqliteSite>, IClassFixture<SmtpTestServer>;

public class OutboxPostgresTests(OutboxPostgresSite app, SmtpTestServer smtp)
    : OutboxTests(app, smtp), IClassFixture<OutboxPostgresSite>, IClassFixture<SmtpTestServer>;
