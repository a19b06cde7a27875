namespace MemberHub.Payments;

/// <summary>Which Zengin file an account group comes from (header bytes 2–3).</summary>
public enum ZenginKind
{
    /// <summary>振込入金通知 (種別コード 01): incoming transfers only.</summary>
    TransferNotice = 1,
    /// <summary>入出金取引明細 (種別コード 03): every movement of the account.</summary>
    Statement = 3,
}

/// <summary>A whole Zengin file, read and checked: one entry per header…trailer group (one per account).</summary>
public sealed record ZenginFile(IReadOnlyList<ZenginAccount> Accounts)
{
    /// <summary>Every transaction line of every account, in file order.</summary>
    public IEnumerable<ZenginTransaction> Transactions => Accounts.SelectMany(a => a.Transactions);

    /// <summary>The lines that are candidates for matching, in file order (see <see cref="ZenginTransaction.IsMatchCandidate"/>).</summary>
    public IReadOnlyList<BankCredit> Credits =>
        Transactions.Where(t => t.IsMatchCandidate)
            .Select(t => new BankCredit(t.Id, t.BookedOn, t.Amount, t.PayerName))
            .ToList();
}

/// <summary>One account's group in the file: its header and the checked trailer figures.</summary>
public sealed record ZenginAccount(
    ZenginKind Kind,
    DateOnly? CreatedOn,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    string BankCode,
    string BankName,
    string BranchCode,
    string BranchName,
    string AccountType,
    string AccountNumber,
    string AccountName,
    long? OpeningBalance,
    long? ClosingBalance,
    IReadOnlyList<ZenginTransaction> Transactions)
{
    /// <summary>預金種目 in words (1 普通, 2 当座, 4 貯蓄, 9 その他).</summary>
    public string AccountTypeName => AccountType switch
    {
        "1" => "普通",
        "2" => "当座",
        "4" => "貯蓄",
        "9" => "その他",
        _ => AccountType,
    };
}

/// <summary>
/// One data record. Credits and debits are both listed so the import page can show the whole statement;
/// only <see cref="IsMatchCandidate"/> lines are offered to the matcher.
/// </summary>
public sealed record ZenginTransaction(
    string Id,
    int RecordNumber,
    bool IsCredit,
    string TransactionType,
    DateOnly BookedOn,
    DateOnly? ValueDate,
    long Amount,
    long OtherBankChequeAmount,
    string ReferenceNumber,
    string PayerCode,
    string PayerName,
    string RemittingBank,
    string RemittingBranch,
    string Description,
    string EdiInfo)
{
    /// <summary>
    /// 取消区分 1 in a 振込入金通知: this record withdraws an earlier notice of the same transfer
    /// (the bank took the money back, e.g. a 組戻し or an error). It is not money received.
    /// </summary>
    public bool IsCancellation { get; init; }

    /// <summary>
    /// For a cancellation: the Id the cancelled notice has (or had, when it came in an earlier file),
    /// so the import can reverse it. The bank repeats the original's 照会番号, date and amount.
    /// </summary>
    public string? CancelsId { get; init; }

    /// <summary>True when a cancellation later in the same file withdraws this notice.</summary>
    public bool IsCancelled { get; init; }

    /// <summary>取引区分 in words (入出金取引明細) or "振込" for a 振込入金通知.</summary>
    public string TransactionTypeName => TransactionType switch
    {
        "10" => "現金",
        "11" => "振込",
        "12" => "他店券入金",
        "13" => "交換",
        "14" => "振替",
        "18" => "その他",
        "19" => "訂正",
        _ => TransactionType,
    };

    /// <summary>
    /// Money received that may pay dues: a credit (入金) that is neither a cancellation, nor cancelled in
    /// this file, nor a correction (取引区分 19 訂正 puts right an earlier entry; it is no one's payment).
    /// Withdrawals and fees are never candidates.
    /// </summary>
    public bool IsMatchCandidate => IsCredit && !IsCancellation && !IsCancelled && TransactionType != "19";
}
