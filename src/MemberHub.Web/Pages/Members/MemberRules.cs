using FluentValidation;
using MemberHub.Common;
using MemberHub.Text;

namespace MemberHub.Web.Pages.Members;

/// <summary>The checks a member's contact details get wherever they are typed (staff form, マイページ).</summary>
public static class MemberRules
{
    public static IRuleBuilderOptions<T, string?> PostalCodeFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PostalCode.IsValid(v)).WithMessage("郵便番号は 123-4567 の形式（7桁）で入力してください。");

    public static IRuleBuilderOptions<T, string?> KnownPrefecture<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || Prefectures.IsKnown(v)).WithMessage("都道府県を一覧から選んでください。");

    public static IRuleBuilderOptions<T, string?> PhoneFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PhoneNumber.IsPlausible(v)).WithMessage("電話番号は 03-1234-5678 や 090-1234-5678 のように、0から始まる10桁か11桁で入力してください。");

    public static IRuleBuilderOptions<T, string?> EmailFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || IsEmail(v)).WithMessage("メールアドレスの形式が正しくありません（例：taro@example.jp）。");

    public static IRuleBuilderOptions<T, string?> Katakana<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || KanaNormalizer.IsKatakana(v)).WithMessage("フリガナはカタカナ（またはひらがな）で入力してください。");

    public static IRuleBuilderOptions<T, string?> DateFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || DateInput.TryParse(v) is not null).WithMessage("日付は 2026/04/01 の形式で入力してください。");

    public static IRuleBuilderOptions<T, string?> Max<T>(this IRuleBuilder<T, string?> rule, int length) =>
        rule.Must(v => v is null || v.Length <= length).WithMessage($"{length}文字以内で入力してください。");

    /// <summary>One @, something before it, a dot in the domain, no spaces: what a mail server will accept in practice.</summary>
    public static bool IsEmail(string v) =>
        System.Text.RegularExpressions.Regex.IsMatch(v, @"^[^@\s]+@[^@\s]+\.[^@\s]+$");
}

/// <summary>Turns what people type into the stored form before it is checked (full-width digits, hiragana furigana…).</summary>
public static class MemberInput
{
    public static string? Text(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    public static string? Kana(string? v) => string.IsNullOrWhiteSpace(v) ? null : KanaNormalizer.ToKatakana(v);
    public static string? Postal(string? v) => string.IsNullOrWhiteSpace(v) ? null : PostalCode.Tidy(v);
    public static string? Phone(string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        var tidy = PhoneNumber.Tidy(v);
        return tidy.Length == 0 ? v.Trim() : tidy;
    }
    public static string? Email(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Normalize(System.Text.NormalizationForm.FormKC).Trim();
}
