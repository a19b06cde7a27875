using System.Globalization;
using MemberHub.Common;

namespace MemberHub.Billing;

/// <summary>What the calculation needs to know about a member class (会員種別).</summary>
public sealed record FeeRule(string ClassName, Yen FeePerUnit, TaxClass TaxClass, JoinRule JoinRule, int? HalfFeeFromMonth = null);

/// <summary>One invoice line as calculated: 会費種別 × 口数 × 単価, less a reduction explained in the note.</summary>
public sealed record FeeLine(string Description, int Units, Yen UnitPrice, Yen Amount, int TaxRate, string? Note);

/// <summary>消費税 of one rate: the amount it applies to and the tax (rounded down once per rate and invoice).</summary>
public sealed record TaxTotal(int Rate, Yen TaxableAmount, Yen Tax);

public sealed record FeeCalculation(IReadOnlyList<FeeLine> Lines, Yen Subtotal, IReadOnlyList<TaxTotal> Taxes, Yen Tax, Yen Total)
{
    public int TaxRate => Taxes.Count == 0 ? 0 : Taxes.Max(t => t.Rate);
}

/// <summary>
/// 年会費 of one member for one fiscal year. Pure: no database, no clock. Amounts are before tax; 課税 classes add
/// 10% of the taxable amount, rounded down, per rate (the 適格請求書 rule: one rounding per rate and invoice).
/// A member who joined before the fiscal year pays the full year; one who joins after it has ended is not billed for it.
/// </summary>
public static class FeeCalculator
{
    public const int StandardRate = 10;

    /// <summary>The invoice for the year, or null when the member joined after the fiscal year ended.</summary>
    public static FeeCalculation? Calculate(FeeRule rule, int units, DateOnly joinedOn, int fiscalYear, int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        var start = FiscalYear.Start(fiscalYear, startMonth);
        var end = FiscalYear.End(fiscalYear, startMonth);
        if (joinedOn > end) return null;

        var full = rule.FeePerUnit * units;
        var amount = full;
        string? note = null;
        // Joining in the first month of the year (or before the year) pays the full year.
        if (joinedOn >= start.AddMonths(1))
        {
            var joinIndex = FiscalYear.MonthIndex(joinedOn.Month, startMonth);
            var joined = joinedOn.ToString("yyyy年M月", CultureInfo.InvariantCulture);
            switch (rule.JoinRule)
            {
                case JoinRule.HalfAfterMonth when rule.HalfFeeFromMonth is { } from
                    && joinIndex >= FiscalYear.MonthIndex(from, startMonth):
                    amount = new Yen(full.Value / 2);
                    note = $"{joined}入会のため半額";
                    break;
                case JoinRule.MonthlyProration:
                    // Months left in the year, the joining month included; rounded down to the yen.
                    var months = 12 - joinIndex;
                    amount = new Yen(full.Value * months / 12);
                    note = $"{joined}入会のため月割り（{months}か月分）";
                    break;
            }
        }

        var rate = rule.TaxClass == TaxClass.Taxable10 ? StandardRate : 0;
        var lines = new List<FeeLine> { new(rule.ClassName, units, rule.FeePerUnit, amount, rate, note) };
        var subtotal = lines.Aggregate(Yen.Zero, (s, l) => s + l.Amount);
        var taxes = lines.Where(l => l.TaxRate > 0).GroupBy(l => l.TaxRate).OrderBy(g => g.Key)
            .Select(g =>
            {
                var taxable = g.Aggregate(Yen.Zero, (s, l) => s + l.Amount);
                return new TaxTotal(g.Key, taxable, new Yen(taxable.Value * g.Key / 100));
            }).ToList();
        var tax = taxes.Aggregate(Yen.Zero, (s, t) => s + t.Tax);
        return new FeeCalculation(lines, subtotal, taxes, tax, subtotal + tax);
    }
}
