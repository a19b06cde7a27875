using MemberHub.Thanks;

namespace MemberHub.Web.Pages.FollowUp;

public static class TodayLabels
{
    public static string Weekday(DateOnly d) => "日月火水木金土"[(int)d.DayOfWeek].ToString();

    /// <summary>"11月25日（水）".</summary>
    public static string Day(DateOnly d) => $"{d.Month}月{d.Day}日（{Weekday(d)}）";

    public static string When(DateOnly d, DateOnly today) => (d.DayNumber - today.DayNumber) switch
    {
        0 => "今日",
        1 => "明日",
        < 0 and var n => $"{-n}日超過",
        var n => $"{n}日後",
    };

    public static string Of(ThankYouKind kind) => kind switch
    {
        ThankYouKind.Dues => "会費",
        ThankYouKind.Donation => "寄附",
        _ => "退会",
    };

    public static string Of(ThankYouChannel channel) => channel == ThankYouChannel.Email ? "メール" : "郵送";
}
