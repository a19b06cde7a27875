using MemberHub.Billing;
using MemberHub.Common;

namespace MemberHub.Tests.Unit.Billing;

public class FeeCalculatorTests
{
    private static readonly FeeRule Regular = new("正会員", new Yen(5_000), TaxClass.NonTaxable, JoinRule.FullYear);
    private static readonly FeeRule HalfFromOctober = Regular with { JoinRule = JoinRule.HalfAfterMonth, HalfFeeFromMonth = 10 };
    private static readonly FeeRule Monthly = Regular with { FeePerUnit = new Yen(12_000), JoinRule = JoinRule.MonthlyProration };

    private static FeeCalculation Calc(FeeRule rule, string joined, int units = 1, int year = 2026, int startMonth = 4) =>
        FeeCalculator.Calculate(rule, units, DateOnly.Parse(joined), year, startMonth) ?? throw new Xunit.Sdk.XunitException("not billed");

    [Fact]
    public void Fee_is_fee_per_unit_times_units()
    {
        var c = Calc(Regular with { ClassName = "賛助会員" }, "2020-05-01", units: 3);
        var line = Assert.Single(c.Lines);
        Assert.Equal(("賛助会員", 3, new Yen(5_000), new Yen(15_000), (string?)null), (line.Description, line.Units, line.UnitPrice, line.Amount, line.Note));
        Assert.Equal(new Yen(15_000), c.Subtotal);
        Assert.Equal(new Yen(15_000), c.Total);
        Assert.Empty(c.Taxes);
    }

    [Fact]
    public void A_member_who_joined_before_the_year_pays_the_full_year_whatever_the_rule()
    {
        Assert.Equal(new Yen(5_000), Calc(HalfFromOctober, "2025-12-01").Total);
        Assert.Equal(new Yen(12_000), Calc(Monthly, "2026-03-31").Total);
    }

    [Fact]
    public void A_member_who_joins_after_the_year_has_ended_is_not_billed_for_it()
    {
        Assert.Null(FeeCalculator.Calculate(Regular, 1, new DateOnly(2027, 4, 1), 2026, 4));
        Assert.NotNull(FeeCalculator.Calculate(Regular, 1, new DateOnly(2027, 3, 31), 2026, 4));
    }

    [Fact]
    public void Full_year_rule_charges_the_full_fee_also_in_the_last_month() =>
        Assert.Equal(new Yen(5_000), Calc(Regular, "2027-03-15").Total);

    [Theory]
    [InlineData("2026-04-01", 5_000, null)]                      // first month of the year
    [InlineData("2026-09-30", 5_000, null)]                      // the day before the chosen month
    [InlineData("2026-10-01", 2_500, "2026年10月入会のため半額")]    // the chosen month
    [InlineData("2027-01-20", 2_500, "2027年1月入会のため半額")]     // after the calendar year end
    [InlineData("2027-03-31", 2_500, "2027年3月入会のため半額")]     // the last month
    public void Half_fee_from_the_chosen_month_on(string joined, long expected, string? note)
    {
        var line = Assert.Single(Calc(HalfFromOctober, joined).Lines);
        Assert.Equal(new Yen(expected), line.Amount);
        Assert.Equal(note, line.Note);
        Assert.Equal(new Yen(5_000), line.UnitPrice);
    }

    [Fact]
    public void Half_of_an_odd_amount_is_rounded_down() =>
        Assert.Equal(new Yen(1_500), Calc(HalfFromOctober with { FeePerUnit = new Yen(3_001) }, "2026-11-01").Total);

    [Fact]
    public void Half_fee_month_before_the_start_month_means_late_in_the_year()
    {
        // April start, half from February: only 2月 and 3月 are "late".
        var rule = HalfFromOctober with { HalfFeeFromMonth = 2 };
        Assert.Equal(new Yen(5_000), Calc(rule, "2026-12-01").Total);
        Assert.Equal(new Yen(2_500), Calc(rule, "2027-02-01").Total);
    }

    [Theory]
    [InlineData("2026-04-01", 12_000, null)]
    [InlineData("2026-04-30", 12_000, null)]
    [InlineData("2026-05-01", 11_000, "2026年5月入会のため月割り（11か月分）")]
    [InlineData("2026-10-15", 6_000, "2026年10月入会のため月割り（6か月分）")]
    [InlineData("2027-03-31", 1_000, "2027年3月入会のため月割り（1か月分）")]
    public void Monthly_proration_counts_the_remaining_months_including_the_joining_month(string joined, long expected, string? note)
    {
        var line = Assert.Single(Calc(Monthly, joined).Lines);
        Assert.Equal(new Yen(expected), line.Amount);
        Assert.Equal(note, line.Note);
    }

    [Fact]
    public void Monthly_proration_rounds_down_to_the_yen() =>
        // 5,000 × 7 / 12 = 2,916.67
        Assert.Equal(new Yen(2_916), Calc(Monthly with { FeePerUnit = new Yen(5_000) }, "2026-09-01").Total);

    [Fact]
    public void Monthly_proration_applies_to_all_units() =>
        Assert.Equal(new Yen(18_000), Calc(Monthly, "2026-10-01", units: 3).Total);

    [Theory]
    [InlineData(1, "2026-01-01", 12)]
    [InlineData(1, "2026-12-01", 1)]
    [InlineData(10, "2026-10-01", 12)]
    [InlineData(10, "2026-12-01", 10)]
    [InlineData(10, "2027-01-01", 9)]
    [InlineData(10, "2027-09-30", 1)]
    public void Proration_across_the_calendar_year_end_for_other_start_months(int startMonth, string joined, int months) =>
        Assert.Equal(new Yen(1_000L * months), Calc(Monthly, joined, startMonth: startMonth).Total);

    [Fact]
    public void January_start_half_fee_from_july()
    {
        var rule = HalfFromOctober with { HalfFeeFromMonth = 7 };
        Assert.Equal(new Yen(5_000), Calc(rule, "2026-06-30", startMonth: 1).Total);
        Assert.Equal(new Yen(2_500), Calc(rule, "2026-07-01", startMonth: 1).Total);
        Assert.Null(FeeCalculator.Calculate(rule, 1, new DateOnly(2027, 1, 1), 2026, 1));
    }

    [Fact]
    public void Non_taxable_classes_have_no_tax()
    {
        var c = Calc(Regular, "2020-01-01");
        Assert.Equal(Yen.Zero, c.Tax);
        Assert.Equal(0, c.TaxRate);
        Assert.Equal(0, c.Lines[0].TaxRate);
    }

    [Fact]
    public void Taxable_classes_add_ten_percent_rounded_down()
    {
        var c = Calc(Regular with { TaxClass = TaxClass.Taxable10, FeePerUnit = new Yen(3_333) }, "2020-01-01");
        Assert.Equal(new Yen(3_333), c.Subtotal);
        var tax = Assert.Single(c.Taxes);
        Assert.Equal(new TaxTotal(10, new Yen(3_333), new Yen(333)), tax);
        Assert.Equal(new Yen(333), c.Tax);
        Assert.Equal(new Yen(3_666), c.Total);
        Assert.Equal(10, c.TaxRate);
        Assert.Equal(10, c.Lines[0].TaxRate);
    }

    [Fact]
    public void Tax_is_reckoned_on_the_reduced_amount()
    {
        var c = Calc(Monthly with { TaxClass = TaxClass.Taxable10 }, "2026-10-01");
        Assert.Equal(new Yen(6_000), c.Subtotal);
        Assert.Equal(new Yen(600), c.Tax);
        Assert.Equal(new Yen(6_600), c.Total);
    }
}
