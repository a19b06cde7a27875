using System.Globalization;

namespace MemberHub.Payments;

/// <summary>
/// Dates as Zengin files write them: era year, month, day (YYMMDD) without saying which era.
/// </summary>
public static class JapaneseEraDate
{
    private static readonly DateOnly HeiseiStart = new(1989, 1, 8);
    private static readonly DateOnly HeiseiEnd = new(2019, 4, 30);
    private static readonly DateOnly ReiwaStart = new(2019, 5, 1);

    /// <summary>
    /// Resolves YYMMDD. Both 平成 and 令和 can fit a year such as 01 (平成元年 1989 or 令和元年 2019) or 08
    /// (1996 or 2026); as DOMAIN.md says, the later era wins unless it puts the date after
    /// <paramref name="notAfter"/>. Without a reference the latest valid reading is taken.
    /// Returns null for "000000" or blanks (no date) and throws <see cref="FormatException"/> when no era fits.
    /// </summary>
    public static DateOnly? Resolve(string yymmdd, DateOnly? notAfter)
    {
        if (string.IsNullOrWhiteSpace(yymmdd) || yymmdd == "000000") return null;
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit))
            throw new FormatException($"日付「{yymmdd}」は6桁の数字ではありません。");
        var yy = int.Parse(yymmdd[..2], CultureInfo.InvariantCulture);
        var mm = int.Parse(yymmdd.Substring(2, 2), CultureInfo.InvariantCulture);
        var dd = int.Parse(yymmdd.Substring(4, 2), CultureInfo.InvariantCulture);

        var readings = new List<DateOnly>(2);
        if (TryDate(2018 + yy, mm, dd) is { } reiwa && reiwa >= ReiwaStart) readings.Add(reiwa);
        if (TryDate(1988 + yy, mm, dd) is { } heisei && heisei >= HeiseiStart && heisei <= HeiseiEnd) readings.Add(heisei);
        if (readings.Count == 0)
            throw new FormatException($"日付「{yymmdd}」は平成・令和のどちらの日付としても正しくありません。");

        // readings are latest era first
        if (notAfter is { } limit)
            foreach (var d in readings)
                if (d <= limit) return d;
        return readings[0];
    }

    private static DateOnly? TryDate(int year, int month, int day) =>
        year > 0 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}
