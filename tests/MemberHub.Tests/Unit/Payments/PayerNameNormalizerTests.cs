using MemberHub.Payments;

namespace MemberHub.Tests.Unit.Payments;

public class PayerNameNormalizerTests
{
    private static string Key(string s) => PayerNameNormalizer.ForMatching(s);

    [Theory]
    [InlineData("ｼﾖｳｼﾞ", "ショウジ")]
    [InlineData("ﾊﾂﾄﾘ ｼﾕﾝｽｹ", "ハットリ シュンスケ")]
    [InlineData("ﾊﾂﾄﾘ ｼﾕﾝｽｹ", "はっとり　しゅんすけ")]
    [InlineData("ﾊﾂﾄﾘ ｼﾕﾝｽｹ", "ﾊｯﾄﾘ ｼｭﾝｽｹ")]
    [InlineData("ﾊﾂﾄﾘｼﾕﾝｽｹ", "ハットリ シュンスケ")]
    public void Small_kana_in_furigana_match_bank_names(string bank, string furigana) =>
        Assert.Equal(Key(furigana), Key(bank));

    [Theory]
    [InlineData("ｽﾐｽ ｼﾞﾖ-ｼﾞ", "スミス ジョージ")]
    [InlineData("ｽﾐｽ ｼﾞﾖ-ｼﾞ", "スミス ジョウジ")]
    [InlineData("ｻﾄ- ﾕｶ", "サトウ ユカ")]
    [InlineData("ｵｵﾉ ﾕｳｺ", "オオノ ユーコ")]
    public void Long_vowels_written_as_dash_or_u_read_alike(string bank, string furigana) =>
        Assert.Equal(Key(furigana), Key(bank));

    [Fact]
    public void Different_names_stay_different()
    {
        Assert.NotEqual(Key("ｵｵﾉ ﾕｳｺ"), Key("ｵﾉ ﾕｳｺ"));
        Assert.NotEqual(Key("ﾔﾏﾀﾞ ﾀﾛｳ"), Key("ﾔﾏﾀﾞ ｼﾞﾛｳ"));
    }

    [Theory]
    [InlineData("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ")]
    [InlineData("(ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ")]
    [InlineData("ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ")]
    [InlineData("ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ)")]
    [InlineData("ｶ) ﾔﾏﾀﾞ ｼﾖｳｼﾞ")]
    [InlineData("カ）ヤマダショウジ")]
    [InlineData("株式会社 ヤマダショウジ")]
    [InlineData("カブシキガイシャ ヤマダショウジ")]
    [InlineData("ヤマダショウジ　カブシキガイシャ")]
    [InlineData("（株）ヤマダショウジ")]
    public void Legal_forms_are_stripped_wherever_they_stand(string name)
    {
        var p = PayerNameNormalizer.Parse(name);
        Assert.Equal(Key("ヤマダショウジ"), p.LooseKey);
        Assert.True(p.IsCompany);
    }

    [Theory]
    [InlineData("ﾔﾏﾀﾞ(ｶ)ｼﾃﾝ", "ヤマダシテン")]
    [InlineData("ﾄｸﾋ)ｻｸﾗﾉｶｲ", "サクラノカイ")]
    [InlineData("ｲ)ﾐﾄﾞﾘｶｲ", "ミドリカイ")]
    [InlineData("ﾐﾄﾞﾘｶｲ(ｲ", "ミドリカイ")]
    [InlineData("ｼﾔ)ﾆﾎﾝﾌｸｼｷﾖｳｶｲ", "ニホンフクシキヨウカイ")]
    [InlineData("ﾌｸ)ｱｵｿﾞﾗ", "アオゾラ")]
    [InlineData("ﾄﾞ)ﾐﾗｲ", "ミライ")]
    [InlineData("トクテイヒエイリカツドウホウジン　サクラノカイ", "サクラノカイ")]
    public void Abbreviations_of_other_legal_forms(string name, string plain)
    {
        var p = PayerNameNormalizer.Parse(name);
        Assert.Equal(Key(plain), p.LooseKey);
        Assert.True(p.IsCompany);
    }

    [Fact]
    public void A_person_is_not_a_company() => Assert.False(PayerNameNormalizer.Parse("ﾔﾏﾀﾞ ﾀﾛｳ").IsCompany);

