using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MemberHub.Common;

/// <summary>
/// Reads a date the way office staff type it: 2026-04-01 (what a date picker sends), 2026/4/1,
/// 2026年4月1日, also with full-width digits. Anything else is not a date.
/// </summary>
public static partial class DateInput
{
    public static DateOnly? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        var m = Pattern().Match(s);
        if (!m.Success) return null;
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, d);
    }

    /// <summary>The value an &lt;input type="date"&gt; expects.</summary>
    public static string ToInput(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*(?:[-/.]|年)\s*(?<m>[0-9]{1,2})\s*(?:[-/.]|月)\s*(?<d>[0-9]{1,2})\s*日?$")]
    private static partial Regex Pattern();
}
