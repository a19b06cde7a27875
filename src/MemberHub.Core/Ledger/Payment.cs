using MemberHub.Auditing;
using MemberHub.Common;

namespace MemberHub.Ledger;

public enum PaymentMethod
{
    BankTransfer = 0,  // 振込
    Cash = 1,          // 現金
    Other = 2,         // その他
}

/// <summary>What (part of) a payment is for.</summary>
public enum AllocationKind
{
    Dues = 0,         // 会費（請求書へ充当）
    Donation = 1,     // 寄附
    OtherIncome = 2,  // その他収入
    ToRefund = 3,     // 返金予定
}

/// <summary>
/// 入金: money received, from the bank or at the office. Never deleted or changed in amount: a mistake is
/// undone by a reversal, a second payment row with the negative amount that points at the first
/// (<see cref="ReversesPaymentId"/>) and negative allocations, so the ledger always adds up.
/// </summary>
public class Payment : IAuditedCompactlyOnCreate, IConcernsMember
{
    public long Id { get; set; }
    /// <summary>Null while money is not yet attributed to anyone (e.g. a refund case of an unknown payer).</summary>
    public long? MemberId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public Yen Amount { get; set; }
    public PaymentMethod Method { get; set; }
    /// <summary>振込依頼人名 as the bank sent it, or the name written on the cash receipt.</summary>
    public string? PayerName { get; set; }
    /// <summary>The bank statement line this came from (reconciliation); null for cash and manual entries.</summary>
    public long? BankLineId { get; set; }
    public string? Note { get; set; }
    /// <summary>
    /// The form submission that recorded this payment (a random key the form carries): unique, so pressing the
    /// button twice, or resubmitting after Back, records the money once.
    /// </summary>
    public string? SubmissionKey { get; set; }

    /// <summary>Set on the reversal row: the payment it undoes.</summary>
    public long? ReversesPaymentId { get; set; }
    /// <summary>Set on the original once it has been reversed.</summary>
    public long? ReversedByPaymentId { get; set; }
    public string? ReversalReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    public List<PaymentAllocation> Allocations { get; set; } = [];

    public bool IsReversed => ReversedByPaymentId is not null;

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How one payment is used: towards an invoice (<see cref="InvoiceId"/>), as a donation, other income or to refund.</summary>
public class PaymentAllocation : IAuditedCompactlyOnCreate, IConcernsMember
{
    public long Id { get; set; }
    public long PaymentId { get; set; }
    public AllocationKind Kind { get; set; }
    public long? InvoiceId { get; set; }
    /// <summary>The member the money counts for (a household transfer allocates to two members).</summary>
    public long? MemberId { get; set; }
    /// <summary>Negative on a reversal.</summary>
    public Yen Amount { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public static class LedgerLabels
{
    public static string Of(PaymentMethod m) => m switch
    {
        PaymentMethod.Cash => "現金",
        PaymentMethod.Other => "その他",
        _ => "振込",
    };

    public static string Of(AllocationKind k) => k switch
    {
        AllocationKind.Donation => "寄附",
        AllocationKind.OtherIncome => "その他収入",
        AllocationKind.ToRefund => "返金予定",
        _ => "会費",
    };
}
