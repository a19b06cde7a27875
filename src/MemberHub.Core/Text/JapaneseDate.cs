using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MemberHub.Text;

/// <summary>
/// Reads the date forms a Japanese office spreadsheet holds: 2026/4/1, 2026-04-01, 2026年4月1日, 20260401,
/// and Japanese-era dates (昭和50年4月1日, 平成元年1月8日, S50.4.1, R8/4/1), which Excel writes
/// when a cell is formatted as 和暦. A trailing time (Excel's "2026/4/1 0:00") is ignored.
/// </summary>
public static partial class JapaneseDate
{
    private sealed record Era(string Name, char Letter, DateOnly Start);

    // Each era begins on the day after the emperor's death (明治 by convention from 1868-01-25).
    private static readonly Era[] Eras =
    [
        new("明治", 'M', new DateOnly(1868, 1, 25)),
        new("大正", 'T', new DateOnly(1912, 7, 30)),
        new("昭和", 'S', new DateOnly(1926, 12, 25)),
        new("平成", 'H', new DateOnly(1989, 1, 8)),
        new("令和", 'R', new DateOnly(2019, 5, 1)),
    ];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // NFKC turns full-width digits into ASCII and the one-character era signs (㍻, ㋿) into 平成, 令和.
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        s = TrailingTime().Replace(s, "");

        var m = Gregorian().Match(s);
        if (m.Success)
            return TryMake(Int(m.Groups["y"]), Int(m.Groups["m"]), Int(m.Groups["d"]), out date);

        m = Compact().Match(s);
        if (m.Success)
            return TryMake(Int(m.Groups["y"]), Int(m.Groups["m"]), Int(m.Groups["d"]), out date);

        m = EraDate().Match(s);
        if (!m.Success) return false;
        var eraText = m.Groups["era"].Value;
        var era = Eras.FirstOrDefault(e => e.Name == eraText || char.ToUpperInvariant(eraText[0]) == e.Letter && eraText.Length == 1);
        if (era is null) return false;
        var eraYear = m.Groups["y"].Value == "元" ? 1 : Int(m.Groups["y"]);
        if (eraYear < 1) return false;
        if (!TryMake(era.Start.Year + eraYear - 1, Int(m.Groups["m"]), Int(m.Groups["d"]), out date)) return false;
        // 昭和64年1月8日 does not exist (that day is 平成元年1月8日): the date must lie inside its era.
        var next = Eras.SkipWhile(e => e != era).Skip(1).FirstOrDefault();
        if (date < era.Start || (next is not null && date >= next.Start))
        {
            date = default;
            return false;
        }
        return true;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private static bool TryMake(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1800 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex(@"\s+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$")]
    private static partial Regex TrailingTime();

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*(?:[/\-.]|年)\s*(?<m>[0-9]{1,2})\s*(?:[/\-.]|月)\s*(?<d>[0-9]{1,2})\s*日?$")]
    private static partial Regex Gregorian();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<era>明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(?<y>[0-9]{1,2}|元)\s*(?:[/\-.]|年)\s*(?<m>[0-9]{1,2})\s*(?:[/\-.]|月)\s*(?<d>[0-9]{1,2})\s*日?$")]
    private static partial Regex EraDate();
}
