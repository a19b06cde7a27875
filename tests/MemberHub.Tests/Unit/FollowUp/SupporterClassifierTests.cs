using MemberHub.FollowUp;

namespace MemberHub.Tests.Unit.FollowUp;

public class SupporterClassifierTests
{
    private static readonly ClassificationRules Rules = ClassificationRules.Default;
    private static readonly DateOnly Joined = new(2015, 4, 1);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static SupporterHistory Paid(params string[] dates) =>
        new(dates.Select(d => new PaymentFact(D(d), 5_000)).ToList(), null, Joined);

    private static SupporterPlacement At(SupporterHistory h, string today, ClassificationRules? rules = null) =>
        SupporterClassifier.Classify(h, rules ?? Rules, D(today));

    /// <summary>Dues every April, from a year on, for some years.</summary>
    private static SupporterHistory AnnualDues(int fromYear, int years) =>
        Paid(Enumerable.Range(fromYear, years).Select(y => $"{y}-04-15").ToArray());

    [Fact]
    public void Nobody_who_has_not_paid_is_a_prospect_without_a_class()
    {
        var p = At(new SupporterHistory([], null, D("2026-10-01")), "2026-11-23");
        Assert.Equal((SupporterClass.None, SupporterStage.Prospect, Dormancy.Active), (p.Class, p.Stage, p.Dormancy));
    }

    [Fact]
    public void One_payment_is_first_time_and_new()
    {
        var p = At(Paid("2026-05-01"), "2026-11-23");
        Assert.Equal((SupporterClass.FirstTime, SupporterStage.New), (p.Class, p.Stage));
    }

    [Fact]
    public void Two_payments_are_second_time_and_repeat()
    {
        var p = At(Paid("2025-05-01", "2026-05-01"), "2026-11-23");
        Assert.Equal((SupporterClass.Second, SupporterStage.Repeat), (p.Class, p.Stage));
    }

    [Fact]
    public void Two_payments_on_one_day_are_still_two()
    {
        Assert.Equal(SupporterClass.Second, At(Paid("2026-05-01", "2026-05-01"), "2026-11-23").Class);
    }

    [Fact]
    public void Annual_dues_for_five_years_are_loyal_and_a_fan()
    {
        var p = At(AnnualDues(2022, 5), "2026-11-23");
        Assert.Equal((SupporterClass.Loyal, SupporterStage.Fan), (p.Class, p.Stage));
    }

    [Fact]
    public void Annual_dues_for_four_years_are_steady_not_loyal()
    {
        var p = At(AnnualDues(2023, 4), "2026-11-23");
        Assert.Equal((SupporterClass.Steady, SupporterStage.Repeat), (p.Class, p.Stage));
    }

    [Fact]
    public void Loyal_gap_of_exactly_the_limit_is_regular_a_day_more_is_not()
    {
        // 2019-04-15 + 18 months = 2020-10-15.
        var onLimit = Paid("2019-04-15", "2020-10-15", "2021-10-15", "2022-10-15", "2023-10-15");
        var dayAfter = Paid("2019-04-15", "2020-10-16", "2021-10-15", "2022-10-15", "2023-10-15");
        var dayBefore = Paid("2019-04-15", "2020-10-14", "2021-10-15", "2022-10-15", "2023-10-15");
        Assert.Equal(SupporterClass.Loyal, At(dayBefore, "2024-01-01").Class);
        Assert.Equal(SupporterClass.Loyal, At(onLimit, "2024-01-01").Class);
        Assert.Equal(SupporterClass.Steady, At(dayAfter, "2024-01-01").Class);
    }

    [Fact]
    public void Loyal_years_are_calendar_years_with_a_payment()
    {
        // Five payments but only four calendar years.
        var fourYears = Paid("2022-01-10", "2022-12-20", "2023-12-20", "2024-12-20", "2025-12-20");
        Assert.Equal(SupporterClass.Steady, At(fourYears, "2026-01-05").Class);
        Assert.Equal(SupporterClass.Loyal, At(Paid("2021-12-31", "2022-12-20", "2023-12-20", "2024-12-20", "2025-12-20"), "2026-01-05").Class);
    }

