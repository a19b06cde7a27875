using MemberHub.Payments;

namespace MemberHub.Tests.Unit.Payments;

/// <summary>When a name alone may be posted without a person looking: the rules of PaymentMatcher's AutoApply, one by one.</summary>
public class AutoApplyRuleTests
{
    private static readonly DateOnly Issued = new(2026, 4, 1);

    private static OpenInvoice Invoice(long invoiceId, long memberId, string kana, long due = 5000, long? household = null) =>
        new(invoiceId, $"2026-{invoiceId:0000}", memberId, memberId.ToString(), kana, due, Issued, household);

    private static BankCredit Credit(string payer, long amount, string id = "c1") => new(id, new DateOnly(2026, 4, 10), amount, payer);

    private static IReadOnlyList<MatchProposal> Propose(IReadOnlyList<BankCredit> credits, IReadOnlyList<OpenInvoice> invoices,
        IReadOnlyList<RegisteredMember>? register = null, params PayerAlias[] aliases) =>
        PaymentMatcher.Propose(credits, invoices, aliases, MatchOptions.Default, register);

    [Fact]
    public void A_name_unique_in_the_whole_register_with_the_exact_amount_is_applied()
    {
        var register = new[] { new RegisteredMember(1, "1", "ヤマダ タロウ"), new RegisteredMember(2, "2", "スズキ ハナコ") };

        var p = Assert.Single(Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000)], [Invoice(1, 1, "ヤマダ タロウ")], register));

        Assert.True(p.AutoApply);
        Assert.Equal(1, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_namesake_who_has_nothing_open_stops_automatic_posting()
    {
        var register = new[] { new RegisteredMember(1, "1", "ヤマダ タロウ"), new RegisteredMember(2, "2", "やまだ たろう") };

        var p = Assert.Single(Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000)], [Invoice(1, 1, "ヤマダ タロウ")], register));

        Assert.False(p.AutoApply);
        Assert.Equal(1, p.Candidates[0].MemberId);   // still the first suggestion
    }

    [Fact]
    public void Without_the_register_only_members_with_open_invoices_are_compared()
    {
        var p = Assert.Single(Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000)], [Invoice(1, 1, "ヤマダ タロウ")]));

        Assert.True(p.AutoApply);
    }

    [Fact]
    public void Two_members_of_the_same_name_with_something_open_are_never_applied()
    {
        var p = Assert.Single(Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000)], [Invoice(1, 1, "ヤマダ タロウ"), Invoice(2, 2, "ヤマダタロウ")]));

        Assert.False(p.AutoApply);
    }

    [Theory]
    [InlineData(4560)]    // bank fee deducted
    [InlineData(7000)]    // dues plus a donation
    [InlineData(3000)]    // part of the dues
    public void A_name_alone_with_an_amount_that_does_not_fit_is_never_applied(long amount)
    {
        var p = Assert.Single(Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", amount)], [Invoice(1, 1, "ヤマダ タロウ")], [new RegisteredMember(1, "1", "ヤマダ タロウ")]));

        Assert.False(p.AutoApply);
    }

    [Fact]
    public void A_member_with_nothing_open_is_never_applied()
    {
        var p = Assert.Single(Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000)], [Invoice(2, 2, "スズキ ハナコ")], [new RegisteredMember(1, "1", "ヤマダ タロウ")]));

        Assert.False(p.AutoApply);
    }

    [Fact]
    public void The_same_name_twice_in_one_file_is_left_for_a_person()
    {
        var proposals = Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "a"), Credit("ﾔﾏﾀﾞﾀﾛｳ", 5000, "b")],
            [Invoice(1, 1, "ヤマダ タロウ"), Invoice(2, 1, "ヤマダ タロウ")]);

        Assert.All(proposals, p => Assert.False(p.AutoApply));
    }

    [Fact]
    public void A_name_one_letter_from_another_member_with_the_same_amount_open_is_left_for_a_person()
    {
        // ウエノ シュンゾゾウ is a typo in the register for ウエノ シュンゾウ's namesake: either could be the payer.
        var p = Assert.Single(Propose([Credit("ｳｴﾉｼﾕﾝｿﾞｳ", 5000)], [Invoice(1, 1, "ウエノ シュンゾウ"), Invoice(2, 2, "ウエノシュンゾゾウ")]));

        Assert.False(p.AutoApply);
        Assert.Equal(1, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_similar_name_without_that_amount_open_does_not_stop_automatic_posting()
    {
        var p = Assert.Single(Propose([Credit("ｳｴﾉｼﾕﾝｿﾞｳ", 5000)], [Invoice(1, 1, "ウエノ シュンゾウ"), Invoice(2, 2, "ウエノシュンゾゾウ", due: 3000)]));

        Assert.True(p.AutoApply);
    }

    [Fact]
    public void Another_branch_of_the_organisation_is_left_for_a_person()
    {
        var p = Assert.Single(Propose([Credit("ﾀﾞｲｲﾁﾌｱ-ﾑ(ｶ ﾄｳｷﾖｳｼﾃﾝ", 5000)], [Invoice(1, 1, "ダイイチファーム シブヤジムショ")]));

        Assert.False(p.AutoApply);
    }

    [Fact]
    public void The_same_branch_of_the_organisation_is_applied()
    {
        var p = Assert.Single(Propose([Credit("ﾀﾞｲｲﾁﾌｱ-ﾑ(ｶ ｼﾌﾞﾔｼﾞﾑｼﾖ", 5000)], [Invoice(1, 1, "ダイイチファーム シブヤジムショ")]));

        Assert.True(p.AutoApply);
    }

    [Fact]
    public void A_member_number_with_the_name_is_applied_even_when_the_name_is_shared()
    {
        var register = new[] { new RegisteredMember(1023, "1023", "ヤマダ タロウ"), new RegisteredMember(2, "2", "ヤマダ タロウ") };

        var p = Assert.Single(Propose([Credit("1023 ﾔﾏﾀﾞ ﾀﾛｳ", 5000)], [Invoice(1, 1023, "ヤマダ タロウ")], register));

        Assert.True(p.AutoApply);
        Assert.Equal(1023, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_member_of_the_register_with_nothing_open_is_proposed_but_never_applied()
    {
        var register = new[] { new RegisteredMember(7, "7", "ヤマダ タロウ") };

        var p = Assert.Single(Propose([Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000)], [Invoice(2, 2, "スズキ ハナコ")], register));

        Assert.False(p.AutoApply);
        Assert.Equal(7, p.Candidates[0].MemberId);
        Assert.True((p.Candidates[0].Reasons & MatchReasons.NothingOpen) != 0);
        Assert.Empty(p.Candidates[0].Allocations);
    }

    [Fact]
    public void Two_transfers_claiming_one_invoice_by_name_are_both_left_for_a_person()
    {
        // A spouse named like another member (マツモト ミキ, 5,000円 open) pays for マツモト ヒロノリ, and マツモト ミキ's own
        // transfer (fee deducted, her furigana typed without the サ) is in the same file: which one pays her invoice?
        var invoices = new[] { Invoice(1, 1, "マツモト ミキ"), Invoice(2, 2, "マツモト ヒロノリ") };
        var register = new[] { new RegisteredMember(1, "1", "マツモト ミキ"), new RegisteredMember(2, "2", "マツモト ヒロノリ") };

        var proposals = Propose([Credit("ﾏﾂﾓﾄ ﾐｷ", 5000, "spouse"), Credit("ﾏﾂﾓﾄ ﾐｻｷ", 4780, "own")], invoices, register);

        Assert.All(proposals, p => Assert.False(p.AutoApply));
        Assert.Equal(1, proposals[0].Candidates[0].MemberId);
        Assert.True((proposals[0].Candidates[0].Reasons & MatchReasons.ContestedInBatch) != 0);
    }

    [Fact]
    public void A_remembered_payer_is_not_applied_when_the_member_pays_the_same_invoice_in_the_same_file()
    {
        var invoices = new[] { Invoice(1, 1, "ツチヤ ヨシコ"), Invoice(2, 2, "ツチヤ リョウホ") };

        var proposals = Propose([Credit("ﾂﾁﾔ ﾐｷ", 5000, "remembered"), Credit("ﾂﾁﾔ ﾖｼｺ", 5000, "own")], invoices, null,
            new PayerAlias("ﾂﾁﾔ ﾐｷ", 1));

        Assert.All(proposals, p => Assert.False(p.AutoApply));
    }

    [Fact]
    public void A_transfer_with_the_member_number_wins_over_a_name_alone_for_the_same_invoice()
    {
        var invoices = new[] { Invoice(1, 31915, "パシフィックファーム"), Invoice(2, 2, "ヤマダ タロウ") };

        var proposals = Propose([Credit("31915 ﾊﾟｼﾌｲﾂｸﾌｱ-ﾑ(ﾄｸﾋ)", 5000, "numbered"), Credit("ｼﾔ)ﾊﾟｼﾌｲﾂｸﾌｱ-ﾑ", 5000, "name")], invoices);

        Assert.True(proposals[0].AutoApply);
        Assert.False(proposals[1].AutoApply);
    }

    [Fact]
    public void Two_transfers_for_two_open_invoices_of_one_member_are_not_a_contest()
    {
        // Arrears and this year in two transfers: together they pay no more than is due.
        var invoices = new[] { Invoice(1, 1, "ヤマダ タロウ"), Invoice(2, 1, "ヤマダ タロウ", 6000) };

        var proposals = Propose([Credit("1 ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "a"), Credit("1 ﾔﾏﾀﾞ ﾀﾛｳ", 6000, "b")], invoices);

        Assert.All(proposals, p => Assert.True(p.AutoApply));
    }

    [Fact]
    public void A_line_repeated_word_for_word_does_not_stop_the_first_one()
    {
        var proposals = Propose([Credit("1 ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "a"), Credit("1 ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "b")], [Invoice(1, 1, "ヤマダ タロウ")]);

        Assert.True(proposals[0].AutoApply);
        Assert.False(proposals[1].AutoApply);
    }

    [Fact]
    public void The_members_own_transfer_with_a_donation_also_claims_the_invoice()
    {
        // The company pays its dues and a donation (13,000円); an employer of the same name pays 10,000円 for someone.
        var invoices = new[] { Invoice(1, 1, "ワカバホケン トウキョウシテン", 10000), Invoice(2, 2, "ジョウノ フミシ", 10000) };

        var proposals = Propose([Credit("ｼﾔ)ﾜｶﾊﾞﾎｹﾝ", 10000, "employer"), Credit("ﾜｶﾊﾞﾎｹﾝ(ｶ)ﾄｳｷﾖｳｼﾃﾝ", 13000, "own")], invoices);

        Assert.Equal(1, proposals[0].Candidates[0].MemberId);
        Assert.False(proposals[0].AutoApply);
    }
}
