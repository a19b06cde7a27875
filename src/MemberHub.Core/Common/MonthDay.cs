namespace MemberHub.Common;

/// <summary>
/// A calendar day without its year as month*100+day (4月1日 = 401), for birthdays and anniversaries: stored
/// beside the date so "between these days of the year" is a range the database can answer from an index.
/// </summary>
public static class MonthDay
{
    public static int Of(DateOnly date) => date.Month * 100 + date.Day;

    /// <summary>
    /// The ranges of month-day values that fall on the days <paramref name="from"/> … <paramref name="to"/>
    /// (at most a year): one range, or two when the span crosses the new year. In a year without 29 February,
    /// people born on 29 February are celebrated on 28 February, so 229 joins a range that holds 228.
    /// </summary>
    public static IReadOnlyList<(int From, int To)> Ranges(DateOnly from, DateOnly to)
    {
        if (to < from) return [];
        if (to >= from.AddYears(1).AddDays(-1)) return [(101, 1231)];
        var ranges = from.Year == to.Year
            ? new List<(int, int)> { (Of(from), Of(to)) }
            : [(Of(from), 1231), (101, Of(to))];
        for (var i = 0; i < ranges.Count; i++)
        {
            var (lo, hi) = ranges[i];
            var year = i == 0 ? from.Year : to.Year;
            if (!DateTime.IsLeapYear(year) && hi == 228) ranges[i] = (lo, 229);
        }
        return ranges;
    }

    /// <summary>The day in [from, to] on which this month-day is celebrated, or null (29 Feb falls on 28 Feb in other years).</summary>
    public static DateOnly? OccurrenceBetween(int monthDay, DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            var month = monthDay / 100;
            var day = monthDay % 100;
            if (month is < 1 or > 12 || day < 1) return null;
            day = Math.Min(day, DateTime.DaysInMonth(year, month));
            var d = new DateOnly(year, month, day);
            if (d >= from && d <= to) return d;
        }
        return null;
    }
}
