using MemberHub.Common;
using MemberHub.Thanks;

namespace MemberHub.Tests.Unit;

public class ThankYouRulesTests
{
    [Fact]
    public void E_mail_when_the_member_has_an_address_and_accepts_it() =>
        Assert.Equal(new ThankYouRoute(ThankYouChannel.Email, false, null), ThankYouRules.RouteFor("a@example.jp", false, false));

    [Theory]
    [InlineData(null, false)]
    [InlineData(" ", false)]
    [InlineData("a@example.jp", true)]
    public void A_letter_without_an_address_or_when_e_mail_is_refused(string? email, bool refusesEmail) =>
        Assert.Equal(ThankYouChannel.Letter, ThankYouRules.RouteFor(email, refusesEmail, false).Channel);

    [Fact]
    public void Nothing_for_a_member_who_refuses_post_and_e_mail()
    {
        var route = ThankYouRules.RouteFor("a@example.jp", true, true);
        Assert.True(route.Skip);
        Assert.Equal(ThankYouRules.RefusesBothNote, route.Note);
    }

    [Fact]
    public void A_withdrawal_letter_goes_by_post_unless_post_is_refused()
    {
        Assert.Equal(ThankYouChannel.Letter, ThankYouRules.WithdrawalRouteFor("a@example.jp", false, false).Channel);
        Assert.Equal(ThankYouChannel.Email, ThankYouRules.WithdrawalRouteFor("a@example.jp", false, true).Channel);
        Assert.True(ThankYouRules.WithdrawalRouteFor(null, false, true).Skip);
    }

    [Theory]
    [InlineData("2015-04-01", "2026-11-20", "2015年4月から11年間")]
    [InlineData("2015-04-10", "2016-04-09", "2015年4月から11か月間")]
    [InlineData("2015-04-10", "2016-04-10", "2015年4月から1年間")]
    [InlineData("2026-11-01", "2026-11-20", "2026年11月から1か月間")]
    public void Membership_is_counted_in_whole_years_or_months(string joined, string left, string expected) =>
        Assert.Equal(expected, ThankYouRules.MembershipSpan(DateOnly.Parse(joined), DateOnly.Parse(left)));

    [Fact]
    public void Consecutive_years_are_shortened() =>
        Assert.Equal("2016・2018〜2021・2023・2024年度", ThankYouRules.YearsList([2021, 2016, 2018, 2019, 2020, 2023, 2024, 2019]));

    [Fact]
    public void Hours_and_minutes() => Assert.Equal(("12時間30分", "45分", ""), (ThankYouRules.Hours(750), ThankYouRules.Hours(45), ThankYouRules.Hours(0)));

    [Fact]
    public void The_contribution_names_only_what_there_was()
    {
        var c = new MemberContribution(new DateOnly(2015, 4, 1), new DateOnly(2026, 11, 20), [2023, 2024, 2025], new Yen(15_000), Yen.Zero, 90);
        Assert.Equal("・会費：2023〜2025年度（3年度分、合計15,000円）\n・ボランティア活動：1時間30分", c.Lines());
        Assert.Equal("2015年4月から11年間", c.Fields()["在籍期間"]);
        var nothing = new MemberContribution(new DateOnly(2026, 4, 1), new DateOnly(2026, 11, 20), [], Yen.Zero, Yen.Zero, 0);
        Assert.DoesNotContain("0円", nothing.Lines());
    }

    [Fact]
    public void Each_kind_and_channel_has_its_template() =>
        Assert.Equal(6, new[] { ThankYouKind.Dues, ThankYouKind.Donation, ThankYouKind.Withdrawal }
            .SelectMany(k => new[] { ThankYouTemplates.KeyFor(k, ThankYouChannel.Email), ThankYouTemplates.KeyFor(k, ThankYouChannel.Letter) })
            .Distinct().Count(ThankYouTemplates.IsThankYou));
}
