using MemberHub.Members;

namespace MemberHub.Tests.Unit;

public class MemberImportFieldsTests
{
    [Theory]
    [InlineData("氏名", MemberImportField.Name)]
    [InlineData("お名前", MemberImportField.Name)]
    [InlineData("フリガナ", MemberImportField.NameKana)]
    [InlineData("ﾌﾘｶﾞﾅ", MemberImportField.NameKana)]
    [InlineData("ふりがな", MemberImportField.NameKana)]
    [InlineData("氏名（フリガナ）", MemberImportField.NameKana)]
    [InlineData("会員番号", MemberImportField.MemberNumber)]
    [InlineData("会員No.", MemberImportField.MemberNumber)]
    [InlineData("会員区分", MemberImportField.MemberClass)]
    [InlineData("〒", MemberImportField.PostalCode)]
    [InlineData("郵便番号", MemberImportField.PostalCode)]
    [InlineData("TEL", MemberImportField.Phone)]
    [InlineData("電話番号", MemberImportField.Phone)]
    [InlineData("携帯電話", MemberImportField.MobilePhone)]
    [InlineData("E-mail", MemberImportField.Email)]
    [InlineData("メールアドレス", MemberImportField.Email)]
    [InlineData("生年月日", MemberImportField.Birthday)]
    [InlineData("入会年月日", MemberImportField.JoinedOn)]
    [InlineData("住所1", MemberImportField.City)]
    [InlineData("住所2", MemberImportField.Street)]
    [InlineData("備考", MemberImportField.Notes)]
    [InlineData("ご担当者名", MemberImportField.ContactPerson)]
    [InlineData("タグ", MemberImportField.Tags)]
    [InlineData("好きな色", MemberImportField.Ignore)]
    [InlineData("", MemberImportField.Ignore)]
    public void Common_japanese_headers_are_recognised(string header, MemberImportField expected) =>
        Assert.Equal(expected, MemberImportFields.Guess(header));

    [Fact]
    public void A_field_goes_to_the_first_column_only_and_a_second_phone_is_taken_as_the_mobile() =>
        Assert.Equal(
            [MemberImportField.Name, MemberImportField.Phone, MemberImportField.MobilePhone, MemberImportField.Ignore],
            MemberImportFields.GuessAll(["氏名", "電話", "TEL", "名前"]));
}
