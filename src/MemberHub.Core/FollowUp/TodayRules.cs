namespace MemberHub.FollowUp;

/// <summary>The calendar rules of today's list (ホーム). Pure: the caller passes "today" in Japan.</summary>
public static class TodayRules
{
    /// <summary>Birthdays are shown a week ahead (today and the six days after), so a card can still reach them.</summary>
    public const int BirthdayDays = 7;

    /// <summary>Members becoming dormant within this many days are shown, while a call can still keep them.</summary>
    public const int DormantSoonDays = 30;

    /// <summary>A new member should hear from the office again within this many months of joining.</summary>
    public const int SecondTouchMonths = 3;

    /// <summary>Follow-ups and tasks due within this many days are listed (the overdue ones first).</summary>
    public const int DueAheadDays = 7;

    public static (DateOnly From, DateOnly To) BirthdayWeek(DateOnly today) => (today, today.AddDays(BirthdayDays - 1));

    /// <summary>The whole calendar month of today: anniversaries of joining are greeted within the month.</summary>
    public static (DateOnly From, DateOnly To) AnniversaryMonth(DateOnly today) =>
        (new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)));

    /// <summary>Full years of membership completed on <paramref name="on"/> (0 in the year of joining).</summary>
    public static int YearsOfMembership(DateOnly joinedOn, DateOnly on)
    {
        var years = on.Year - joinedOn.Year;
        if (on < joinedOn.AddYears(years)) years--;
        return Math.Max(0, years);
    }

    /// <summary>The day someone whose last payment or contact was on <paramref name="lastTouch"/> turns dormant (as SupporterClassifier decides).</summary>
    public static DateOnly DormantOn(DateOnly lastTouch, ClassificationRules rules) => lastTouch.AddMonths(rules.DormantAfterMonths);

    /// <summary>
    /// The last-touch dates of people who are not dormant today but will be within <see cref="DormantSoonDays"/>
    /// days: every t with today &lt; DormantOn(t) &lt;= today + 30. DormantOn only grows with t, so the dates
    /// form one range; found by walking from the inverse guess because month ends make AddMonths uneven.
    /// </summary>
    public static (DateOnly From, DateOnly To) BecomingDormantLastTouch(ClassificationRules rules, DateOnly today)
    {
        var horizon = today.AddDays(DormantSoonDays);
        var from = today.AddMonths(-rules.DormantAfterMonths).AddDays(-4);
        while (DormantOn(from, rules) <= today) from = from.AddDays(1);
        var to = horizon.AddMonths(-rules.DormantAfterMonths).AddDays(4);
        while (DormantOn(to, rules) > horizon) to = to.AddDays(-1);
        return (from, to);
    }

    /// <summary>Members who joined after this day are still in their first months, when a second touch matters.</summary>
    public static DateOnly NewMemberSince(DateOnly today) => today.AddMonths(-SecondTouchMonths);

    /// <summary>The day by which a new member should have heard from the office again.</summary>
    public static DateOnly SecondTouchDue(DateOnly joinedOn) => joinedOn.AddMonths(SecondTouchMonths);
}
