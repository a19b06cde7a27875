using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Common;

namespace MemberHub.Thanks;

public enum ThankYouKind
{
    Dues = 0,        // 会費のお礼
    Donation = 1,    // ご寄附のお礼
    Withdrawal = 2,  // 退会時のお礼
}

public enum ThankYouChannel
{
    Email = 0,   // メール
    Letter = 1,  // 郵送
}

public enum ThankYouStatus
{
    Pending = 0,   // 未送付 (waiting for staff to review and send)
    Queued = 1,    // 送信待ち (in the outbox)
    Sent = 2,      // 送付済 (mail sent, or letter printed and posted)
    Skipped = 3,   // 送付しない (decided by staff; e.g. the payment was undone)
}

/// <summary>
/// 礼状: a thank-you owed to a member, created when a dues payment or donation is confirmed or a member
/// withdraws; staff review and send them in batches (e-mail through the outbox, letters as one PDF).
/// </summary>
public class ThankYouNote : IAuditedCompactlyOnCreate, IConcernsMember
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public ThankYouKind Kind { get; set; }
    public ThankYouChannel Channel { get; set; }
    public ThankYouStatus Status { get; set; }
    /// <summary>The payment thanked for (null for a withdrawal letter).</summary>
    public long? PaymentId { get; set; }
    public Yen Amount { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public int? FiscalYear { get; set; }
    public long? OutboxMessageId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? SentByName { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

public enum ReceiptKind
{
    Payment = 0,         // 領収書
    DonationGift = 1,    // 寄附金受領証明書（1件ごと）
    DonationAnnual = 2,  // 寄附金受領証明書（年間まとめ）
}

/// <summary>A receipt issued: numbered once, kept (a reissue is marked 再発行, a voided one stays with its reason).</summary>
public class IssuedReceipt : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    public ReceiptKind Kind { get; set; }
    public long MemberId { get; set; }
    public long? PaymentId { get; set; }
    /// <summary>The calendar year of an annual donation receipt.</summary>
    public int? CalendarYear { get; set; }
    public Yen Amount { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateTime IssuedAt { get; set; }
    public string IssuedByName { get; set; } = "";
    public bool IsReissue { get; set; }
    public DateTime? VoidedAt { get; set; }
    public string? VoidReason { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}