    [Fact]
    public void A_burst_then_quiet_for_a_year_is_burst_from_the_day_the_year_is_over()
    {
        var h = Paid("2025-01-10", "2025-03-01", "2025-06-10");
        Assert.Equal(SupporterClass.Steady, At(h, "2026-06-09").Class);
        Assert.Equal(SupporterClass.Burst, At(h, "2026-06-10").Class);
        Assert.Equal(SupporterClass.Burst, At(h, "2026-06-11").Class);
    }

    [Fact]
    public void Burst_needs_the_payments_within_the_window_before_the_last_one()
    {
        // 2025-06-10 − 6 months = 2024-12-10: on the boundary counts, a day earlier does not.
        var inside = Paid("2024-12-10", "2025-03-01", "2025-06-10");
        var outside = Paid("2024-12-09", "2025-03-01", "2025-06-10");
        Assert.Equal(SupporterClass.Burst, At(inside, "2026-11-23").Class);
        Assert.Equal(SupporterClass.Steady, At(outside, "2026-11-23").Class);
    }

    [Fact]
    public void Burst_needs_enough_payments()
    {
        var rules = Rules with { BurstMinPayments = 4 };
        var h = Paid("2025-01-10", "2025-03-01", "2025-06-10");
        Assert.Equal(SupporterClass.Steady, At(h, "2026-11-23", rules).Class);
        Assert.Equal(SupporterClass.Burst, At(Paid("2025-01-10", "2025-02-01", "2025-03-01", "2025-06-10"), "2026-11-23", rules).Class);
    }

    [Fact]
    public void Loyal_comes_before_burst()
    {
        var h = Paid("2019-04-15", "2020-04-15", "2021-04-15", "2022-04-15", "2023-04-15", "2023-05-15", "2023-06-15");
        Assert.Equal(SupporterClass.Loyal, At(h, "2026-11-23").Class);
    }

    [Fact]
    public void Fan_needs_both_the_payments_and_the_years()
    {
        Assert.Equal(SupporterStage.Fan, At(Paid("2024-01-10", "2024-06-01", "2025-01-10", "2025-06-01", "2026-01-10"), "2026-11-23").Stage);
        // Five payments in two years.
        Assert.Equal(SupporterStage.Repeat, At(Paid("2025-01-10", "2025-03-01", "2025-06-01", "2026-01-10", "2026-03-01"), "2026-11-23").Stage);
        // Four payments in four years.
        Assert.Equal(SupporterStage.Repeat, At(AnnualDues(2023, 4), "2026-11-23").Stage);
    }

    [Fact]
    public void Dormant_from_the_day_twelve_months_after_the_last_payment()
    {
        var h = Paid("2025-04-10");
        Assert.Equal(Dormancy.Active, At(h, "2026-04-09").Dormancy);
        Assert.Equal(Dormancy.Dormant, At(h, "2026-04-10").Dormancy);
        Assert.Equal(Dormancy.Dormant, At(h, "2026-04-11").Dormancy);
    }

    [Fact]
    public void A_contact_after_the_last_payment_keeps_someone_active()
    {
        var h = Paid("2024-04-10") with { LastContactOn = D("2025-09-01") };
        Assert.Equal(Dormancy.Active, At(h, "2026-08-31").Dormancy);
        Assert.Equal(Dormancy.Dormant, At(h, "2026-09-01").Dormancy);
    }

    [Fact]
    public void A_new_member_without_payment_is_not_dormant_until_a_year_after_joining()
    {
        var h = new SupporterHistory([], null, D("2025-11-23"));
        Assert.Equal(Dormancy.Active, At(h, "2026-11-22").Dormancy);
        Assert.Equal(Dormancy.Dormant, At(h, "2026-11-23").Dormancy);
    }

    [Fact]
    public void Not_worth_mailing_from_the_day_thirty_six_months_are_over()
    {
        var h = Paid("2023-04-10");
        Assert.Equal(Dormancy.Dormant, At(h, "2026-04-09").Dormancy);
        Assert.Equal(Dormancy.DormantNoMailing, At(h, "2026-04-10").Dormancy);
        Assert.Equal(Dormancy.DormantNoMailing, At(h, "2026-04-11").Dormancy);
    }

