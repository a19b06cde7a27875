using MemberHub.Common;
using MemberHub.Volunteers;

namespace MemberHub.Web.Pages.Volunteers;

/// <summary>The Japanese words for the volunteer feature's states, slots and ranking reasons, in one place.</summary>
public static class VolunteerLabels
{
    public static readonly IReadOnlyList<(Availability Slot, string Label)> Slots =
    [
        (Availability.WeekdayMorning, "平日 午前"), (Availability.WeekdayAfternoon, "平日 午後"), (Availability.WeekdayEvening, "平日 夜"),
        (Availability.WeekendMorning, "土日 午前"), (Availability.WeekendAfternoon, "土日 午後"), (Availability.WeekendEvening, "土日 夜"),
        (Availability.ByArrangement, "相談による"),
    ];

    public static string Of(Availability a) =>
        a == Availability.None ? "未登録" : string.Join("・", Slots.Where(s => a.HasFlag(s.Slot)).Select(s => s.Label));

    public static string Of(SkillLevel l) => l switch
    {
        SkillLevel.Experienced => "経験豊富",
        SkillLevel.CanTeach => "指導できる",
        _ => "できる",
    };

    public static string Of(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Invited => "回答待ち",
        AssignmentStatus.Accepted => "参加",
        AssignmentStatus.Declined => "辞退",
        _ => "取消",
    };

    public static string Badge(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Invited => "text-bg-warning",
        AssignmentStatus.Accepted => "text-bg-success",
        AssignmentStatus.Declined => "text-bg-secondary",
        _ => "text-bg-light border",
    };

    public static string Of(VolunteerRequestStatus s) => s switch
    {
        VolunteerRequestStatus.Open => "募集中",
        VolunteerRequestStatus.Closed => "締切",
        _ => "中止",
    };

    public static string Of(InvitationChannel c) => c == InvitationChannel.Email ? "メール" : "電話";

    public static string Of(GoalKind k) => k == GoalKind.Money ? "金額" : "時間";

    public static string When(VolunteerRequest r) => When(r.Date, r.StartTime, r.EndTime, r.PeriodFrom, r.PeriodTo);

    public static string When(DateOnly? date, TimeOnly? start, TimeOnly? end, DateOnly? from, DateOnly? to)
    {
        if (date is { } d)
        {
            var day = JapaneseFormat.Date(d) + "（" + "日月火水木金土"[(int)d.DayOfWeek] + "）";
            if (start is null) return day;
            return day + " " + start.Value.ToString("HH:mm") + (end is { } e ? "〜" + e.ToString("HH:mm") : "〜");
        }
        return $"{JapaneseFormat.Date(from)}〜{JapaneseFormat.Date(to)}の間（日時は相談）";
    }

    /// <summary>Hours from minutes, "2.5時間"; whole hours without a decimal.</summary>
    public static string Hours(long minutes) =>
        (minutes % 60 == 0 ? (minutes / 60).ToString("#,0") : (minutes / 60.0).ToString("#,0.#")) + "時間";

    public static string Reason(RankReason r) => r.Kind switch
    {
        ReasonKind.AreasMatched => r.Value == r.Of ? "分野がすべて合う" : $"分野 {r.Value}/{r.Of} が合う",
        ReasonKind.NoAreaNeeded => "分野の指定なし",
        ReasonKind.NoMatchingArea => "分野が合わない",
        ReasonKind.Available => "その時間帯に活動可",
        ReasonKind.ByArrangement => "時間は相談による",
        ReasonKind.NotAvailable => "その時間帯は不可",
        ReasonKind.FlexiblePeriod => "日時は相談",
        ReasonKind.Away => $"不在期間中（{JapaneseFormat.ShortDate(r.Date)}から）",
        ReasonKind.DoubleBooked => "同じ時間に別の活動で参加予定",
        ReasonKind.MonthlyLimitReached => $"今月の依頼が上限（{r.Value}/{r.Of}件）",
        ReasonKind.MonthlyLoad => r.Of == 0 ? $"今月の依頼 {r.Value}件" : $"今月の依頼 {r.Value}/{r.Of}件",
        ReasonKind.NeverAsked => "この1年 依頼・参加なし",
        ReasonKind.ActivityLastYear => $"この1年 依頼{r.Value}件・参加{r.Of}回",
        ReasonKind.LastContact => $"前回 {JapaneseFormat.ShortDate(r.Date)}",
        _ => r.Kind.ToString(),
    };

    /// <summary>The given name of "山田 太郎" (after the space), for showing volunteers to each other without surnames or contact details.</summary>
    public static string? GivenName(string name)
    {
        var parts = name.Replace('　', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? parts[^1] : null;
    }
}
