using MemberHub.Auditing;
using MemberHub.Payments;

namespace MemberHub.Banking;

/// <summary>
/// A column mapping for one bank's net-banking CSV, set once by the treasurer and saved by name.
/// Columns are named by their header text, so a bank adding a column changes nothing.
/// </summary>
public class BankCsvMapping : IAudited
{
    public long Id { get; set; }
    /// <summary>Shown in the list and part of every line key: lines read through the mapping are "csv-{Name}-…".</summary>
    public string Name { get; set; } = "";
    /// <summary>"auto", "utf-8" or "shift_jis".</summary>
    public string Encoding { get; set; } = "auto";
    /// <summary>Which account the lines belong to (e.g. "○○銀行 普通 1234567"); the scope of the line keys.</summary>
    public string AccountName { get; set; } = "";
    /// <summary>1-based line of the header row in the file (banks sometimes put the account first).</summary>
    public int HeaderRow { get; set; } = 1;
    public string DateColumn { get; set; } = "";
    /// <summary>One signed column; or <see cref="CreditColumn"/> and <see cref="DebitColumn"/>.</summary>
    public string? AmountColumn { get; set; }
    public string? CreditColumn { get; set; }
    public string? DebitColumn { get; set; }
    public string PayerColumn { get; set; } = "";
    /// <summary>A second column for the payer when the first is empty on a line (MUFG's 摘要).</summary>
    public string? DescriptionColumn { get; set; }
    public string? BalanceColumn { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    /// <summary>No longer offered on the import page (kept: its name is part of the keys of the lines read with it).</summary>
    public bool IsArchived { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// The columns as typed or chosen: blanks are "not used"; one signed amount column or an in/out pair, never both;
    /// a description column the same as the payer column is no second column.
    /// </summary>
    public void SetColumns(string dateColumn, string? amountColumn, string? creditColumn, string? debitColumn, string payerColumn,
        string? descriptionColumn, string? balanceColumn)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var signed = Clean(amountColumn) is not null;
        DateColumn = dateColumn.Trim();
        AmountColumn = signed ? Clean(amountColumn) : null;
        CreditColumn = signed ? null : Clean(creditColumn);
        DebitColumn = signed ? null : Clean(debitColumn);
        PayerColumn = payerColumn.Trim();
        var description = Clean(descriptionColumn);
        DescriptionColumn = description == PayerColumn ? null : description;
        BalanceColumn = Clean(balanceColumn);
    }

    public BankCsvLayout ToLayout() => new()
    {
        Name = Name,
        DisplayName = Name,
        DateColumn = DateColumn,
        AmountColumn = AmountColumn,
        CreditColumn = CreditColumn,
        DebitColumn = DebitColumn,
        PayerColumns = DescriptionColumn is null ? [PayerColumn] : [PayerColumn, DescriptionColumn],
        BalanceColumn = BalanceColumn,
    };

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