    [Theory]
    [InlineData("1023 ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("1023ﾔﾏﾀﾞﾀﾛｳ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ 1023")]
    [InlineData("ﾔﾏﾀﾞﾀﾛｳ1023")]
    [InlineData("001023 ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("１０２３　ヤマダ　タロウ")]
    [InlineData("ｶｲﾋ 1023 ﾔﾏﾀﾞ ﾀﾛｳ")]
    public void Numbers_are_taken_out_of_the_name(string payer)
    {
        var p = PayerNameNormalizer.Parse(payer);
        Assert.Contains("1023", p.Numbers);
        Assert.Equal(Key("ヤマダ タロウ"), p.LooseKey);
    }

    [Fact]
    public void A_hyphenated_invoice_number_is_also_read_as_one_number()
    {
        var p = PayerNameNormalizer.Parse("2026-0012 ﾔﾏﾀﾞ");
        Assert.Contains("20260012", p.Numbers);
        Assert.Contains("12", p.Numbers);
    }

    [Fact]
    public void Number_keys_drop_leading_zeros_and_letters()
    {
        Assert.Equal("1023", PayerNameNormalizer.NumberKey("01023"));
        Assert.Equal("1023", PayerNameNormalizer.NumberKey("M-01023"));
        Assert.Equal("1023", PayerNameNormalizer.NumberKey("１０２３"));
    }

    [Fact]
    public void The_family_name_is_the_first_word()
    {
        Assert.Equal(Key("ヤマダ"), PayerNameNormalizer.Parse("1023 ﾔﾏﾀﾞ ﾊﾅｺ").FamilyKey);
        Assert.Equal("", PayerNameNormalizer.Parse("ﾔﾏﾀﾞﾊﾅｺ").FamilyKey);
    }

    [Fact]
    public void A_name_filling_the_48_byte_field_may_have_been_cut()
    {
        Assert.True(PayerNameNormalizer.Parse("ﾄｸﾋ)ﾆﾎﾝﾁｲｷﾌｸｼｼｴﾝｾﾝﾀ-ﾄｳｷﾖｳﾄｼﾌﾞﾔｸｼﾌﾞﾔｼﾃﾝｼﾞﾑｷﾖｸﾀﾞｲｲﾁ").MayBeTruncated);
        Assert.False(PayerNameNormalizer.Parse("ﾔﾏﾀﾞ ﾀﾛｳ").MayBeTruncated);
    }
}

public class PayerNameNormalizerMoreTests
{
    private static string Key(string s) => PayerNameNormalizer.ForMatching(s);

    [Fact]
    public void KanaNormalizer_offers_the_same_matching_form() =>
        Assert.Equal(Key("ヤマダ　タロウ"), MemberHub.Text.KanaNormalizer.ForMatching("ﾔﾏﾀﾞ ﾀﾛｳ"));

    [Fact]
    public void Uu_is_kept_apart_from_u() => Assert.NotEqual(Key("ﾕｳﾅ"), Key("ﾕﾅ"));

    [Theory]
    [InlineData("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ ﾄｳｷﾖｳｼﾃﾝ")]
    [InlineData("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ ﾎﾝｼﾔ")]
    [InlineData("ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ) ｵｵｻｶｴｲｷﾞﾖｳｼﾖ")]
    public void A_branch_word_after_the_name_is_dropped(string payer) =>
        Assert.Equal(Key("ヤマダショウジ"), Key(payer));

    [Fact]
    public void A_branch_glued_to_the_name_gives_possible_cuts() =>
        Assert.Contains(Key("ヤマダショウジ"), PayerNameNormalizer.Parse("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞﾄｳｷﾖｳｼﾃﾝ").WithoutBranch);

    [Fact]
    public void A_name_that_is_all_branch_like_is_kept_when_it_is_the_only_word() =>
        Assert.NotEqual("", Key("1023 ｼﾌﾞﾔｼﾃﾝ"));

    [Theory]
    [InlineData("ｶ)ﾔﾏﾀﾞ", "カ")]
    [InlineData("カブシキガイシャ ヤマダ", "カ")]
    [InlineData("ﾔﾏﾀﾞ(ﾄｸﾋ", "トクヒ")]
    [InlineData("トクテイヒエイリカツドウホウジン ヤマダ", "トクヒ")]
    [InlineData("ｲﾂｼﾔ)ﾔﾏﾀﾞ", "シヤ")]
    [InlineData("イッパンシャダンホウジン ヤマダ", "シヤ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "")]
    public void The_kind_of_legal_form_is_kept(string name, string form) =>
        Assert.Equal(form, PayerNameNormalizer.Parse(name).LegalForm);
}