    [Fact]
    public void Staff_can_keep_mailing_a_long_dormant_member()
    {
        var h = Paid("2020-04-10") with { KeepMailingWhenDormant = true };
        Assert.Equal(Dormancy.Dormant, At(h, "2026-11-23").Dormancy);
    }

    [Fact]
    public void The_periods_follow_the_rules()
    {
        var rules = Rules with { DormantAfterMonths = 6, StopMailingAfterMonths = 24 };
        var h = Paid("2025-04-10");
        Assert.Equal(Dormancy.Active, At(h, "2025-10-09", rules).Dormancy);
        Assert.Equal(Dormancy.Dormant, At(h, "2025-10-10", rules).Dormancy);
        Assert.Equal(Dormancy.DormantNoMailing, At(h, "2027-04-10", rules).Dormancy);
    }

    [Fact]
    public void Month_end_periods_end_on_the_last_day_of_the_shorter_month()
    {
        // 2025-03-31 + 11 months = 2026-02-28.
        var rules = Rules with { DormantAfterMonths = 11 };
        var h = Paid("2025-03-31");
        Assert.Equal(Dormancy.Active, At(h, "2026-02-27", rules).Dormancy);
        Assert.Equal(Dormancy.Dormant, At(h, "2026-02-28", rules).Dormancy);
    }

    [Fact]
    public void The_explanation_says_why_in_japanese()
    {
        var e = SupporterClassifier.Explain(Paid("2025-01-10", "2025-03-01", "2025-06-10"), Rules, D("2026-11-23"));
        Assert.Equal(SupporterClass.Burst, e.Placement.Class);
        Assert.Contains("2025年6月10日", e.ClassReason);
        Assert.Contains("3回", e.ClassReason);
        Assert.Contains("休眠", e.DormancyReason);
        var soon = SupporterClassifier.Explain(Paid("2026-05-01"), Rules, D("2026-11-23"));
        Assert.Contains("2027年5月1日まで", soon.DormancyReason);
    }

    [Fact]
    public void The_rules_are_described_with_the_thresholds()
    {
        var text = string.Join("\n", SupporterClassifier.Describe(Rules with { LoyalMinYears = 7, DormantAfterMonths = 9 }).Select(r => r.Name + r.Rule));
        Assert.Contains("優良", text);
        Assert.Contains("7つ以上の年", text);
        Assert.Contains("9か月", text);
        Assert.Contains("ファン", text);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Rules.Problems());
    }

    [Fact]
    public void Stop_mailing_must_come_after_dormancy()
    {
        var problems = (Rules with { DormantAfterMonths = 24, StopMailingAfterMonths = 24 }).Problems();
        Assert.Contains(problems, p => p.Field == nameof(ClassificationRules.StopMailingAfterMonths) && p.Message.Contains("長く"));
    }

    [Fact]
    public void Thresholds_out_of_range_are_refused_in_japanese()
    {
        var problems = (Rules with { DormantAfterMonths = 0, BurstMinPayments = 2, LoyalMinYears = 1 }).Problems();
        Assert.Contains(problems, p => p.Field == nameof(ClassificationRules.DormantAfterMonths) && p.Message.Contains("1〜120か月"));
        Assert.Contains(problems, p => p.Field == nameof(ClassificationRules.BurstMinPayments));
        Assert.Contains(problems, p => p.Field == nameof(ClassificationRules.LoyalMinYears));
    }

    [Theory]
    [InlineData("2025-01-31", "2025-02-27", 0)]
    [InlineData("2025-01-31", "2025-03-01", 1)]
    [InlineData("2025-04-15", "2026-10-15", 18)]
    [InlineData("2025-04-15", "2026-10-14", 17)]
    public void Whole_months_are_counted_like_add_months(string from, string to, int months)
    {
        Assert.Equal(months, SupporterClassifier.WholeMonths(D(from), D(to)));
    }
}
