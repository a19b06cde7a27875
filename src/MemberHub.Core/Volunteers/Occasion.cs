namespace MemberHub.Volunteers;

/// <summary>
/// When a request's work happens: on a fixed day (with or without times, in Japan time), or any time
/// within a flexible period. A fixed day without times counts as the whole day.
/// </summary>
public readonly record struct Occasion(DateOnly From, DateOnly To, TimeOnly? Start, TimeOnly? End, bool IsFlexible)
{
    public static Occasion Fixed(DateOnly day, TimeOnly? start = null, TimeOnly? end = null) => new(day, day, start, end, false);
    public static Occasion Flexible(DateOnly from, DateOnly to) => new(from, to < from ? from : to, null, null, true);

    private static readonly TimeOnly Noon = new(12, 0);
    private static readonly TimeOnly Evening = new(17, 0);

    /// <summary>
    /// Two fixed occasions overlap when they share a day and their times meet; a day without times takes the
    /// whole day. A flexible request books nobody at a given hour, so it never overlaps.
    /// </summary>
    public bool Overlaps(Occasion other)
    {
        if (IsFlexible || other.IsFlexible) return false;
        if (From != other.From) return false;
        var (s1, e1) = (Start ?? TimeOnly.MinValue, End ?? TimeOnly.MaxValue);
        var (s2, e2) = (other.Start ?? TimeOnly.MinValue, other.End ?? TimeOnly.MaxValue);
        return s1 < e2 && s2 < e1;
    }

    /// <summary>
    /// The availability slots the work needs: for a fixed day, weekday or weekend and every part of the day
    /// its times touch (morning before 12:00, afternoon to 17:00, evening after). None for a flexible period.
    /// </summary>
    public Availability NeededSlots()
    {
        if (IsFlexible) return Availability.None;
        var weekend = From.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var start = Start ?? TimeOnly.MinValue;
        var end = End ?? (Start is null ? TimeOnly.MaxValue : start);
        var slots = Availability.None;
        if (start < Noon) slots |= weekend ? Availability.WeekendMorning : Availability.WeekdayMorning;
        if (start < Evening && end > Noon || start >= Noon && start < Evening) slots |= weekend ? Availability.WeekendAfternoon : Availability.WeekdayAfternoon;
        if (end > Evening || start >= Evening) slots |= weekend ? Availability.WeekendEvening : Availability.WeekdayEvening;
        return slots;
    }

    /// <summary>
    /// Whether someone with these availability slots is free for the work: every part of the day it touches;
    /// for a day without times, any part of that kind of day; for a flexible period, any slot at all.
    /// </summary>
    public bool Suits(Availability availability)
    {
        const Availability anySlot = Availability.WeekdayMorning | Availability.WeekdayAfternoon | Availability.WeekdayEvening
            | Availability.WeekendMorning | Availability.WeekendAfternoon | Availability.WeekendEvening;
        var needed = NeededSlots();
        if (IsFlexible) return (availability & anySlot) != 0;
        if (Start is null) return (availability & needed) != 0;
        return (availability & needed) == needed;
    }

    public bool Touches(DateOnly from, DateOnly to) => From <= to && from <= To;
}
