using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Members;

namespace MemberHub.Web.Pages.Members;

/// <summary>How the audit log's property names and raw values read on the member's page.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["MemberNumber"] = "会員番号", ["Kind"] = "個人・団体", ["Name"] = "氏名・団体名", ["NameKana"] = "フリガナ",
        ["ContactPersonName"] = "担当者名", ["ContactPersonKana"] = "担当者フリガナ", ["MemberClassId"] = "会員種別",
        ["Units"] = "口数", ["Status"] = "状態", ["StatusChangedOn"] = "状態の日付", ["StatusReason"] = "状態の理由",
        ["JoinedOn"] = "入会日", ["IsArchived"] = "アーカイブ", ["PostalCode"] = "郵便番号", ["Prefecture"] = "都道府県",
        ["City"] = "市区町村", ["Street"] = "番地", ["Building"] = "建物名", ["Phone"] = "電話", ["MobilePhone"] = "携帯電話",
        ["Email"] = "メール", ["Birthday"] = "生年月日", ["PreferredChannel"] = "希望する連絡方法",
        ["BestTimeToCall"] = "電話に都合のよい時間", ["RefusesPhone"] = "電話連絡を希望しない", ["RefusesEmail"] = "メール連絡を希望しない",
        ["RefusesPost"] = "郵送を希望しない", ["NoNewsletters"] = "会報を希望しない", ["AssignedStaffUserId"] = "担当者（事務局）",
        ["Hobbies"] = "趣味", ["Likes"] = "好きなもの", ["Dislikes"] = "苦手なもの", ["DaysOff"] = "休みの曜日",
        ["FamilyNotes"] = "家族のこと", ["Notes"] = "メモ", ["ConsentToBeNamed"] = "会報での氏名掲載",
        ["ConsentToBePhotographed"] = "会報での写真掲載", ["UserId"] = "マイページのアカウント",
        ["OccurredOn"] = "対応日", ["Channel"] = "方法", ["StaffName"] = "対応者", ["StaffUserId"] = "対応者ID", ["Summary"] = "内容",
        ["FollowUpNeeded"] = "要フォロー", ["FollowUpBy"] = "フォロー期限", ["FollowUpDoneAt"] = "フォロー完了",
        ["Tags"] = "タグ", ["MemberId"] = "会員", ["RelatedMemberId"] = "関係する会員",
    };

    private static readonly Dictionary<string, string> Entities = new()
    {
        [nameof(Member)] = "会員", [nameof(ContactRecord)] = "対応履歴", [nameof(MemberRelation)] = "家族・関係", ["MemberTag"] = "タグ",
        ["Payment"] = "入金", ["PaymentAllocation"] = "入金の内訳", ["Invoice"] = "請求", ["ThankYouNote"] = "お礼状",
        ["IssuedReceipt"] = "領収書・証明書",
    };

    public static string Field(string? field) => field is null ? "" : Fields.GetValueOrDefault(field, field);

    public static string Entity(string type) => Entities.GetValueOrDefault(type, type);

    /// <summary>Enum names (as the interceptor writes them) and booleans as words; everything else as stored.</summary>
    public static string Value(AuditEntry e, string? value, IReadOnlyDictionary<string, string>? names = null)
    {
        if (value is null) return "";
        names ??= new Dictionary<string, string>();
        return e.Field switch
        {
            "AssignedStaffUserId" or "UserId" when names.TryGetValue(value, out var user) => user,
            "RelatedMemberId" when names.TryGetValue("member:" + value, out var member) => member,
            "Status" when Enum.TryParse<MemberStatus>(value, out var s) => MemberLabels.Of(s),
            "Kind" when e.EntityType == nameof(Member) && Enum.TryParse<MemberKind>(value, out var k) => MemberLabels.Of(k),
            "Kind" when e.EntityType == nameof(MemberRelation) && Enum.TryParse<RelationKind>(value, out var r) => MemberLabels.Of(r),
            "PreferredChannel" or "Channel" when Enum.TryParse<ContactChannel>(value, out var c) => MemberLabels.Of(c),
            "DaysOff" when Enum.TryParse<Weekdays>(value, out var w) => MemberLabels.Of(w),
            _ when value is "True" => "はい",
            _ when value is "False" => "いいえ",
            _ when DateOnly.TryParseExact(value, "yyyy-MM-dd", out var d) => JapaneseFormat.Date(d),
            _ => value,
        };
    }
}
