using System.Globalization;
using MemberHub.Common;
using MemberHub.Ledger;

namespace MemberHub.Thanks;

/// <summary>
/// Receipt numbers: R2026-00001 for a 領収書, D2026-00001 for a 寄附金受領証明書, one sequence per prefix and year of
/// issue, never reused. A reissue (再発行) is a new sheet of the same receipt: it keeps the number and adds the copy
/// count (R2026-00001-2), so every sheet handed out has its own number and still names the receipt it copies.
/// </summary>
public static class ReceiptNumbers
{
    public const char PaymentPrefix = 'R';
    public const char DonationPrefix = 'D';

    public static char PrefixOf(ReceiptKind kind) => kind == ReceiptKind.Payment ? PaymentPrefix : DonationPrefix;

    public static string SequenceName(ReceiptKind kind, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"receipt-{PrefixOf(kind)}-{year}");

    public static string Format(ReceiptKind kind, int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{PrefixOf(kind)}{year}-{sequence:00000}");

    /// <summary>The number of the <paramref name="copy"/>th sheet (2 = the first reissue).</summary>
    public static string Reissue(string baseNumber, int copy) =>
        string.Create(CultureInfo.InvariantCulture, $"{BaseOf(baseNumber)}-{copy}");

    /// <summary>R2026-00001-3 → R2026-00001.</summary>
    public static string BaseOf(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var parts = number.Split('-');
        return parts.Length > 2 ? parts[0] + "-" + parts[1] : number;
    }
}

/// <summary>What the receipt was for, as a 但し書き ("2026年度会費として").</summary>
public sealed record ReceiptPurposeLine(AllocationKind Kind, int? FiscalYear, Yen Amount);

public static class ReceiptWording
{
    /// <summary>
    /// 特定非営利活動法人 are not 商人: every 受取書 they write is an 営業に関しない受取書, 非課税 under 印紙税法 別表第一
    /// 第17号文書 whatever the amount, so no 収入印紙. Printed where a stamp would otherwise be expected.
    /// </summary>
    public const string StampDutyNote = "収入印紙不要（特定非営利活動法人が作成する受取書は、印紙税法上の「営業に関しない受取書」（別表第一 第17号文書 非課税物件）に当たります）";

    /// <summary>The 但し書き of a 領収書: the kinds of money in it, dues naming their fiscal years.</summary>
    public static string Purpose(IEnumerable<ReceiptPurposeLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parts = new List<string>();
        var list = lines.Where(l => l.Amount.Value > 0).ToList();
        var years = list.Where(l => l.Kind == AllocationKind.Dues).Select(l => l.FiscalYear).OfType<int>().Distinct().Order().ToList();
        if (list.Any(l => l.Kind == AllocationKind.Dues))
            parts.Add(years.Count == 0 ? "会費" : string.Join("・", years.Select(y => y.ToString(CultureInfo.InvariantCulture) + "年度")) + "会費");
        if (list.Any(l => l.Kind == AllocationKind.Donation)) parts.Add("ご寄附");
        if (list.Any(l => l.Kind == AllocationKind.OtherIncome)) parts.Add("その他のご入金");
        if (list.Any(l => l.Kind == AllocationKind.ToRefund)) parts.Add("お預り金");
        return parts.Count == 0 ? "ご入金として" : string.Join("及び", parts) + "として";
    }

    public const string DonationStatement =
        "上記の寄附金は、当法人の行う特定非営利活動に係る事業に関連する寄附金として受領したことを証明します。";

    public const string TaxUseNote =
        "この証明書は、所得税の確定申告で寄附金控除（所得控除）又は認定NPO法人等寄附金特別控除（税額控除）を受ける際に必要です。"
        + "お住まいの都道府県・市区町村が条例で指定している場合は、個人住民税の寄附金税額控除にも使えます。法人の場合は損金算入限度額の特例の対象となります。"
        + "再発行はいたしかねる場合がありますので、大切に保管してください。";
}

/// <summary>One ledger row of a donation: a payment (or its reversal) and the donation part of it for one donor.</summary>
public sealed record DonationLedgerRow(long PaymentId, long? ReversesPaymentId, DateOnly ReceivedOn, Yen Amount);

/// <summary>A gift as it stands after reversals: the original payment, when it was received, what is left of it.</summary>
public sealed record Gift(long PaymentId, DateOnly ReceivedOn, Yen Amount);

/// <summary>
/// Donations net of reversals. A reversal carries the original's date and the negative amounts, so a gift undone
/// in the next year still nets to nothing in the year it was received, and a certificate never counts it.
/// </summary>
public static class DonationLedger
{
    public static IReadOnlyList<Gift> Gifts(IEnumerable<DonationLedgerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var dates = list.Where(r => r.ReversesPaymentId is null).ToDictionary(r => r.PaymentId, r => r.ReceivedOn);
        return list.GroupBy(r => r.ReversesPaymentId ?? r.PaymentId)
            .Select(g => new Gift(g.Key, dates.TryGetValue(g.Key, out var d) ? d : g.First().ReceivedOn, g.Aggregate(Yen.Zero, (s, r) => s + r.Amount)))
            .Where(g => g.Amount.Value > 0)
            .OrderBy(g => g.ReceivedOn).ThenBy(g => g.PaymentId)
            .ToList();
    }

    public static IReadOnlyList<Gift> InCalendarYear(IEnumerable<DonationLedgerRow> rows, int year) =>
        Gifts(rows).Where(g => g.ReceivedOn.Year == year).ToList();

    public static Yen Total(IEnumerable<Gift> gifts) => gifts.Aggregate(Yen.Zero, (s, g) => s + g.Amount);
}
