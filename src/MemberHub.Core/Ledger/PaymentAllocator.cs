using MemberHub.Common;

namespace MemberHub.Ledger;

/// <summary>An invoice that can still take money: what the allocation rules need to know about it.</summary>
public sealed record OpenInvoice(long InvoiceId, int FiscalYear, DateOnly DueOn, Yen Balance);

/// <summary>Part of a payment put towards one invoice.</summary>
public sealed record InvoiceShare(long InvoiceId, Yen Amount);

/// <summary>The outcome of checking a proposed split: the problems (in Japanese, for the page) and what is left over.</summary>
public sealed record AllocationCheck(IReadOnlyList<string> Errors, Yen Rest)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// How a payment is split over a member's open invoices. Money goes to the oldest debt first (the earliest
/// fiscal year, then the earliest due date), which is how members expect arrears to be settled; an invoice
/// never takes more than its balance, and what remains is for the person posting to classify
/// (寄附, その他収入 or 返金予定).
/// </summary>
public static class PaymentAllocator
{
    public static IReadOnlyList<InvoiceShare> OldestFirst(Yen amount, IEnumerable<OpenInvoice> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var shares = new List<InvoiceShare>();
        var left = amount;
        foreach (var invoice in open.OrderBy(i => i.FiscalYear).ThenBy(i => i.DueOn).ThenBy(i => i.InvoiceId))
        {
            if (left.Value <= 0) break;
            if (invoice.Balance.Value <= 0) continue;
            var share = invoice.Balance < left ? invoice.Balance : left;
            shares.Add(new InvoiceShare(invoice.InvoiceId, share));
            left -= share;
        }
        return shares;
    }

    /// <summary>
    /// Checks a split chosen by hand (or by <see cref="OldestFirst"/>) against the invoices' balances as they
    /// are now. <paramref name="invoiceLabels"/> names the invoices in messages ("2026-00123").
    /// </summary>
    public static AllocationCheck Check(Yen amount, IReadOnlyList<InvoiceShare> shares,
        IReadOnlyDictionary<long, Yen> balances, IReadOnlyDictionary<long, string>? invoiceLabels = null)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(balances);
        var errors = new List<string>();
        if (amount.Value <= 0) errors.Add("入金額は1円以上で入力してください。");
        var total = Yen.Zero;
        foreach (var group in shares.GroupBy(s => s.InvoiceId))
        {
            var label = invoiceLabels?.GetValueOrDefault(group.Key) ?? $"請求書（ID {group.Key}）";
            var sum = group.Aggregate(Yen.Zero, (acc, s) => acc + s.Amount);
            if (group.Any(s => s.Amount.Value < 0))
            {
                errors.Add($"{label}への充当額にマイナスは入力できません。");
                continue;
            }
            if (!balances.TryGetValue(group.Key, out var balance))
            {
                errors.Add($"{label}は入金を受け付けられる請求書ではありません（入金済・取消・免除など）。");
                continue;
            }
            if (sum > balance)
                errors.Add($"{label}への充当額（{sum}）が未納額（{balance}）を超えています。");
            total += sum;
        }
        if (amount.Value > 0 && total > amount)
            errors.Add($"充当額の合計（{total}）が入金額（{amount}）を超えています。");
        var rest = amount - total;
        return new AllocationCheck(errors, rest.Value > 0 ? rest : Yen.Zero);
    }
}
