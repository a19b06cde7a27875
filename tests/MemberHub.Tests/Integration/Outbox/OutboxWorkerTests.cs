using System.Net;
using MemberHub.Identity;
using MemberHub.Messaging;
using MemberHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Tests.Integration.Outbox;

/// <summary>The site as it runs in production: the background sender on.</summary>
public sealed class OutboxWorkerSite : MemberHubFactory
{
    public OutboxWorkerSite() => Settings["Outbox:PollSeconds"] = "1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
    }
}

public class OutboxWorkerTests : IClassFixture<OutboxWorkerSite>, IClassFixture<SmtpTestServer>
{
    private readonly OutboxWorkerSite _app;
    private readonly SmtpTestServer _smtp;

    public OutboxWorkerTests(OutboxWorkerSite app, SmtpTestServer smtp)
    {
        _app = app;
        _smtp = smtp;
        smtp.Configure(app.Settings);
    }

    private async Task<OutboxStatus> WaitForAsync(long id, Func<OutboxStatus, bool> done)
    {
        for (var i = 0; i < 150; i++)
        {
            var status = await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
            if (done(status)) return status;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
    }

    [Fact]
    public async Task The_background_sender_sends_queued_mail_and_settles_half_sent_mail_without_resending_it()
    {
        var member = await new MemberBuilder().CreateAsync(_app);
        var invoice = await _app.CreateInvoiceAsync(member);
        var stuckMember = await new MemberBuilder().CreateAsync(_app);
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var stuckId = await _app.WithDbAsync(async db =>
        {
            var stuck = new OutboxMessage
            {
                Category = "invoice", MemberId = stuckMember.Id, ToAddress = stuckMember.Email!, ToName = stuckMember.Name,
                Subject = "【テスト】会費のご請求", Body = "本文", Status = OutboxStatus.Sending, Attempts = 0,
                NextAttemptAt = now.AddMinutes(-20), ClaimedUntil = now.AddMinutes(-5), MessageId = $"{Guid.NewGuid():N}@example.jp",
                CreatedAt = now.AddMinutes(-20), CreatedByName = "事務局 花子",
            };
            db.OutboxMessages.Add(stuck);
            await db.SaveChangesAsync();
            return stuck.Id;
        });

        var staff = await _app.SignInAsAsync(Roles.Staff);
        var queued = await staff.Http.SubmitFormAsync($"/Dues/Invoices/Email/{invoice.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var id = await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.RelatedId == invoice.Id).Select(m => m.Id).SingleAsync());

        Assert.Equal(OutboxStatus.Sent, await WaitForAsync(id, s => s == OutboxStatus.Sent));
        Assert.Equal(OutboxStatus.Failed, await WaitForAsync(stuckId, s => s == OutboxStatus.Failed));
        Assert.Single(_smtp.To(member.Email!));
        Assert.Equal(0, _smtp.RecipientAttempts(stuckMember.Email!));
        Assert.Equal(OutboxReasons.Interrupted, await _app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == stuckId).Select(m => m.LastError).SingleAsync()));
    }
}

/// <summary>No mail server configured: mail is queued, nothing is sent, and the outbox says why.</summary>
public class OutboxWithoutSmtpTests(OutboxSqliteSite app) : IClassFixture<OutboxSqliteSite>
{
    [Fact]
    public async Task Without_smtp_messages_stay_waiting_and_the_outbox_says_so()
    {
        var member = await new MemberBuilder().CreateAsync(app);
        var invoice = await app.CreateInvoiceAsync(member);
        var staff = await app.SignInAsAsync(Roles.Staff);
        var confirm = await staff.Http.GetDocumentAsync($"/Dues/Invoices/Email/{invoice.Id}");
        Assert.Contains("メールサーバー（SMTP）が設定されていない", confirm.Body!.TextContent);
        var queued = await staff.Http.SubmitFormAsync($"/Dues/Invoices/Email/{invoice.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);

        Assert.Equal(0, await app.ProcessOutboxAsync());
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await app.ProcessOutboxAsync());
        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RelatedId == invoice.Id));
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(0, message.Attempts);

        var treasurer = await app.SignInAsAsync(Roles.Treasurer);
        var outbox = await treasurer.Http.GetDocumentAsync("/Mail");
        Assert.Equal("メールサーバー（SMTP）が設定されていないため、メールは送信されず待機しています。",
            outbox.QuerySelector("[data-testid=smtp-banner]")!.TextContent.Trim());
        var row = outbox.QuerySelector($"tr[data-id='{message.Id}']")!;
        Assert.Contains("待機", row.TextContent);
        Assert.Contains(member.Email!, row.TextContent);
        // The treasurer may look, but retry and cancel are for staff who send mail.
        Assert.Null(row.QuerySelector("form"));
        Assert.Equal("1", outbox.QuerySelector("a[data-status=Pending] .badge")!.TextContent.Trim());
    }
}
