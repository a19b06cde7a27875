using MemberHub.Members;

namespace MemberHub.FollowUp;

/// <summary>Why a person of the segment does not receive a mailing. The first reason that applies is the one counted.</summary>
public enum ExclusionReason
{
    None = 0,
    Withdrawn,         // 退会・逝去
    RefusesEmail,      // メール拒否
    RefusesPost,       // 郵送拒否
    NoBulkMail,        // 一斉メール・会報を希望しない
    OptedOutOfList,    // この会報の配信停止
    LongDormant,       // 長期休眠（送付対象外）
    NoEmailAddress,    // メールアドレスなし
    NoPostalAddress,   // 住所なし
}

/// <summary>What is known of one person of the segment when deciding whether a mailing reaches them.</summary>
public sealed record AudienceFacts(
    MemberStatus Status,
    bool IsArchived,
    bool RefusesEmail,
    bool RefusesPost,
    bool NoBulkMail,
    bool OptedOutOfList,
    Dormancy Dormancy,
    string? Email,
    string? PostalCode,
    string? Address);

/// <summary>
/// Who of a segment a mailing may reach, and why the others are left out. Bulk mail respects every refusal the
/// person has recorded: a letter goes to those who accept post, an e-mail to those who accept e-mail and bulk mail;
/// a newsletter (a mailing list) also skips those who stopped that list; greeting cards (no list) skip only post refusals.
/// </summary>
public static class MailingAudience
{
    public static ExclusionReason Check(AudienceFacts p, MailingChannel channel, bool isNewsletter)
    {
        if (p.IsArchived || p.Status is MemberStatus.Withdrawn or MemberStatus.Deceased) return ExclusionReason.Withdrawn;
        if (channel == MailingChannel.Email)
        {
            if (p.RefusesEmail) return ExclusionReason.RefusesEmail;
            if (p.NoBulkMail) return ExclusionReason.NoBulkMail;
            if (isNewsletter && p.OptedOutOfList) return ExclusionReason.OptedOutOfList;
            if (p.Dormancy == Dormancy.DormantNoMailing) return ExclusionReason.LongDormant;
            if (string.IsNullOrWhiteSpace(p.Email)) return ExclusionReason.NoEmailAddress;
            return ExclusionReason.None;
        }
        if (p.RefusesPost) return ExclusionReason.RefusesPost;
        if (isNewsletter && p.NoBulkMail) return ExclusionReason.NoBulkMail;
        if (isNewsletter && p.OptedOutOfList) return ExclusionReason.OptedOutOfList;
        if (p.Dormancy == Dormancy.DormantNoMailing) return ExclusionReason.LongDormant;
        if (string.IsNullOrWhiteSpace(p.PostalCode) || string.IsNullOrWhiteSpace(p.Address)) return ExclusionReason.NoPostalAddress;
        return ExclusionReason.None;
    }

    public static string Label(ExclusionReason r) => r switch
    {
        ExclusionReason.Withdrawn => "退会・逝去",
        ExclusionReason.RefusesEmail => "メール拒否",
        ExclusionReason.RefusesPost => "郵送拒否",
        ExclusionReason.NoBulkMail => "一斉メール拒否",
        ExclusionReason.OptedOutOfList => "この会報の配信停止",
        ExclusionReason.LongDormant => "長期休眠",
        ExclusionReason.NoEmailAddress => "メールアドレスなし",
        ExclusionReason.NoPostalAddress => "住所なし",
        _ => "",
    };

    /// <summary>"メール拒否 12名、この会報の配信停止 3名" in the order of the reasons; empty when nobody is left out.</summary>
    public static string Summary(IEnumerable<ExclusionReason> reasons) =>
        string.Join("、", reasons.Where(r => r != ExclusionReason.None).GroupBy(r => r).OrderBy(g => g.Key)
            .Select(g => $"{Label(g.Key)} {g.Count()}名"));
}
