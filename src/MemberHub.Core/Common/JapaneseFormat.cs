using System.Globalization;

namespace MemberHub.Common;

/// <summary>How dates and instants are written on screen and paper.</summary>
public static class JapaneseFormat
{
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";
    public static string ShortDate(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
    public static string ShortDate(DateOnly? date) => date is { } d ? ShortDate(d) : "";
    public static string Instant(DateTime utc) => JapanTime.ToJapan(utc).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
    public static string Number(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
