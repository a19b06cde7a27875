using MemberHub.Common;

namespace MemberHub.Banking;

/// <summary>Where a bank line stands in reconciliation. Only the import sets <see cref="Unprocessed"/>; the reconciliation screen moves it on.</summary>
public enum BankLineStatus
{
    Unprocessed = 0,   // 未処理
    AutoApplied = 1,   // 自動消込
    Confirmed = 2,     // 確認済
    Donation = 3,      // 寄附
    OtherIncome = 4,   // その他
    ToRefund = 5,      // 返金予定
    NotApplicable = 6, // 対象外 (withdrawals, fees, corrections; or set aside by a person)
}

public static class BankLineLabels
{
    public static string Of(BankLineStatus s) => s switch
    {
        BankLineStatus.Unprocessed => "未処理",
        BankLineStatus.AutoApplied => "自動消込",
        BankLineStatus.Confirmed => "確認済",
        BankLineStatus.Donation => "寄附",
        BankLineStatus.OtherIncome => "その他",
        BankLineStatus.ToRefund => "返金予定",
        BankLineStatus.NotApplicable => "対象外",
        _ => s.ToString(),
    };

    public static string Of(BankFileFormat f) => f switch
    {
        BankFileFormat.ZenginTransferNotice => "全銀 振込入金通知",
        BankFileFormat.ZenginStatement => "全銀 入出金取引明細",
        BankFileFormat.Csv => "CSV",
        _ => f.ToString(),
    };
}

/// <summary>
/// One line of a bank statement, stored once: the same line in a later, overlapping download has the same
/// <see cref="LineKey"/> (the readers' line Id) and the database refuses it a second time (unique per account).
/// Not audited row by row: lines are written in bulk by an import, which is the audited fact.
/// </summary>
public class BankStatementLine
{
    public long Id { get; set; }

    /// <summary>The account the line belongs to: "bank-branch-type-number" from a Zengin header, or "csv:…" from the CSV mapping.</summary>
    public string AccountKey { get; set; } = "";
    public string? BankCode { get; set; }
    public string? BranchCode { get; set; }
    public string? AccountNumber { get; set; }
    /// <summary>For people: "ﾃｽﾄｷﾞﾝｺｳ 本店 普通 1234567", or the CSV mapping's account name.</summary>
    public string AccountLabel { get; set; } = "";

    /// <summary>The natural key of the line (<see cref="Payments.BankCredit.Id"/>), unique within the account.</summary>
    public string LineKey { get; set; } = "";
    /// <summary>Position of the line in the file that first brought it (record or CSV line number).</summary>
    public int LineNumber { get; set; }

    public DateOnly BookedOn { get; set; }
    public Yen Credit { get; set; }
    public Yen Debit { get; set; }
    /// <summary>振込依頼人名 exactly as the bank sent it (half-width kana, cut at 48 bytes…).</summary>
    public string PayerName { get; set; } = "";
    public string Description { get; set; } = "";
    public Yen? Balance { get; set; }
    /// <summary>取引区分 in words (振込, 現金, 振替…) or empty for CSV lines.</summary>
    public string TransactionType { get; set; } = "";
    /// <summary>Money received that may pay dues; withdrawals, fees, cancellations and corrections are not.</summary>
    public bool IsMatchCandidate { get; set; }

    public long BankImportId { get; set; }
    public BankLineStatus Status { get; set; }

    /// <summary>For a Zengin cancellation (取消) record: the <see cref="LineKey"/> of the line it cancels.</summary>
    public string? CancelsLineKey { get; set; }
    /// <summary>Who moved the line out of 未処理 and when (null for automatic postings: "自動").</summary>
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>Optimistic concurrency: two people deciding the same line at once, one wins.</summary>
    public int Version { get; set; }
}
