namespace MemberHub.Messaging;

public enum OutboxStatus
{
    Pending = 0,  // 待機
    Sending = 1,  // 送信中
    Sent = 2,     // 送信済
    Failed = 3,   // 失敗
}

/// <summary>What an attachment is made from when the message is sent (rendered then, not stored).</summary>
public enum OutboxAttachmentKind
{
    None = 0,
    InvoicePdf = 1,    // the invoice AttachmentRefId as PDF
    ReminderPdf = 2,   // a reminder letter for invoice AttachmentRefId
    ReceiptPdf = 3,    // a receipt for payment AttachmentRefId
}

/// <summary>
/// An e-mail waiting to be sent, or sent. Features add rows in the same SaveChanges as the change that
/// causes the mail (an invoice issued, a reminder recorded), so a mail is queued exactly when the change is
/// saved. The background sender claims a row (Pending → Sending), sends it, marks it Sent and records a
/// ContactRecord on the member. A row found in Sending after a crash is not sent again automatically
/// (the server may already have it): it is marked Failed with that reason for a person to decide.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>"invoice", "reminder", "thanks", "volunteer-invitation", "newsletter" …: for lists and filters.</summary>
    public string Category { get; set; } = "";
    public long? MemberId { get; set; }
    /// <summary>The invoice, request or other record this message is about (meaning depends on Category).</summary>
    public long? RelatedId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public OutboxAttachmentKind AttachmentKind { get; set; }
    public long? AttachmentRefId { get; set; }
    public string? AttachmentFileName { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    /// <summary>UTC; the sender takes Pending rows whose time has come (back-off after temporary failures).</summary>
    public DateTime NextAttemptAt { get; set; }
    /// <summary>UTC; while Sending, the claim holds until then.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>The Message-ID header, fixed when queued.</summary>
    public string MessageId { get; set; } = "";
    /// <summary>Summary for the member's contact history once sent, e.g. "2026年度会費請求書（2026-00123）をメールで送付".</summary>
    public string? ContactSummary { get; set; }
    /// <summary>
    /// Bulk mail (newsletters) only: the signed one-click unsubscribe address sent as List-Unsubscribe with
    /// List-Unsubscribe-Post (RFC 8058), so mail programs can offer "配信停止" without opening the message.
    /// </summary>
    public string? ListUnsubscribeUrl { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public int Version { get; set; }
}
