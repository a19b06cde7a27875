namespace MemberHub.Common;

/// <summary>"Today" for an organisation in Japan, whatever the server's time zone.</summary>
public static class JapanTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToJapan(clock.GetUtcNow().UtcDateTime));

    public static DateTime ToJapan(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
