using System.Text;

namespace MemberHub.Members;

/// <summary>The member field a column of an imported spreadsheet goes into.</summary>
public enum MemberImportField
{
    Ignore = 0,
    Name,
    NameKana,
    Kind,
    MemberClass,
    Units,
    Status,
    JoinedOn,
    PostalCode,
    Prefecture,
    City,
    Street,
    Building,
    Phone,
    MobilePhone,
    Email,
    Birthday,
    ContactPerson,
    Tags,
    Notes,
    MemberNumber,
}

/// <summary>
/// Labels of the import fields and the guess of which field a spreadsheet column holds, from the header
/// names Japanese member lists commonly use (氏名, ﾌﾘｶﾞﾅ, 〒, TEL, E-mail …).
/// </summary>
public static class MemberImportFields
{
    public static readonly IReadOnlyList<(MemberImportField Field, string Label)> All =
    [
        (MemberImportField.Ignore, "（取り込まない）"),
        (MemberImportField.MemberNumber, "会員番号"),
        (MemberImportField.Name, "氏名・団体名"),
        (MemberImportField.NameKana, "フリガナ"),
        (MemberImportField.Kind, "種別（個人／団体）"),
        (MemberImportField.MemberClass, "会員種別"),
        (MemberImportField.Units, "口数"),
        (MemberImportField.Status, "状態"),
        (MemberImportField.JoinedOn, "入会日"),
        (MemberImportField.PostalCode, "郵便番号"),
        (MemberImportField.Prefecture, "都道府県"),
        (MemberImportField.City, "市区町村"),
        (MemberImportField.Street, "番地"),
        (MemberImportField.Building, "建物名"),
        (MemberImportField.Phone, "電話"),
        (MemberImportField.MobilePhone, "携帯"),
        (MemberImportField.Email, "メール"),
        (MemberImportField.Birthday, "生年月日"),
        (MemberImportField.ContactPerson, "担当者名（団体）"),
        (MemberImportField.Tags, "タグ"),
        (MemberImportField.Notes, "メモ"),
    ];

    public static string Label(MemberImportField field) => All.First(f => f.Field == field).Label;

    // Header names after Fold(): NFKC, lower case, no spaces, brackets or punctuation.
    private static readonly (MemberImportField Field, string[] Names)[] Synonyms =
    [
        (MemberImportField.MemberNumber, ["会員番号", "会員no", "会員id", "番号", "no", "id", "会員コード"]),
        (MemberImportField.NameKana, ["フリガナ", "ふりがな", "氏名フリガナ", "氏名カナ", "カナ", "かな", "よみ", "読み", "よみがな", "団体名フリガナ", "氏名ふりがな", "フリガナ氏名"]),
        (MemberImportField.Name, ["氏名", "名前", "お名前", "会員名", "氏名団体名", "団体名", "氏名または団体名", "name"]),
        (MemberImportField.Kind, ["種別", "個人団体", "個人法人", "区分", "個人団体区分"]),
        (MemberImportField.MemberClass, ["会員種別", "会員区分", "会員種類", "種類"]),
        (MemberImportField.Units, ["口数", "口"]),
        (MemberImportField.Status, ["状態", "状況", "ステータス", "在籍状況", "会員状態"]),
        (MemberImportField.JoinedOn, ["入会日", "入会年月日", "登録日", "入会"]),
        (MemberImportField.PostalCode, ["郵便番号", "〒", "郵便", "zip"]),
        (MemberImportField.Prefecture, ["都道府県", "県", "住所都道府県"]),
        (MemberImportField.City, ["市区町村", "市町村", "住所1", "住所市区町村", "市区郡"]),
        (MemberImportField.Street, ["番地", "町名番地", "住所", "住所2", "町域番地", "丁目番地"]),
        (MemberImportField.Building, ["建物名", "建物", "マンション名", "住所3", "建物名部屋番号", "アパートマンション名"]),
        (MemberImportField.Phone, ["電話", "電話番号", "tel", "自宅電話", "固定電話", "連絡先電話"]),
        (MemberImportField.MobilePhone, ["携帯", "携帯電話", "携帯番号", "携帯電話番号", "mobile"]),
        (MemberImportField.Email, ["メール", "メールアドレス", "email", "e-mail", "mail", "eメール", "アドレス"]),
        (MemberImportField.Birthday, ["生年月日", "誕生日", "生年"]),
        (MemberImportField.ContactPerson, ["担当者", "担当者名", "ご担当者", "ご担当者名", "連絡担当者", "代表者"]),
        (MemberImportField.Tags, ["タグ", "分類", "ラベル", "tags"]),
        (MemberImportField.Notes, ["メモ", "備考", "備考欄", "特記事項", "コメント"]),
    ];

    /// <summary>The field a column with this header most likely holds, or <see cref="MemberImportField.Ignore"/>.</summary>
    public static MemberImportField Guess(string? header)
    {
        var h = Fold(header);
        if (h.Length == 0) return MemberImportField.Ignore;
        foreach (var (field, names) in Synonyms)
            if (names.Contains(h)) return field;
        // Looser: "携帯電話(本人)" or "自宅TEL" contain a known name.
        if (h.Contains("フリガナ") || h.Contains("ふりがな") || h.Contains("カナ")) return MemberImportField.NameKana;
        if (h.Contains("携帯")) return MemberImportField.MobilePhone;
        if (h.Contains("メール") || h.Contains("mail")) return MemberImportField.Email;
        if (h.Contains("電話") || h.Contains("tel")) return MemberImportField.Phone;
        if (h.Contains("郵便")) return MemberImportField.PostalCode;
        if (h.Contains("生年月日") || h.Contains("誕生")) return MemberImportField.Birthday;
        if (h.Contains("入会")) return MemberImportField.JoinedOn;
        if (h.Contains("担当")) return MemberImportField.ContactPerson;
        if (h.Contains("備考") || h.Contains("メモ")) return MemberImportField.Notes;
        return MemberImportField.Ignore;
    }

    /// <summary>
    /// Guesses every column; a field is given to the first column only, so two "電話" columns do not both
    /// feed the same field (the second stays 取り込まない for the user to decide).
    /// </summary>
    public static IReadOnlyList<MemberImportField> GuessAll(IEnumerable<string?> headers)
    {
        var taken = new HashSet<MemberImportField>();
        var result = new List<MemberImportField>();
        foreach (var h in headers)
        {
            var f = Guess(h);
            if (f != MemberImportField.Ignore && !taken.Add(f))
            {
                // A second phone column is usually the mobile one.
                f = f == MemberImportField.Phone && taken.Add(MemberImportField.MobilePhone) ? MemberImportField.MobilePhone : MemberImportField.Ignore;
            }
            result.Add(f);
        }
        return result;
    }

    private static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '（' or '）' or '・' or '/' or '／' or '_' or '.' or ':' or '：' or '*' or '※' or '【' or '】' or '[' or ']') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
