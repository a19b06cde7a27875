using MemberHub.Payments;

namespace MemberHub.Tests.Unit.Payments;

public class PaymentMatcherTests
{
    private static readonly DateOnly ThisYear = new(2026, 4, 1);
    private static readonly DateOnly LastYear = new(2025, 4, 1);
    private static long _nextInvoice = 1;

    private static OpenInvoice Invoice(long memberId, string kana, long due = 5000, DateOnly? issued = null,
        long? household = null, string? memberNumber = null) =>
        new(_nextInvoice, $"2026-{_nextInvoice++:0000}", memberId, memberNumber ?? memberId.ToString(), kana, due, issued ?? ThisYear, household);

    private static BankCredit Credit(string payer, long amount, string id = "c1") => new(id, new DateOnly(2026, 4, 10), amount, payer);

    private static MatchProposal ProposeOne(BankCredit credit, IReadOnlyList<OpenInvoice> invoices, params PayerAlias[] aliases) =>
        Assert.Single(PaymentMatcher.Propose([credit], invoices, aliases));

    private static readonly OpenInvoice[] Register =
    [
        Invoice(1023, "ヤマダ タロウ"),
        Invoice(1024, "スズキ ハナコ"),
        Invoice(1025, "ハットリ シュンスケ"),
        Invoice(1026, "すみす じょーじ"),
        Invoice(1027, "ｻﾄｳ ﾏｺﾄ"),
        Invoice(1028, "カブシキガイシャ ヤマダショウジ", due: 10000),
        Invoice(1029, "タナカ ケンイチ"),
    ];

    [Theory]
    [InlineData("1023 ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("1023ﾔﾏﾀﾞﾀﾛｳ")]
    [InlineData("01023 ﾔﾏﾀﾞ ﾀﾛｳ")]
    public void Member_number_before_the_name_is_found(string payer)
    {
        var p = ProposeOne(Credit(payer, 5000), Register);

        Assert.True(p.AutoApply);
        var first = p.Candidates[0];
        Assert.Equal(1023, first.MemberId);
        Assert.True(first.Reasons.HasFlag(MatchReasons.MemberNumber));
        Assert.Equal([new Allocation(Register[0].InvoiceId, 5000)], first.Allocations);
    }

    [Theory]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ 1023")]
    [InlineData("ﾔﾏﾀﾞﾀﾛｳ1023")]
    public void Member_number_after_the_name_is_found(string payer)
    {
        var p = ProposeOne(Credit(payer, 5000), Register);
        Assert.True(p.AutoApply);
        Assert.Equal(1023, p.Candidates[0].MemberId);
    }

    [Fact]
    public void Leading_zeros_of_a_member_number_may_be_typed_or_dropped()
    {
        var invoices = new[] { Invoice(7, "タナカ ケンイチ", memberNumber: "02001") };
        var p = ProposeOne(Credit("2001 ﾀﾅｶ ｹﾝｲﾁ", 5000), invoices);
        Assert.True(p.AutoApply);
        Assert.Equal(7, p.Candidates[0].MemberId);
    }

    [Fact]
    public void An_invoice_number_in_the_payer_name_identifies_the_member()
    {
        var invoice = Register[2];
        var p = ProposeOne(Credit($"{invoice.InvoiceNumber.Replace("-", "")} ﾊﾂﾄﾘ", 5000), Register);
        Assert.Equal(invoice.MemberId, p.Candidates[0].MemberId);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.InvoiceNumber));
        Assert.True(p.AutoApply);
    }

