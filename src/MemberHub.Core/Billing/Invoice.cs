using MemberHub.Auditing;
using MemberHub.Common;

namespace MemberHub.Billing;

/// <summary>
/// 会費請求書: one per member, fiscal year and member class. Never deleted: cancelled (取消) and reissued, or
/// written off (免除・貸倒). The recipient and tax details are copied at issue, so a reprint reads as the original.
/// </summary>
public class Invoice : IAudited
{
    public long Id { get; set; }

    /// <summary>"2026-00123": fiscal year and a sequence per year that never hands a number out twice.</summary>
    public string InvoiceNumber { get; set; } = "";
    public int FiscalYear { get; set; }
    public int SequenceNumber { get; set; }

    public long MemberId { get; set; }
    public long MemberClassId { get; set; }
    public long? BillingRunId { get; set; }

    public DateOnly IssuedOn { get; set; }
    public DateOnly DueOn { get; set; }

    public InvoiceStatus Status { get; set; } = InvoiceStatus.Unpaid;

    /// <summary>Sum of the lines before tax.</summary>
    public Yen Subtotal { get; set; }
    public Yen TaxAmount { get; set; }
    public Yen Total { get; set; }
    /// <summary>Allocated by payments (and reduced again by reversals); maintained with every posting.</summary>
    public Yen PaidAmount { get; set; }

    public TaxClass TaxClass { get; set; }
    /// <summary>Percent (0 or 10), as printed.</summary>
    public int TaxRate { get; set; }
    /// <summary>適格請求書発行事業者登録番号 as printed (T + 13 digits), for taxable invoices.</summary>
    public string? TaxRegistrationNumber { get; set; }

    public DeliveryChannel Delivery { get; set; }

    // The recipient as printed (宛名), copied at issue.
    public string RecipientName { get; set; } = "";
    /// <summary>担当者 of an organisation member, printed under the organisation's name.</summary>
    public string? RecipientContactName { get; set; }
    /// <summary>"様" for a person, "御中" for an organisation without a contact person.</summary>
    public string RecipientHonorific { get; set; } = "様";
    public string? RecipientPostalCode { get; set; }
    public string? RecipientAddress { get; set; }
    public string? RecipientEmail { get; set; }

    public DateOnly? CancelledOn { get; set; }
    public string? CancelReason { get; set; }
    public DateOnly? WrittenOffOn { get; set; }
    public WriteOffKind? WriteOffKind { get; set; }
    public string? WriteOffReason { get; set; }
    /// <summary>The cancelled invoice this one corrects (訂正後の請求書).</summary>
    public long? CorrectsInvoiceId { get; set; }

    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public int Version { get; set; }

    public List<InvoiceLine> Lines { get; set; } = [];

    /// <summary>What is still to be paid; nothing for cancelled or written-off invoices.</summary>
    public Yen Balance => BillingLabels.IsOpen(Status) ? Total - PaidAmount : Yen.Zero;

    /// <summary>Sets 未入金/一部入金/入金済 from the paid amount; cancelled and written-off invoices keep their status.</summary>
    public void RefreshPaymentStatus()
    {
        if (Status is InvoiceStatus.Cancelled or InvoiceStatus.WrittenOff) return;
        Status = PaidAmount.Value <= 0 ? InvoiceStatus.Unpaid
            : PaidAmount < Total ? InvoiceStatus.PartlyPaid
            : InvoiceStatus.Paid;
    }

    public static string FormatNumber(int fiscalYear, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fiscalYear}-{sequence:D5}");

    public static string SequenceName(int fiscalYear) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"invoice-{fiscalYear}");

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>明細: 会費種別 × 口数 × 単価.</summary>
public class InvoiceLine : IAudited
{
    public long Id { get; set; }
    public long InvoiceId { get; set; }
    public int LineNumber { get; set; }
    public string Description { get; set; } = "";
    public int Units { get; set; }
    public Yen UnitPrice { get; set; }
    /// <summary>Units × unit price, less any reduction for joining mid-year (explained in <see cref="Note"/>).</summary>
    public Yen Amount { get; set; }
    public int TaxRate { get; set; }
    /// <summary>e.g. "2026年10月入会のため月割り（6か月分）".</summary>
    public string? Note { get; set; }

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
