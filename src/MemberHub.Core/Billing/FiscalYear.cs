using System.Globalization;

namespace MemberHub.Billing;

/// <summary>
/// 事業年度. A fiscal year is named by the calendar year in which it starts: with an April start,
/// 2026年度 runs from 2026-04-01 to 2027-03-31; with a January start it is the calendar year.
/// </summary>
public static class FiscalYear
{
    /// <summary>The fiscal year a date falls in.</summary>
    public static int Of(DateOnly date, int startMonth)
    {
        CheckMonth(startMonth);
        return date.Month >= startMonth ? date.Year : date.Year - 1;
    }

    public static DateOnly Start(int year, int startMonth)
    {
        CheckMonth(startMonth);
        return new DateOnly(year, startMonth, 1);
    }

    /// <summary>The last day of the fiscal year.</summary>
    public static DateOnly End(int year, int startMonth) => Start(year + 1, startMonth).AddDays(-1);

    /// <summary>"2026年度".</summary>
    public static string Label(int year) => year.ToString(CultureInfo.InvariantCulture) + "年度";

    /// <summary>"2026年4月1日〜2027年3月31日".</summary>
    public static string Period(int year, int startMonth) =>
        $"{JapaneseFormatDate(Start(year, startMonth))}〜{JapaneseFormatDate(End(year, startMonth))}";

    private static string JapaneseFormatDate(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>0 for the first month of the fiscal year, 11 for the last, for any calendar month.</summary>
    public static int MonthIndex(int calendarMonth, int startMonth)
    {
        CheckMonth(calendarMonth);
        CheckMonth(startMonth);
        return (calendarMonth - startMonth + 12) % 12;
    }

    private static void CheckMonth(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
    }
}