    [Theory]
    [InlineData("ﾊﾂﾄﾘ ｼﾕﾝｽｹ", 1025)]
    [InlineData("ｽﾐｽ ｼﾞﾖ-ｼﾞ", 1026)]
    [InlineData("ｻﾄｳﾏｺﾄ", 1027)]
    [InlineData("ヤマダ　タロウ", 1023)]
    public void Small_kana_in_furigana_match_bank_names(string payer, long member)
    {
        var p = ProposeOne(Credit(payer, 5000), Register);
        Assert.True(p.AutoApply);
        Assert.Equal(member, p.Candidates[0].MemberId);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.FullName));
    }

    [Theory]
    [InlineData("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ")]
    [InlineData("ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ")]
    [InlineData("カ）ヤマダショウジ")]
    public void A_company_is_found_whatever_the_place_of_its_legal_form(string payer)
    {
        var p = ProposeOne(Credit(payer, 10000), Register);
        Assert.True(p.AutoApply);
        Assert.Equal(1028, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_company_is_not_taken_for_a_person_of_the_same_reading()
    {
        var invoices = new[] { Invoice(1, "ヤマダ ショウジ") };   // 山田昭二, a person
        var p = ProposeOne(Credit("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", 5000), invoices);
        Assert.False(p.AutoApply);
    }

    [Fact]
    public void A_name_cut_at_48_bytes_still_finds_the_member()
    {
        const string full = "トクテイヒエイリカツドウホウジン ニホンチイキフクシシエンセンター トウキョウトシブヤクシブヤシテンジムキョクダイイチブ";
        var invoices = new[] { Invoice(1, full, due: 10000), Invoice(2, "ヤマダ タロウ") };
        var cut = "ﾄｸﾋ)ﾆﾎﾝﾁｲｷﾌｸｼｼｴﾝｾﾝﾀ-ﾄｳｷﾖｳﾄｼﾌﾞﾔｸｼﾌﾞﾔｼﾃﾝｼﾞﾑｷﾖｸﾀﾞｲｲﾁﾌﾞ"[..48];   // ends in ﾀﾞｲｲﾁ

        var p = ProposeOne(Credit(cut, 10000), invoices);

        Assert.Equal(1, p.Candidates[0].MemberId);
        Assert.True(p.AutoApply);
    }

    [Fact]
    public void A_remembered_payer_finds_the_member()
    {
        var p = ProposeOne(Credit("ﾔﾏﾀﾞ ﾊﾅｺ", 5000), Register, new PayerAlias("ﾔﾏﾀﾞ ﾊﾅｺ", 1023));
        Assert.True(p.AutoApply);
        Assert.Equal(1023, p.Candidates[0].MemberId);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.RememberedPayer));
    }

    [Fact]
    public void An_employer_remembered_for_a_member_finds_the_member()
    {
        var p = ProposeOne(Credit("ｶ)ﾐﾗｲｹﾝｾﾂ", 5000), Register, new PayerAlias("カ）ミライケンセツ", 1029));
        Assert.True(p.AutoApply);
        Assert.Equal(1029, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_payer_remembered_for_two_members_is_never_auto_applied()
    {
        var p = ProposeOne(Credit("ｶ)ﾐﾗｲｹﾝｾﾂ", 5000), Register,
            new PayerAlias("ｶ)ﾐﾗｲｹﾝｾﾂ", 1029), new PayerAlias("ｶ)ﾐﾗｲｹﾝｾﾂ", 1024));
        Assert.False(p.AutoApply);
        Assert.Equal([1024L, 1029L], p.Candidates.Select(c => c.MemberId).Order());
    }

    [Fact]
    public void A_spouse_typing_the_member_number_is_applied()
    {
        var p = ProposeOne(Credit("1023 ﾔﾏﾀﾞ ﾊﾅｺ", 5000), Register);
        Assert.True(p.AutoApply);
        Assert.Equal(1023, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_spouse_without_number_or_memory_is_proposed_but_not_applied()
    {
        var p = ProposeOne(Credit("ﾔﾏﾀﾞ ﾊﾅｺ", 5000), Register);
        Assert.False(p.AutoApply);
        Assert.Equal(1023, p.Candidates[0].MemberId);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.FamilyName));
    }

    [Fact]
    public void A_number_reference_beats_a_remembered_payer_which_beats_a_name()
    {
        var invoices = new[] { Invoice(1, "ヤマダ タロウ"), Invoice(2, "ヤマダ ハナコ"), Invoice(3, "サトウ マコト") };
        var p = ProposeOne(Credit("3 ﾔﾏﾀﾞ ﾊﾅｺ", 5000), invoices, new PayerAlias("ﾔﾏﾀﾞ ﾊﾅｺ", 1));

        Assert.Equal([3L, 1L, 2L], p.Candidates.Select(c => c.MemberId));
        Assert.False(p.AutoApply);   // three members claim this payment
    }

    [Fact]
    public void An_exact_amount_ranks_a_namesake_first_but_is_never_enough_to_apply()
    {
        var invoices = new[] { Invoice(1, "ヤマダ タロウ", due: 3000), Invoice(2, "ヤマダ タロウ", due: 5000) };
        var p = ProposeOne(Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000), invoices);

        Assert.Equal(2, p.Candidates[0].MemberId);
        Assert.False(p.AutoApply);
    }

    [Fact]
    public void Two_equally_likely_members_are_never_auto_applied()
    {
        var invoices = new[] { Invoice(1, "ヤマダ タロウ"), Invoice(2, "やまだ たろう") };
        var p = ProposeOne(Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000), invoices);

        Assert.False(p.AutoApply);
        Assert.Equal(2, p.Candidates.Count);
        Assert.Equal(p.Candidates[0].Score, p.Candidates[1].Score);
        Assert.Equal(1, p.Candidates[0].MemberId);   // ties in member order, so the output is stable
    }

    [Fact]
    public void A_number_of_one_member_and_the_name_of_another_are_never_auto_applied()
    {
        var p = ProposeOne(Credit("1024 ﾔﾏﾀﾞ ﾀﾛｳ", 5000), Register);
        Assert.False(p.AutoApply);
        Assert.Contains(p.Candidates, c => c.MemberId == 1023);
        Assert.Contains(p.Candidates, c => c.MemberId == 1024);
    }

    [Fact]
    public void A_number_that_belongs_to_no_open_member_stops_a_name_match()
    {
        // 1099 may be a namesake who has paid already: the name alone must not decide
        var p = ProposeOne(Credit("1099 ﾔﾏﾀﾞ ﾀﾛｳ", 5000), Register);
        Assert.False(p.AutoApply);
        Assert.Equal(1023, p.Candidates[0].MemberId);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.ConflictingEvidence));
    }

    [Fact]
    public void Arrears_and_this_year_paid_at_once()
    {
        var arrears = Invoice(50, "コバヤシ ユウコ", issued: LastYear);
        var current = Invoice(50, "コバヤシ ユウコ");
        var p = ProposeOne(Credit("ｺﾊﾞﾔｼ ﾕｳｺ", 10000), [current, arrears]);

        Assert.True(p.AutoApply);
        Assert.Equal([new Allocation(arrears.InvoiceId, 5000), new Allocation(current.InvoiceId, 5000)], p.Candidates[0].Allocations);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.ExactAllInvoices));
    }

    [Fact]
    public void One_invoice_of_two_pays_the_oldest_first()
    {
        var arrears = Invoice(51, "コバヤシ ユウコ", issued: LastYear);
        var current = Invoice(51, "コバヤシ ユウコ");
        var p = ProposeOne(Credit("ｺﾊﾞﾔｼ ﾕｳｺ", 5000), [current, arrears]);

        Assert.True(p.AutoApply);
        Assert.Equal([new Allocation(arrears.InvoiceId, 5000)], p.Candidates[0].Allocations);
    }

    [Fact]
    public void One_transfer_for_two_members_of_a_household()
    {
        var husband = Invoice(60, "ヤマモト ケン", household: 9);
        var wife = Invoice(61, "ヤマモト ミキ", household: 9);
        var p = ProposeOne(Credit("ﾔﾏﾓﾄ ｹﾝ", 10000), [husband, wife]);

        Assert.True(p.AutoApply);
        var first = p.Candidates[0];
        Assert.Equal(60, first.MemberId);
        Assert.True(first.Reasons.HasFlag(MatchReasons.ExactHousehold));
        Assert.Equal([husband.InvoiceId, wife.InvoiceId], first.Allocations.Select(a => a.InvoiceId));
        Assert.Equal(10000, first.Allocations.Sum(a => a.Amount));
    }

    [Fact]
    public void Ten_thousand_from_a_member_without_a_household_is_a_surplus_not_a_household_payment()
    {
        var p = ProposeOne(Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 10000), Register);
        Assert.False(p.AutoApply);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.Surplus));
        Assert.Equal(5000, p.Candidates[0].Unallocated);
    }

    [Theory]
    [InlineData(4560)]
    [InlineData(4780)]
    [InlineData(4120)]
    public void A_fee_deducted_by_the_payer_is_proposed_but_never_applied(long amount)
    {
        var p = ProposeOne(Credit("ｽｽﾞｷ ﾊﾅｺ", amount), Register);

        Assert.False(p.AutoApply);
        var first = p.Candidates[0];
        Assert.Equal(1024, first.MemberId);
        Assert.True(first.Reasons.HasFlag(MatchReasons.FeeDeducted));
        Assert.Equal(amount, first.Allocations.Sum(a => a.Amount));
        Assert.Equal(5000 - amount, first.Shortfall);
    }

    [Fact]
    public void Dues_plus_a_donation_is_proposed_with_the_surplus_and_not_applied()
    {
        var p = ProposeOne(Credit("1024 ｽｽﾞｷ ﾊﾅｺ", 8000), Register);

        Assert.False(p.AutoApply);
        var first = p.Candidates[0];
        Assert.Equal(1024, first.MemberId);
        Assert.Equal(5000, first.Allocations.Single().Amount);
        Assert.Equal(3000, first.Unallocated);
        Assert.True(first.Reasons.HasFlag(MatchReasons.Surplus));
    }

    [Fact]
    public void An_amount_that_does_not_fit_is_never_applied()
    {
        var p = ProposeOne(Credit("1023 ﾔﾏﾀﾞ ﾀﾛｳ", 2000), Register);
        Assert.False(p.AutoApply);
        Assert.Equal(1023, p.Candidates[0].MemberId);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.PartialPayment));
        Assert.Equal(2000, p.Candidates[0].Allocations.Single().Amount);
    }

    [Fact]
    public void A_member_with_nothing_open_is_never_applied()
    {
        var p = ProposeOne(Credit("ﾔﾏﾀﾞ ﾊﾅｺ", 5000), Register, new PayerAlias("ﾔﾏﾀﾞ ﾊﾅｺ", 4444));

        Assert.False(p.AutoApply);
        var first = p.Candidates[0];
        Assert.Equal(4444, first.MemberId);
        Assert.Empty(first.Allocations);
        Assert.True(first.Reasons.HasFlag(MatchReasons.NothingOpen));
    }

    [Fact]
    public void Same_transfer_twice_does_not_overpay()
    {
        var credits = new[] { Credit("1023 ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "a"), Credit("1023 ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "a#2") };

        var proposals = PaymentMatcher.Propose(credits, Register, []);

        Assert.True(proposals[0].AutoApply);
        Assert.False(proposals[1].AutoApply);
        var allocated = proposals.SelectMany(p => p.Candidates.Take(1)).SelectMany(c => c.Allocations)
            .Where(a => a.InvoiceId == Register[0].InvoiceId).Sum(a => a.Amount);
        Assert.Equal(5000, allocated);
        Assert.True(proposals[1].Candidates[0].Reasons.HasFlag(MatchReasons.NothingOpen));
    }

    [Fact]
    public void A_clear_credit_later_in_the_file_keeps_its_invoice_from_an_unclear_one_before_it()
    {
        var invoices = new[] { Invoice(1, "ヤマダ タロウ"), Invoice(2, "ヤマダ タロウ") };
        var credits = new[] { Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "unclear"), Credit("1 ﾔﾏﾀﾞ ﾀﾛｳ", 5000, "clear") };

        var proposals = PaymentMatcher.Propose(credits, invoices, []);

        Assert.Equal(["unclear", "clear"], proposals.Select(p => p.CreditId));
        Assert.True(proposals[1].AutoApply);
        Assert.Equal(1, proposals[1].Candidates[0].MemberId);
        Assert.Equal(2, proposals[0].Candidates[0].MemberId);   // the only one still open
    }

    [Fact]
    public void No_invoice_ever_receives_more_than_is_due_across_a_batch()
    {
        var credits = Enumerable.Range(0, 6).Select(i => Credit("ﾔﾏﾀﾞ ﾀﾛｳ", 3000, $"c{i}")).ToArray();
        var invoices = new[] { Invoice(1, "ヤマダ タロウ", due: 5000, issued: LastYear), Invoice(1, "ヤマダ タロウ", due: 5000) };

        var proposals = PaymentMatcher.Propose(credits, invoices, []);

        foreach (var invoice in invoices)
            Assert.True(proposals.SelectMany(p => p.Candidates.Take(1)).SelectMany(c => c.Allocations)
                .Where(a => a.InvoiceId == invoice.InvoiceId).Sum(a => a.Amount) <= invoice.AmountDue);
        Assert.All(proposals, p => Assert.False(p.AutoApply));
    }

    [Fact]
    public void A_payer_nobody_knows_gets_no_candidates()
    {
        var p = ProposeOne(Credit("ｶ)ｾﾞﾝｾﾞﾝﾁｶﾞｳｼﾔ", 5000), Register);
        Assert.Empty(p.Candidates);
        Assert.False(p.AutoApply);
    }

    [Fact]
    public void A_cash_deposit_without_a_name_gets_no_candidates() =>
        Assert.Empty(ProposeOne(Credit("", 3000), Register).Candidates);

    [Fact]
    public void A_misspelt_name_is_proposed_but_not_applied()
    {
        var p = ProposeOne(Credit("ﾊﾂﾄﾘ ｼﾕﾝｽｹｲ", 5000), Register);
        Assert.False(p.AutoApply);
        Assert.Equal(1025, p.Candidates[0].MemberId);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.SimilarName));
    }

    [Fact]
    public void Output_is_in_credit_order_and_the_same_every_time()
    {
        var credits = Register.Select((inv, i) => Credit(inv.MemberNameKana, inv.AmountDue, $"c{i}")).Reverse().ToArray();

        var once = PaymentMatcher.Propose(credits, Register, []);
        var again = PaymentMatcher.Propose(credits, Register.Reverse().ToArray(), []);

        Assert.Equal(credits.Select(c => c.Id), once.Select(p => p.CreditId));
        Assert.Equal(once.Select(p => (p.CreditId, p.AutoApply, p.Candidates[0].MemberId, p.Candidates[0].Score)),
            again.Select(p => (p.CreditId, p.AutoApply, p.Candidates[0].MemberId, p.Candidates[0].Score)));
    }

    [Fact]
    public void The_fixture_file_matches_as_a_treasurer_would()
    {
        var credits = ZenginReader.ReadCredits(new MemoryStream(File.ReadAllBytes(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "zengin", "furikomi-01-crlf.txt"))));
        var invoices = new[]
        {
            Invoice(1023, "ヤマダ タロウ"), Invoice(2, "カブシキガイシャ ヤマダショウジ", due: 10000), Invoice(3, "スズキ ハナコ"),
            Invoice(4, "ハットリ シュンスケ", due: 6000), Invoice(5, "トクテイヒエイリカツドウホウジン サクラノカイ", due: 3000),
            Invoice(6, "スミス ジョージ"),
        };

        var proposals = PaymentMatcher.Propose(credits, invoices, []);

        Assert.Equal([1023L, 2, 3, 4, 5, 6], proposals.Select(p => p.Candidates[0].MemberId));
        Assert.Equal([true, true, false, true, true, true], proposals.Select(p => p.AutoApply));
    }

    [Fact]
    public void A_number_with_the_name_tells_namesakes_apart()
    {
        var invoices = new[] { Invoice(1, "ヤマダ タロウ"), Invoice(2, "ヤマダ タロウ") };
        var p = ProposeOne(Credit("2 ﾔﾏﾀﾞ ﾀﾛｳ", 5000), invoices, new PayerAlias("ﾔﾏﾀﾞ ﾀﾛｳ", 1));
        Assert.True(p.AutoApply);
        Assert.Equal(2, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_branch_after_the_company_name_is_not_part_of_the_name()
    {
        var invoices = new[] { Invoice(1, "ミライケンセツ", due: 10000), Invoice(2, "サトウ マコト") };
        Assert.True(ProposeOne(Credit("ｶ)ﾐﾗｲｹﾝｾﾂ ﾄｳｷﾖｳｼﾃﾝ", 10000), invoices).AutoApply);
        Assert.True(ProposeOne(Credit("ﾐﾗｲｹﾝｾﾂ(ｶ)ｵｵｻｶｴｲｷﾞﾖｳｼﾖ", 10000), invoices).AutoApply);
        Assert.True(ProposeOne(Credit("1 ｶ)ﾐﾗｲｹﾝｾﾂﾎﾝｼﾔ", 10000), invoices).AutoApply);
    }

    [Fact]
    public void Organisations_with_different_legal_forms_are_different()
    {
        var invoices = new[] { Invoice(1, "カブシキガイシャ サンフドウサン", due: 10000), Invoice(2, "イッパンシャダンホウジン サンフドウサン", due: 10000) };
        var p = ProposeOne(Credit("ｼﾔ)ｻﾝﾌﾄﾞｳｻﾝ", 10000), invoices);
        Assert.True(p.AutoApply);
        Assert.Equal(2, p.Candidates[0].MemberId);
    }

    [Fact]
    public void An_organisation_whose_legal_form_staff_left_out_is_ambiguous_with_a_namesake()
    {
        var invoices = new[] { Invoice(1, "サンフドウサン", due: 10000), Invoice(2, "イッパンシャダンホウジン サンフドウサン", due: 10000) };
        Assert.False(ProposeOne(Credit("ｼﾔ)ｻﾝﾌﾄﾞｳｻﾝ", 10000), invoices).AutoApply);
    }

    [Fact]
    public void A_spouse_typing_the_number_is_applied_when_staff_typed_no_space()
    {
        var invoices = new[] { Invoice(1, "マツモトジュンイチ") };
        Assert.True(ProposeOne(Credit("1 ﾏﾂﾓﾄ ｻｸﾗ", 5000), invoices).AutoApply);
    }

    [Fact]
    public void A_mistyped_number_with_an_unrelated_name_is_never_applied()
    {
        // 1024 is スズキ ハナコ; the payer is ヤマダ タロウ (1023) who swapped two digits
        var p = ProposeOne(Credit("1024ﾔﾏﾀﾞ ﾀﾛｳ", 5000), Register);
        Assert.False(p.AutoApply);
    }

    [Fact]
    public void Name_alone_can_be_kept_from_applying_automatically()
    {
        var strict = MatchOptions.Default with { AutoApplyOnNameAlone = false };
        var byName = PaymentMatcher.Propose([Credit("ﾊﾂﾄﾘ ｼﾕﾝｽｹ", 5000)], Register, [], strict).Single();
        var byNumber = PaymentMatcher.Propose([Credit("1025 ﾊﾂﾄﾘ ｼﾕﾝｽｹ", 5000)], Register, [], strict).Single();

        Assert.False(byName.AutoApply);
        Assert.Equal(1025, byName.Candidates[0].MemberId);
        Assert.True(byNumber.AutoApply);
    }

    [Fact]
    public void Different_names_that_differ_by_a_long_vowel_are_not_confused()
    {
        var invoices = new[] { Invoice(1, "クドウ ユウナ"), Invoice(2, "クドウ ユナ") };
        var p = ProposeOne(Credit("ｸﾄﾞｳ ﾕﾅ", 5000), invoices);
        Assert.True(p.AutoApply);
        Assert.Equal(2, p.Candidates[0].MemberId);
    }

    [Fact]
    public void A_fee_deducted_from_a_household_transfer_is_proposed_for_the_household()
    {
        var husband = Invoice(70, "ヤマモト ケン", household: 8);
        var wife = Invoice(71, "ヤマモト ミキ", household: 8);
        var p = ProposeOne(Credit("ﾔﾏﾓﾄ ｹﾝ", 9560), [husband, wife]);

        Assert.False(p.AutoApply);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.FeeDeducted));
        Assert.Equal(440, p.Candidates[0].Shortfall);
        Assert.Equal(9560, p.Candidates[0].Allocations.Sum(a => a.Amount));
    }

    [Fact]
    public void A_number_beats_a_remembered_payer_whatever_the_amounts()
    {
        var invoices = new[] { Invoice(1, "ヤマダ タロウ", due: 5000), Invoice(2, "サトウ マコト", due: 3000) };
        var p = ProposeOne(Credit("2 ﾔﾏﾀﾞ ﾊﾅｺ", 5000), invoices, new PayerAlias("ﾔﾏﾀﾞ ﾊﾅｺ", 1));
        Assert.Equal([2L, 1L], p.Candidates.Select(c => c.MemberId));
        Assert.True(p.Candidates[0].Score > p.Candidates[1].Score);
    }

    [Fact]
    public void A_remembered_payer_beats_a_name_with_an_exact_amount()
    {
        var invoices = new[] { Invoice(1, "ヤマダ タロウ", due: 3000), Invoice(2, "ヤマダ ハナコ", due: 5000) };
        var p = ProposeOne(Credit("ﾔﾏﾀﾞ ﾊﾅｺ", 5000), invoices, new PayerAlias("ﾔﾏﾀﾞ ﾊﾅｺ", 1));
        Assert.Equal([1L, 2L], p.Candidates.Select(c => c.MemberId));
        Assert.False(p.AutoApply);
    }

    [Theory]
    [InlineData("20260003 ﾊﾂﾄﾘ")]
    [InlineData("2026-0003 ﾊﾂﾄﾘ")]
    [InlineData("ﾊﾂﾄﾘ 2026-3")]
    public void An_invoice_number_is_found_however_it_is_typed(string payer)
    {
        var invoices = new[] { new OpenInvoice(3, "2026-0003", 77, "1077", "ハットリ シュンスケ", 5000, ThisYear, null) };
        var p = ProposeOne(Credit(payer, 5000), invoices);
        Assert.True(p.Candidates[0].Reasons.HasFlag(MatchReasons.InvoiceNumber));
        Assert.True(p.AutoApply);
    }
}
