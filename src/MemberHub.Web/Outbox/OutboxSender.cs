using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Messaging;
using MemberHub.Thanks;
using MemberHub.Web.Documents;
using MemberHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MemberHub.Web.Outbox;

/// <summary>
/// Sends what is due in the outbox. Each message is claimed with a conditional update (待機 → 送信中 only if it
/// is still 待機), so two instances of the site, or two rounds at once, never send the same message; only the
/// one whose update changed the row sends it. After the SMTP server accepts it, the message is marked 送信済 and
/// a 対応履歴 line is added to the member in the same SaveChanges.
/// </summary>
public sealed class OutboxSender(
    MemberHubDbContext db,
    IMailSender mail,
    IServiceProvider services,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger)
{
    private OutboxOptions Options => options.Value;

    /// <summary>
    /// Messages left in 送信中 by an instance that stopped while sending (its claim has run out) are not sent
    /// again: the server may already have them. They are marked 失敗 for a person to check and resend.
    /// </summary>
    public async Task<int> FailInterruptedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, OutboxReasons.Interrupted)
                .SetProperty(m => m.Version, m => m.Version + 1), ct);
    }

    /// <summary>Sends the messages whose time has come, once each; answers how many this call sent or settled.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct = default)
    {
        // Without a mail server nothing is claimed: messages wait in 待機 and the outbox page says why.
        if (!mail.IsConfigured) return 0;
        var handled = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(Options.BatchSize)
                .ToListAsync(ct);
            if (due.Count == 0) break;
            var claimedAny = false;
            foreach (var id in due)
            {
                if (ct.IsCancellationRequested) break;
                if (!await ClaimAsync(id, ct)) continue;
                claimedAny = true;
                await SendClaimedAsync(id, ct);
                handled++;
            }
            // Everything in this batch was taken by another instance: leave the rest to it for this round.
            if (!claimedAny || due.Count < Options.BatchSize) break;
        }
        return handled;
    }

    private async Task<bool> ClaimAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddMinutes(Options.ClaimMinutes);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimedUntil, until)
                .SetProperty(m => m.Version, m => m.Version + 1), ct);
        return claimed == 1;
    }

    private async Task SendClaimedAsync(long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);

        if (message.MemberId is { } memberId
            && await db.Members.Where(m => m.Id == memberId).Select(m => (bool?)m.RefusesEmail).SingleOrDefaultAsync(ct) == true)
        {
            await SettleAsync(message, new MailFailure(true, OutboxReasons.RefusesEmail), ct);
            return;
        }
        if (!string.IsNullOrEmpty(message.ListUnsubscribeUrl) && message.MemberId is { } recipient
            && await StoppedBulkMailAsync(recipient, message.RelatedId, ct))
        {
            // Unsubscribed between the mailing being queued and this message's turn: the wish wins.
            await SettleAsync(message, new MailFailure(true, "配信停止のお申し出があったため、送信しませんでした。"), ct);
            return;
        }
        if (string.IsNullOrWhiteSpace(message.ToAddress))
        {
            await SettleAsync(message, new MailFailure(true, OutboxReasons.NoAddress), ct);
            return;
        }

        MailMessage mime;
        try
        {
            var attachments = await AttachmentsAsync(message, ct);
            mime = new MailMessage(message.ToAddress, message.ToName, message.Subject, message.Body, attachments, message.MessageId,
                message.ListUnsubscribeUrl);
        }
        catch (AttachmentException e)
        {
            await SettleAsync(message, e.Failure, ct);
            return;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Could not make the attachment of outbox message {Id}.", id);
            await SettleAsync(message, new MailFailure(false, "添付ファイルを作成できませんでした（" + e.Message + "）。時間をおいて再送します。"), ct);
            return;
        }

        try
        {
            await mail.SendAsync(mime, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var failure = MailFailure.Classify(e);
            logger.LogWarning(e, "Outbox message {Id} was not sent ({Kind}).", id, failure.Permanent ? "permanent" : "temporary");
            await SettleAsync(message, failure, ct);
            return;
        }

        await MarkSentAsync(message);
    }

    /// <summary>Bulk mail only: the member has since asked for no bulk mail, or stopped the list of the mailing (RelatedId).</summary>
    private async Task<bool> StoppedBulkMailAsync(long memberId, long? mailingId, CancellationToken ct)
    {
        if (await db.Members.AnyAsync(m => m.Id == memberId && m.NoNewsletters, ct)) return true;
        var listId = mailingId is { } id ? await db.Mailings.Where(m => m.Id == id).Select(m => m.MailingListId).SingleOrDefaultAsync(ct) : null;
        return listId is { } l && await db.MailingListOptOuts.AnyAsync(o => o.MemberId == memberId && o.MailingListId == l, ct);
    }

    /// <summary>
    /// Not cancellable: the server has the message, so recording that must not be abandoned half-way. If the row
    /// changed meanwhile (a claim that ran out and was marked 失敗), it is still set to 送信済, which is the truth.
    /// </summary>
    private async Task MarkSentAsync(OutboxMessage message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = now;
            message.ClaimedUntil = null;
            message.LastError = null;
            message.Attempts++;
            message.Version++;
            if (message.MemberId is { } memberId && attempt == 0)
            {
                db.ContactRecords.Add(new ContactRecord
                {
                    MemberId = memberId,
                    OccurredOn = JapanTime.Today(clock),
                    Channel = ContactChannel.Email,
                    StaffName = string.IsNullOrEmpty(message.CreatedByName) ? "システム" : message.CreatedByName,
                    Summary = string.IsNullOrWhiteSpace(message.ContactSummary) ? $"メール送信：{message.Subject}" : message.ContactSummary,
                    CreatedAt = now,
                });
            }
            if (attempt == 0 && message.Category == OutboxCategories.ThankYou && message.RelatedId is { } noteId)
                await MarkThankYouSentAsync(noteId, now);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException e) when (attempt == 0)
            {
                var entry = e.Entries.Single(x => x.Entity is OutboxMessage);
                var current = await entry.GetDatabaseValuesAsync(CancellationToken.None);
                if (current is null) throw;
                var attempts = current.GetValue<int>(nameof(OutboxMessage.Attempts));
                entry.OriginalValues.SetValues(current);
                entry.CurrentValues.SetValues(current);
                message.Attempts = attempts;
            }
        }
    }

    /// <summary>The thank-you note this mail carries becomes 送付済 in the same save as the message.</summary>
    private async Task MarkThankYouSentAsync(long noteId, DateTime now)
    {
        var note = await db.ThankYouNotes.SingleOrDefaultAsync(n => n.Id == noteId && n.Status == ThankYouStatus.Queued, CancellationToken.None);
        if (note is null) return;
        note.Status = ThankYouStatus.Sent;
        note.SentAt = now;
        note.Version++;
    }

    /// <summary>Temporary failures go back to 待機 with a longer wait each time, until the last attempt; permanent ones are 失敗.</summary>
    private async Task SettleAsync(OutboxMessage message, MailFailure failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.ClaimedUntil = null;
        message.Version++;
        if (failure.Permanent)
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = Trim(failure.Reason);
        }
        else if (OutboxRetry.GivesUp(message.Attempts, Options.MaxAttempts))
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = Trim($"{message.Attempts}回試みましたが送信できませんでした。最後の理由：{failure.Reason}");
        }
        else
        {
            message.Status = OutboxStatus.Pending;
            message.NextAttemptAt = now + OutboxRetry.DelayAfter(message.Attempts);
            message.LastError = Trim(failure.Reason);
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Trim(string reason) => reason.Length <= 2000 ? reason : reason[..2000];

    private async Task<IReadOnlyList<MailAttachment>> AttachmentsAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.AttachmentKind == OutboxAttachmentKind.None) return [];
        if (message.AttachmentRefId is not { } refId)
            throw new AttachmentException(new(true, "添付ファイルの元になる記録が指定されていません。"));
        var documents = services.GetService<IDuesDocuments>()
            ?? throw new AttachmentException(new(false, "PDFを作成する機能が用意されていないため、添付ファイルを作成できません。"));
        byte[] pdf;
        switch (message.AttachmentKind)
        {
            case OutboxAttachmentKind.InvoicePdf:
                var invoiceStatus = await db.Invoices.Where(i => i.Id == refId).Select(i => (InvoiceStatus?)i.Status).SingleOrDefaultAsync(ct)
                    ?? throw new AttachmentException(new(true, "添付する請求書が見つかりません。"));
                // Queued before the invoice was cancelled: a cancelled bill must not reach the member.
                if (invoiceStatus == InvoiceStatus.Cancelled)
                    throw new AttachmentException(new(true, "請求書が取り消されたため送信しませんでした。"));
                pdf = await documents.InvoicePdfAsync(refId, ct);
                break;
            case OutboxAttachmentKind.ReminderPdf:
                var remindedStatus = await db.Invoices.Where(i => i.Id == refId).Select(i => (InvoiceStatus?)i.Status).SingleOrDefaultAsync(ct)
                    ?? throw new AttachmentException(new(true, "督促状の対象の請求書が見つかりません。"));
                // Paid, cancelled or written off since the reminder was queued: no reminder any more.
                if (!BillingLabels.IsOpen(remindedStatus))
                    throw new AttachmentException(new(true, $"請求書が「{BillingLabels.Of(remindedStatus)}」になったため、督促は送信しませんでした。"));
                using (var stream = new MemoryStream())
                {
                    await documents.WriteReminderLettersAsync([refId], stream, null, ct);
                    pdf = stream.ToArray();
                }
                break;
            default:
                throw new AttachmentException(new(true, "この種類の添付ファイルはまだ作成できません。"));
        }
        var name = string.IsNullOrWhiteSpace(message.AttachmentFileName) ? "添付.pdf" : message.AttachmentFileName;
        return [new MailAttachment(name, "application/pdf", pdf)];
    }

    private sealed class AttachmentException(MailFailure failure) : Exception(failure.Reason)
    {
        public MailFailure Failure { get; } = failure;
    }
}
