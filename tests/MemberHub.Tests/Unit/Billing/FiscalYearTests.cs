using MemberHub.Billing;

namespace MemberHub.Tests.Unit.Billing;

public class FiscalYearTests
{
    [Theory]
    [InlineData("2026-04-01", 4, 2026)]
    [InlineData("2026-03-31", 4, 2025)]
    [InlineData("2027-03-31", 4, 2026)]
    [InlineData("2026-12-31", 4, 2026)]
    [InlineData("2026-01-01", 1, 2026)]
    [InlineData("2026-12-31", 1, 2026)]
    [InlineData("2026-10-01", 10, 2026)]
    [InlineData("2026-09-30", 10, 2025)]
    [InlineData("2027-01-15", 10, 2026)]
    public void A_date_belongs_to_the_year_named_by_the_calendar_year_in_which_that_fiscal_year_starts(string date, int startMonth, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(DateOnly.Parse(date), startMonth));

    [Theory]
    [InlineData(2026, 4, "2026-04-01", "2027-03-31")]
    [InlineData(2026, 1, "2026-01-01", "2026-12-31")]
    [InlineData(2026, 10, "2026-10-01", "2027-09-30")]
    [InlineData(2027, 3, "2027-03-01", "2028-02-29")]
    public void Start_and_end_span_twelve_months(int year, int startMonth, string start, string end)
    {
        Assert.Equal(DateOnly.Parse(start), FiscalYear.Start(year, startMonth));
        Assert.Equal(DateOnly.Parse(end), FiscalYear.End(year, startMonth));
    }

    [Fact]
    public void Label_reads_as_nendo() => Assert.Equal("2026年度", FiscalYear.Label(2026));

    [Fact]
    public void Period_reads_as_japanese_dates() => Assert.Equal("2026年4月1日〜2027年3月31日", FiscalYear.Period(2026, 4));

    [Theory]
    [InlineData(4, 4, 0)]
    [InlineData(3, 4, 11)]
    [InlineData(10, 4, 6)]
    [InlineData(1, 1, 0)]
    [InlineData(12, 1, 11)]
    [InlineData(1, 10, 3)]
    public void Month_index_counts_from_the_first_month_of_the_year(int month, int startMonth, int expected) =>
        Assert.Equal(expected, FiscalYear.MonthIndex(month, startMonth));

    [Fact]
    public void A_start_month_outside_1_to_12_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalYear.Of(new DateOnly(2026, 1, 1), 13));
}
