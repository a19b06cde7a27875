using System.Globalization;
using MemberHub.Common;
using MemberHub.Messaging;

namespace MemberHub.Thanks;

/// <summary>
/// The templates of thank-you notes, by kind and channel. The dues ones (thanks-email, thanks-letter) came with the
/// billing migration; the others are added at start when missing (<see cref="Defaults"/>), so an organisation that
/// edited its texts keeps them.
/// </summary>
public static class ThankYouTemplates
{
    public const string DonationEmail = "thanks-donation-email";
    public const string DonationLetter = "thanks-donation-letter";
    public const string WithdrawalEmail = "withdrawal-email";
    public const string WithdrawalLetter = "withdrawal-letter";

    /// <summary>The merge fields a thank-you may use (besides the dues fields, which they share).</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["氏名", "会員番号", "年度", "金額", "入金日", "団体名", "入会日", "退会日", "在籍期間", "会費納入年度", "会費合計", "寄附合計", "ボランティア時間", "貢献の内容"];

    public static string KeyFor(ThankYouKind kind, ThankYouChannel channel) => (kind, channel) switch
    {
        (ThankYouKind.Donation, ThankYouChannel.Email) => DonationEmail,
        (ThankYouKind.Donation, _) => DonationLetter,
        (ThankYouKind.Withdrawal, ThankYouChannel.Email) => WithdrawalEmail,
        (ThankYouKind.Withdrawal, _) => WithdrawalLetter,
        (_, ThankYouChannel.Email) => TemplateKeys.ThankYouEmail,
        _ => TemplateKeys.ThankYouLetter,
    };

    /// <summary>Is this one of the thank-you templates (its editor lists <see cref="Fields"/>)?</summary>
    public static bool IsThankYou(string key) =>
        key is TemplateKeys.ThankYouEmail or TemplateKeys.ThankYouLetter or DonationEmail or DonationLetter or WithdrawalEmail or WithdrawalLetter;

    /// <summary>The text used when the database has none (and what is seeded at start): Key, Name, Subject, Body.</summary>
    public static readonly IReadOnlyList<(string Key, string Name, string Subject, string Body)> Defaults =
    [
        (DonationEmail, "寄附のお礼（メール）", "【{{団体名}}】ご寄附のお礼", """
            {{氏名}} 様

            このたびは{{団体名}}へ{{金額}}のご寄附をお寄せいただき（{{入金日}}ご入金）、心より御礼申し上げます。
            お預かりしたご寄附は、私たちの活動に大切に使わせていただきます。
            今後とも変わらぬご支援を賜りますよう、よろしくお願い申し上げます。

            {{団体名}} 事務局
            """),
        (DonationLetter, "寄附のお礼状（郵送）", "ご寄附のお礼", """
            拝啓　時下ますますご清祥のこととお慶び申し上げます。
            このたびは{{金額}}のご寄附をお寄せいただき（{{入金日}}ご入金）、心より御礼申し上げます。
            お預かりしたご寄附は、私たちの活動に大切に使わせていただきます。
            今後とも変わらぬご支援を賜りますよう、よろしくお願い申し上げます。
            敬具
            """),
        (WithdrawalLetter, "退会のお礼状（郵送）", "長年のご支援へのお礼", """
            拝啓　時下ますますご清祥のこととお慶び申し上げます。
            このたびは{{退会日}}をもって退会のお手続きをいただきました。
            {{在籍期間}}にわたり、{{団体名}}の会員として私たちの活動をお支えいただき、誠にありがとうございました。

            在籍中にお寄せいただいたご支援は次のとおりです。
            {{貢献の内容}}

            皆さまからいただいたお力は、これからの活動の中に生き続けます。
            今後のご健勝とご多幸を心よりお祈り申し上げますとともに、またいつでもお気軽にお立ち寄りください。
            敬具
            """),
        (WithdrawalEmail, "退会のお礼（メール）", "【{{団体名}}】長年のご支援へのお礼", """
            {{氏名}} 様

            このたびは{{退会日}}をもって退会のお手続きをいただきました。
            {{在籍期間}}にわたり、{{団体名}}の会員として私たちの活動をお支えいただき、誠にありがとうございました。

            在籍中にお寄せいただいたご支援は次のとおりです。
            {{貢献の内容}}

            今後のご健勝とご多幸を心よりお祈り申し上げます。

            {{団体名}} 事務局
            """),
    ];
}

/// <summary>What a withdrawing member gave during their membership, from the ledger (reversed payments do not count).</summary>
public sealed record MemberContribution(
    DateOnly JoinedOn, DateOnly LeftOn, IReadOnlyList<int> DuesYears, Yen DuesTotal, Yen DonationTotal, long VolunteerMinutes)
{
    /// <summary>The lines of 「貢献の内容」: only what there was, so a letter never thanks for 「寄附 0円」.</summary>
    public string Lines()
    {
        var lines = new List<string>();
        if (DuesYears.Count > 0 || DuesTotal.Value > 0)
            lines.Add(DuesYears.Count > 0
                ? $"・会費：{ThankYouRules.YearsList(DuesYears)}（{DuesYears.Count.ToString(CultureInfo.InvariantCulture)}年度分、合計{DuesTotal}）"
                : $"・会費：合計{DuesTotal}");
        if (DonationTotal.Value > 0) lines.Add($"・ご寄附：合計{DonationTotal}");
        if (VolunteerMinutes > 0) lines.Add($"・ボランティア活動：{ThankYouRules.Hours(VolunteerMinutes)}");
        if (lines.Count == 0) lines.Add("・会員として活動を見守り、支えてくださいました。");
        return string.Join("\n", lines);
    }

    public IReadOnlyDictionary<string, string> Fields() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["入会日"] = JapaneseFormat.Date(JoinedOn),
        ["退会日"] = JapaneseFormat.Date(LeftOn),
        ["在籍期間"] = ThankYouRules.MembershipSpan(JoinedOn, LeftOn),
        ["会費納入年度"] = ThankYouRules.YearsList(DuesYears),
        ["会費合計"] = DuesTotal.ToString(),
        ["寄附合計"] = DonationTotal.ToString(),
        ["ボランティア時間"] = VolunteerMinutes > 0 ? ThankYouRules.Hours(VolunteerMinutes) : "なし",
        ["貢献の内容"] = Lines(),
    };
}
