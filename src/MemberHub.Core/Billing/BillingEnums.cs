namespace MemberHub.Billing;

/// <summary>消費税の扱い per member class. Ordinary 会費 has no consideration and is 不課税.</summary>
public enum TaxClass
{
    NonTaxable = 0,   // 不課税
    Taxable10 = 1,    // 課税 10%
}

/// <summary>How a member who joins during the fiscal year is billed for that year.</summary>
public enum JoinRule
{
    FullYear = 0,          // 年額（入会月にかかわらず全額）
    HalfAfterMonth = 1,    // 指定月以降の入会は半額
    MonthlyProration = 2,  // 月割り
}

public enum InvoiceStatus
{
    Unpaid = 0,      // 未入金
    PartlyPaid = 1,  // 一部入金
    Paid = 2,        // 入金済
    Cancelled = 3,   // 取消
    WrittenOff = 4,  // 免除・貸倒
}

public enum WriteOffKind
{
    Exempted = 0,   // 免除
    BadDebt = 1,    // 貸倒
}

/// <summary>How an invoice or letter reaches the member.</summary>
public enum DeliveryChannel
{
    Email = 0,  // メール
    Post = 1,   // 郵送
}

public enum BankAccountType
{
    Ordinary = 0,  // 普通
    Current = 1,   // 当座
    Savings = 2,   // 貯蓄
}

public static class BillingLabels
{
    public static string Of(TaxClass t) => t == TaxClass.Taxable10 ? "課税（10%）" : "不課税";

    public static string Of(JoinRule r) => r switch
    {
        JoinRule.HalfAfterMonth => "指定月以降の入会は半額",
        JoinRule.MonthlyProration => "月割り",
        _ => "年額（全額）",
    };

    public static string Of(InvoiceStatus s) => s switch
    {
        InvoiceStatus.Unpaid => "未入金",
        InvoiceStatus.PartlyPaid => "一部入金",
        InvoiceStatus.Paid => "入金済",
        InvoiceStatus.Cancelled => "取消",
        InvoiceStatus.WrittenOff => "免除",
        _ => s.ToString(),
    };

    public static string Of(WriteOffKind k) => k == WriteOffKind.BadDebt ? "貸倒" : "免除";

    public static string Of(DeliveryChannel c) => c == DeliveryChannel.Post ? "郵送" : "メール";

    public static string Of(BankAccountType t) => t switch
    {
        BankAccountType.Current => "当座",
        BankAccountType.Savings => "貯蓄",
        _ => "普通",
    };

    /// <summary>Statuses whose balance is still expected to be paid.</summary>
    public static bool IsOpen(InvoiceStatus s) => s is InvoiceStatus.Unpaid or InvoiceStatus.PartlyPaid;
}
