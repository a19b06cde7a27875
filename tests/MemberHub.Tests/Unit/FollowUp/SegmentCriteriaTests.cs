using MemberHub.FollowUp;
using MemberHub.Members;

namespace MemberHub.Tests.Unit.FollowUp;

public class SegmentCriteriaTests
{
    [Fact]
    public void Empty_criteria_are_valid_and_describe_everyone() =>
        Assert.Equal(("すべての状態の会員", 0), (new SegmentCriteria().Describe(), new SegmentCriteria().Validate().Count));

    [Fact]
    public void An_amount_without_a_period_is_refused_in_Japanese()
    {
        var errors = new SegmentCriteria { PaidMin = 10_000 }.Validate();
        var (field, message) = Assert.Single(errors);
        Assert.Equal(nameof(SegmentCriteria.PaidFrom), field);
        Assert.Contains("期間", message);
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_refused() =>
        Assert.Contains(new SegmentCriteria { PaidFrom = new(2026, 4, 1), PaidTo = new(2027, 3, 31), PaidMin = 5_000, PaidMax = 1_000 }.Validate(),
            e => e.Field == nameof(SegmentCriteria.PaidMax));

    [Fact]
    public void A_period_ending_before_it_starts_is_refused() =>
        Assert.Contains(new SegmentCriteria { PaidFrom = new(2026, 4, 1), PaidTo = new(2026, 3, 31), PaidMin = 1 }.Validate(),
            e => e.Field == nameof(SegmentCriteria.PaidTo));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Birthday_months_are_1_to_12(int month) =>
        Assert.Contains(new SegmentCriteria { BirthdayMonth = month }.Validate(), e => e.Message == "誕生月は1〜12で指定してください。");

    [Fact]
    public void Joined_years_in_the_wrong_order_are_refused() =>
        Assert.Contains(new SegmentCriteria { JoinedYearFrom = 2024, JoinedYearTo = 2020 }.Validate(), e => e.Field == nameof(SegmentCriteria.JoinedYearTo));

    [Fact]
    public void Last_payment_range_that_cannot_match_is_refused() =>
        Assert.Single(new SegmentCriteria { LastPaymentOnOrAfter = new(2026, 1, 1), LastPaymentBefore = new(2025, 1, 1) }.Validate());

    [Fact]
    public void Unknown_prefectures_are_named_in_the_message() =>
        Assert.Contains(new SegmentCriteria { Prefectures = ["東京"] }.Validate(), e => e.Message == "都道府県「東京」が見つかりません。");

    [Fact]
    public void The_description_reads_as_plain_Japanese()
    {
        var c = new SegmentCriteria
        {
            Statuses = [MemberStatus.Active],
            Prefectures = ["東京都", "神奈川県"],
            TagIds = [7],
            Classes = [SupporterClass.Loyal],
            Dormancies = [Dormancy.Dormant],
            BirthdayMonth = 4,
            JoinedYearFrom = 2020,
            PaidFrom = new(2025, 4, 1), PaidTo = new(2026, 3, 31), PaidMin = 10_000,
            RefusesPost = false,
        };
        Assert.Equal("在籍の会員、分類が優良、休眠、タグ「理事」のいずれか、東京都・神奈川県在住、4月生まれ、2020年以降に入会、"
            + "2025年4月1日〜2026年3月31日の入金（会費・寄附）が10,000円以上、郵送拒否でない人",
            c.Describe(tagNames: new Dictionary<long, string> { [7] = "理事" }));
    }

    [Fact]
    public void Criteria_survive_a_round_trip_through_JSON()
    {
        var c = new SegmentCriteria { Stages = [SupporterStage.Fan], Interest = "園芸", PaidFrom = new(2026, 1, 1), PaidTo = new(2026, 12, 31), PaidMax = 0, NoBulkMail = false };
        var back = SegmentCriteria.FromJson(c.ToJson());
        Assert.Equal(c.ToJson(), back.ToJson());
        Assert.Equal([SupporterStage.Fan], back.Stages);
        Assert.Equal(0, back.PaidMax);
    }

    [Fact]
    public void Unreadable_JSON_counts_as_no_criteria() =>
        Assert.Equal(new SegmentCriteria().ToJson(), SegmentCriteria.FromJson("{not json").ToJson());
}

public class MailingAudienceTests
{
    private static AudienceFacts Person(MemberStatus status = MemberStatus.Active, bool refusesEmail = false, bool refusesPost = false,
        bool noBulk = false, bool optedOut = false, Dormancy dormancy = Dormancy.Active, string? email = "a@example.jp",
        string? postal = "100-0001", string? address = "東京都千代田区1-1") =>
        new(status, false, refusesEmail, refusesPost, noBulk, optedOut, dormancy, email, postal, address);

    [Theory]
    [InlineData(MemberStatus.Withdrawn)]
    [InlineData(MemberStatus.Deceased)]
    public void Withdrawn_and_deceased_members_receive_nothing(MemberStatus status) =>
        Assert.Equal(ExclusionReason.Withdrawn, MailingAudience.Check(Person(status), MailingChannel.Email, true));

    [Fact]
    public void E_mail_refusal_comes_before_everything_else_about_e_mail() =>
        Assert.Equal(ExclusionReason.RefusesEmail, MailingAudience.Check(Person(refusesEmail: true, noBulk: true, email: null), MailingChannel.Email, true));

    [Fact]
    public void No_bulk_mail_leaves_people_out_of_any_e_mail_mailing() =>
        Assert.Equal(ExclusionReason.NoBulkMail, MailingAudience.Check(Person(noBulk: true), MailingChannel.Email, false));

    [Fact]
    public void Stopping_a_newsletter_only_matters_for_that_list() =>
        Assert.Equal((ExclusionReason.OptedOutOfList, ExclusionReason.None),
            (MailingAudience.Check(Person(optedOut: true), MailingChannel.Email, true), MailingAudience.Check(Person(optedOut: true), MailingChannel.Email, false)));

    [Fact]
    public void Long_dormant_people_are_left_out() =>
        Assert.Equal(ExclusionReason.LongDormant, MailingAudience.Check(Person(dormancy: Dormancy.DormantNoMailing), MailingChannel.Letter, false));

    [Fact]
    public void Without_an_address_there_is_nothing_to_send_to() =>
        Assert.Equal((ExclusionReason.NoEmailAddress, ExclusionReason.NoPostalAddress),
            (MailingAudience.Check(Person(email: " "), MailingChannel.Email, false), MailingAudience.Check(Person(postal: null), MailingChannel.Labels, false)));

    [Fact]
    public void Post_refusal_leaves_people_out_of_letters_and_labels_but_not_e_mail() =>
        Assert.Equal((ExclusionReason.RefusesPost, ExclusionReason.RefusesPost, ExclusionReason.None),
            (MailingAudience.Check(Person(refusesPost: true), MailingChannel.Letter, true), MailingAudience.Check(Person(refusesPost: true), MailingChannel.Labels, false),
             MailingAudience.Check(Person(refusesPost: true), MailingChannel.Email, true)));

    [Fact]
    public void Greeting_cards_go_to_people_who_want_no_newsletters() =>
        Assert.Equal(ExclusionReason.None, MailingAudience.Check(Person(noBulk: true), MailingChannel.Labels, false));

    [Fact]
    public void The_summary_counts_each_reason_in_order() =>
        Assert.Equal("メール拒否 2名、この会報の配信停止 1名",
            MailingAudience.Summary([ExclusionReason.OptedOutOfList, ExclusionReason.None, ExclusionReason.RefusesEmail, ExclusionReason.RefusesEmail]));
}
