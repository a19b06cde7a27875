using MemberHub.Common;
using MemberHub.FollowUp;
using MemberHub.Members;
using MemberHub.Text;

namespace MemberHub.Tests.Unit.FollowUp;

public class TodayRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_week_within_one_month_is_one_range()
    {
        var (from, to) = TodayRules.BirthdayWeek(D(2026, 11, 23));
        Assert.Equal(D(2026, 11, 29), to);
        Assert.Equal([(1123, 1129)], MonthDay.Ranges(from, to));
    }

    [Fact]
    public void A_week_across_a_month_end_is_still_one_range()
    {
        var (from, to) = TodayRules.BirthdayWeek(D(2026, 11, 28));
        Assert.Equal([(1128, 1204)], MonthDay.Ranges(from, to));
    }

    [Fact]
    public void A_week_across_the_new_year_is_two_ranges()
    {
        var (from, to) = TodayRules.BirthdayWeek(D(2026, 12, 29));
        Assert.Equal([(1229, 1231), (101, 104)], MonthDay.Ranges(from, to));
        Assert.Equal(D(2027, 1, 2), MonthDay.OccurrenceBetween(102, from, to));
        Assert.Equal(D(2026, 12, 31), MonthDay.OccurrenceBetween(1231, from, to));
        Assert.Null(MonthDay.OccurrenceBetween(105, from, to));
    }

    [Fact]
    public void Born_on_29_February_is_greeted_on_28_February_in_other_years()
    {
        var (from, to) = TodayRules.BirthdayWeek(D(2027, 2, 22));
        Assert.Equal([(222, 229)], MonthDay.Ranges(from, to));
        Assert.Equal(D(2027, 2, 28), MonthDay.OccurrenceBetween(229, from, to));
    }

    [Fact]
    public void Born_on_29_February_is_greeted_on_the_day_in_a_leap_year()
    {
        var (from, to) = TodayRules.BirthdayWeek(D(2028, 2, 27));
        Assert.Equal([(227, 304)], MonthDay.Ranges(from, to));
        Assert.Equal(D(2028, 2, 29), MonthDay.OccurrenceBetween(229, from, to));
    }

    [Fact]
    public void Month_day_is_month_times_hundred_plus_day() => Assert.Equal(1231, MonthDay.Of(D(1950, 12, 31)));

    [Fact]
    public void The_anniversary_month_is_the_whole_calendar_month()
    {
        Assert.Equal((D(2026, 2, 1), D(2026, 2, 28)), TodayRules.AnniversaryMonth(D(2026, 2, 14)));
        Assert.Equal((D(2026, 11, 1), D(2026, 11, 30)), TodayRules.AnniversaryMonth(D(2026, 11, 23)));
    }

    [Theory]
    [InlineData("2020-11-23", "2026-11-23", 6)]
    [InlineData("2020-11-24", "2026-11-23", 5)]
    [InlineData("2026-04-01", "2026-11-23", 0)]
    [InlineData("2024-02-29", "2025-02-28", 1)]
    [InlineData("2024-02-29", "2028-02-29", 4)]
    public void Years_of_membership_count_completed_years(string joined, string on, int years) =>
        Assert.Equal(years, TodayRules.YearsOfMembership(DateOnly.Parse(joined), DateOnly.Parse(on)));

    [Fact]
    public void Becoming_dormant_covers_exactly_the_next_thirty_days()
    {
        var rules = ClassificationRules.Default; // 12 months
        var today = D(2026, 11, 23);
        var (from, to) = TodayRules.BecomingDormantLastTouch(rules, today);
        Assert.Equal(D(2025, 11, 24), from); // dormant tomorrow
        Assert.Equal(D(2025, 12, 23), to);   // dormant in 30 days
        // Agrees with the classifier: dormant today is not "becoming", the day after the window is not yet.
        Assert.Equal(Dormancy.Dormant, Classify(D(2025, 11, 23), today));
        Assert.Equal(Dormancy.Active, Classify(from, today));
        Assert.Equal(Dormancy.Dormant, Classify(from, today.AddDays(1)));
        Assert.Equal(Dormancy.Dormant, Classify(to, today.AddDays(30)));
        Assert.Equal(Dormancy.Active, Classify(to.AddDays(1), today.AddDays(30)));
    }

    [Fact]
    public void Becoming_dormant_follows_the_rule_the_admin_set()
    {
        var rules = new ClassificationRules { DormantAfterMonths = 6 };
        var (from, to) = TodayRules.BecomingDormantLastTouch(rules, D(2026, 11, 23));
        Assert.Equal(D(2026, 5, 24), from);
        Assert.Equal(D(2026, 6, 23), to);
    }

    [Fact]
    public void Becoming_dormant_at_a_month_end_leaves_no_gap()
    {
        // 31 March + 11 months = 28 February: people last seen on 29–31 March turn dormant on 28 February too.
        var rules = new ClassificationRules { DormantAfterMonths = 11 };
        var today = D(2027, 2, 27);
        var (from, _) = TodayRules.BecomingDormantLastTouch(rules, today);
        Assert.Equal(D(2026, 3, 28), from);
        Assert.Equal(D(2027, 2, 28), TodayRules.DormantOn(D(2026, 3, 31), rules));
    }

    private static Dormancy Classify(DateOnly lastPayment, DateOnly today) =>
        SupporterClassifier.Classify(new SupporterHistory([new PaymentFact(lastPayment, 5000)], null, D(2020, 4, 1)), ClassificationRules.Default, today).Dormancy;

    [Fact]
    public void A_new_member_should_hear_from_us_within_three_months()
    {
        Assert.Equal(D(2026, 8, 23), TodayRules.NewMemberSince(D(2026, 11, 23)));
        Assert.Equal(D(2027, 1, 31), TodayRules.SecondTouchDue(D(2026, 10, 31)));
    }

    [Theory]
    [InlineData("03-1234-5678", "0312345678")]
    [InlineData("０３－１２３４－５６７８", "0312345678")]
    [InlineData("+81 3-1234-5678", "0312345678")]
    [InlineData("+81 90 1234 5678", "09012345678")]
    [InlineData("(03)1234-5678", "0312345678")]
    public void A_member_keeps_the_digits_of_their_phones_for_the_caller_lookup(string typed, string digits)
    {
        var m = new Member { Phone = typed, MobilePhone = null, JoinedOn = D(2024, 4, 1), Birthday = D(1960, 2, 29) };
        m.RefreshSearchText();
        Assert.Equal(digits, m.PhoneDigits);
        Assert.Null(m.MobileDigits);
        Assert.Equal(229, m.BirthMonthDay);
        Assert.Equal(401, m.JoinedMonthDay);
        Assert.Equal(digits, PhoneNumber.Digits(typed));
    }
}
