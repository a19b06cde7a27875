using MemberHub.Auditing;
using MemberHub.Common;

namespace MemberHub.Billing;

/// <summary>請求作成: one confirmed billing run; its invoices point back at it.</summary>
public class BillingRun : IAudited
{
    public long Id { get; set; }
    public int FiscalYear { get; set; }
    /// <summary>The member classes chosen, comma-separated ids; empty for all classes.</summary>
    public string MemberClassIds { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public int InvoiceCount { get; set; }
    public Yen Total { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>督促: one reminder about one invoice.</summary>
public class DuesReminder : IAudited
{
    public long Id { get; set; }
    public long InvoiceId { get; set; }
    public long MemberId { get; set; }
    public DateOnly SentOn { get; set; }
    public DeliveryChannel Channel { get; set; }
    /// <summary>1 for the first reminder about this invoice, 2 for the second …</summary>
    public int Sequence { get; set; }
    public long? OutboxMessageId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>振込先: an account members pay into, printed on invoices.</summary>
public class BankAccount : IAudited
{
    public long Id { get; set; }
    public string BankName { get; set; } = "";
    public string? BankCode { get; set; }
    public string BranchName { get; set; } = "";
    public string? BranchCode { get; set; }
    public BankAccountType AccountType { get; set; }
    public string AccountNumber { get; set; } = "";
    /// <summary>口座名義 in katakana, as the bank shows it to the payer.</summary>
    public string AccountHolderKana { get; set; } = "";
    public bool PrintOnInvoice { get; set; } = true;
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    /// <summary>"ゆうちょ銀行 〇一八支店 普通 1234567 トクヒ）サンプル".</summary>
    public string Display =>
        $"{BankName} {BranchName} {BillingLabels.Of(AccountType)} {AccountNumber} {AccountHolderKana}";

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
