using MemberHub.Text;

namespace MemberHub.Tests.Unit;

public class KanaNormalizerTests
{
    [Theory]
    [InlineData("ﾔﾏﾀﾞ")]
    [InlineData("ヤマダ")]
    [InlineData("やまだ")]
    [InlineData("ﾔ ﾏ ﾀﾞ")]
    public void Half_width_katakana_and_hiragana_fold_to_one_form(string typed) =>
        Assert.Equal("ヤマダ", KanaNormalizer.ForSearch(typed));

    [Fact]
    public void Small_kana_are_folded_because_banks_never_send_them() =>
        Assert.Equal(KanaNormalizer.ForSearch("ｼﾖｳｼﾞ"), KanaNormalizer.ForSearch("ショウジ"));

    [Fact]
    public void Spaces_of_any_width_are_ignored() =>
        Assert.Equal("ヤマダタロウ", KanaNormalizer.ForSearch("ヤマダ　タロウ"));

    [Fact]
    public void Full_width_letters_become_lower_case_ascii() =>
        Assert.Equal("yamada@example.jp", KanaNormalizer.ForSearch("ＹＡＭＡＤＡ＠ｅｘａｍｐｌｅ．ｊｐ"));

    [Theory]
    [InlineData("やまだ　たろう", "ヤマダ タロウ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ")]
    [InlineData("  スズキ   ハナコ ", "スズキ ハナコ")]
    public void Furigana_are_stored_as_full_width_katakana_with_single_spaces(string typed, string stored) =>
        Assert.Equal(stored, KanaNormalizer.ToKatakana(typed));

    [Theory]
    [InlineData("ヤマダ タロウ", true)]
    [InlineData("スミス ジョージ", true)]
    [InlineData("ヤマダ・タロウ", true)]
    [InlineData("山田", false)]
    [InlineData("yamada", false)]
    [InlineData("", false)]
    public void Katakana_check(string text, bool expected) =>
        Assert.Equal(expected, KanaNormalizer.IsKatakana(text));
}

public class PhoneNumberTests
{
    [Theory]
    [InlineData("03-1234-5678")]
    [InlineData("(03)1234-5678")]
    [InlineData("０３－１２３４－５６７８")]
    [InlineData("03 1234 5678")]
    [InlineData("+81 3-1234-5678")]
    public void Any_formatting_gives_the_same_digits(string typed) =>
        Assert.Equal("0312345678", PhoneNumber.Digits(typed));

    [Theory]
    [InlineData("090-1234-5678", true)]
    [InlineData("03-1234-5678", true)]
    [InlineData("1234", false)]
    [InlineData("12-3456-7890", false)]
    public void Plausible_japanese_numbers(string typed, bool expected) =>
        Assert.Equal(expected, PhoneNumber.IsPlausible(typed));
}

public class PostalCodeTests
{
    [Theory]
    [InlineData("1500001", "150-0001")]
    [InlineData("150-0001", "150-0001")]
    [InlineData("〒１５０－０００１", "150-0001")]
    [InlineData("150-00", "150-00")]
    public void Postal_codes_are_tidied(string typed, string expected) =>
        Assert.Equal(expected, PostalCode.Tidy(typed));

    [Theory]
    [InlineData("150-0001", true)]
    [InlineData("1500001", false)]
    [InlineData("150-001", false)]
    public void Only_the_NNN_NNNN_form_is_valid(string text, bool expected) =>
        Assert.Equal(expected, PostalCode.IsValid(text));
}
