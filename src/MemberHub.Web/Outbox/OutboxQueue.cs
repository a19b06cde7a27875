using MemberHub.Auditing;
using MemberHub.Data;
using MemberHub.Messaging;
using MemberHub.Web.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit.Utils;

namespace MemberHub.Web.Outbox;

/// <summary>What a feature says about a mail it wants sent; the queue fills in the rest.</summary>
public sealed record OutgoingMail(
    string Category,
    long? MemberId,
    long? RelatedId,
    string ToAddress,
    string ToName,
    string Subject,
    string Body,
    string? ContactSummary = null,
    OutboxAttachmentKind AttachmentKind = OutboxAttachmentKind.None,
    long? AttachmentRefId = null,
    string? AttachmentFileName = null,
    string? ListUnsubscribeUrl = null);

/// <summary>
/// Adds outbox rows to the caller's DbContext (they are saved with the caller's change, in its transaction) with a
/// Message-ID fixed now, so a message sent again is recognisably the same mail. <see cref="NotifySender"/> after
/// the commit wakes the background sender.
/// </summary>
public sealed class OutboxQueue(MemberHubDbContext db, TimeProvider clock, IAuditActor actor, IOptionsMonitor<SmtpOptions> smtp, OutboxSignal signal)
{
    public OutboxMessage Add(OutgoingMail mail)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Category = mail.Category,
            MemberId = mail.MemberId,
            RelatedId = mail.RelatedId,
            ToAddress = mail.ToAddress.Trim(),
            ToName = mail.ToName,
            Subject = mail.Subject,
            Body = mail.Body,
            ContactSummary = mail.ContactSummary,
            AttachmentKind = mail.AttachmentKind,
            AttachmentRefId = mail.AttachmentRefId,
            AttachmentFileName = mail.AttachmentFileName,
            ListUnsubscribeUrl = mail.ListUnsubscribeUrl,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            MessageId = NewMessageId(),
            CreatedAt = now,
            CreatedByName = actor.UserName,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    public void NotifySender() => signal.Notify();

    private string NewMessageId()
    {
        var from = smtp.CurrentValue.FromAddress;
        var at = from.LastIndexOf('@');
        var domain = at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "memberhub.local";
        return MimeUtils.GenerateMessageId(domain);
    }
}
