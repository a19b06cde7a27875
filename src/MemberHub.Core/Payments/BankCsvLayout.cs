namespace MemberHub.Payments;

/// <summary>
/// How to read one bank's net-banking CSV: which header names hold the date, the amounts, the payer and the
/// balance. The treasurer can save their own per bank; <see cref="BankCsvLayouts"/> has the ones DOMAIN.md lists.
/// Columns are found by their header text, so a bank adding a column at the end (メモ, ラベル) changes nothing.
/// </summary>
public sealed record BankCsvLayout
{
    /// <summary>Short stable name, part of every line's Id (e.g. "mufg").</summary>
    public required string Name { get; init; }

    /// <summary>Name shown to the treasurer (e.g. "三菱UFJ銀行").</summary>
    public required string DisplayName { get; init; }

    public required string DateColumn { get; init; }

    /// <summary>One signed column (credits positive, debits negative); or use <see cref="CreditColumn"/> and <see cref="DebitColumn"/>.</summary>
    public string? AmountColumn { get; init; }

    public string? CreditColumn { get; init; }

    public string? DebitColumn { get; init; }

    /// <summary>Where the payer's name is: the first of these columns that is not empty on a line.</summary>
    public required IReadOnlyList<string> PayerColumns { get; init; }

    public string? BalanceColumn { get; init; }

    /// <summary>A column the bank fills with its own id for the line (ゆうちょ's 入出金明細ID); then it is the natural key.</summary>
    public string? LineIdColumn { get; init; }

    /// <summary>Words the bank puts before the payer's name in a description column ("ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ").</summary>
    public IReadOnlyList<string> PayerPrefixes { get; init; } = ["ﾌﾘｺﾐ", "フリコミ", "振込", "ﾃﾞﾝｼﾝﾌﾘｺﾐ"];

    /// <summary>The header columns this layout needs; a file's header must contain all of them.</summary>
    public IEnumerable<string> RequiredColumns =>
        new[] { DateColumn, AmountColumn, CreditColumn, DebitColumn, BalanceColumn, LineIdColumn }
            .Concat(PayerColumns)
            .Where(c => c is not null)
            .Select(c => c!);
}

/// <summary>Ready mappings for the CSV layouts seen in the wild (DOMAIN.md §3).</summary>
public static class BankCsvLayouts
{
    public static readonly BankCsvLayout Mufg = new()
    {
        Name = "mufg", DisplayName = "三菱UFJ銀行",
        DateColumn = "日付", DebitColumn = "支払い金額", CreditColumn = "預かり金額",
        PayerColumns = ["摘要内容", "摘要"], BalanceColumn = "差引残高",
    };

    public static readonly BankCsvLayout Smbc = new()
    {
        Name = "smbc", DisplayName = "三井住友銀行",
        DateColumn = "年月日", DebitColumn = "お引出し", CreditColumn = "お預入れ",
        PayerColumns = ["お取り扱い内容"], BalanceColumn = "残高",
    };

    public static readonly BankCsvLayout Rakuten = new()
    {
        Name = "rakuten", DisplayName = "楽天銀行",
        DateColumn = "取引日", AmountColumn = "入出金(円)",
        PayerColumns = ["入出金内容"], BalanceColumn = "取引後残高(円)",
    };

    public static readonly BankCsvLayout Yucho = new()
    {
        Name = "yucho", DisplayName = "ゆうちょ銀行",
        DateColumn = "日付", DebitColumn = "払出し金額", CreditColumn = "預入れ金額",
        PayerColumns = ["詳細2", "詳細1"], BalanceColumn = "残高", LineIdColumn = "入出金明細ID",
    };

    public static readonly BankCsvLayout Generic = new()
    {
        Name = "generic", DisplayName = "一般的な形式",
        DateColumn = "日付", DebitColumn = "出金額", CreditColumn = "入金額",
        PayerColumns = ["摘要"], BalanceColumn = "残高",
    };

    /// <summary>Most specific first: a header matching several layouts is read with the one that uses most of its columns.</summary>
    public static IReadOnlyList<BankCsvLayout> All { get; } = [Yucho, Mufg, Smbc, Rakuten, Generic];
}
