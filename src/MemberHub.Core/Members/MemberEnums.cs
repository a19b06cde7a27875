namespace MemberHub.Members;

public enum MemberKind
{
    Individual = 0,
    Organisation = 1,
}

public enum MemberStatus
{
    Applying = 0,   // 入会手続中
    Active = 1,     // 在籍
    Suspended = 2,  // 休会
    Withdrawn = 3,  // 退会
    Deceased = 4,   // 逝去
}

public enum ContactChannel
{
    Phone = 0,  // 電話
    Visit = 1,  // 来訪
    Email = 2,  // メール
    Post = 3,   // 郵送
    Event = 4,  // イベント
    Other = 5,  // その他
}

public enum RelationKind
{
    Spouse = 0,      // 配偶者
    ParentOf = 1,    // the member is the related member's parent
    ChildOf = 2,     // the member is the related member's child
    Household = 3,   // 同一世帯
}

[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class MemberLabels
{
    public static string Of(MemberStatus s) => s switch
    {
        MemberStatus.Applying => "入会手続中",
        MemberStatus.Active => "在籍",
        MemberStatus.Suspended => "休会",
        MemberStatus.Withdrawn => "退会",
        MemberStatus.Deceased => "逝去",
        _ => s.ToString(),
    };

    public static string Of(MemberKind k) => k == MemberKind.Organisation ? "団体" : "個人";

    public static string Of(ContactChannel c) => c switch
    {
        ContactChannel.Phone => "電話",
        ContactChannel.Visit => "来訪",
        ContactChannel.Email => "メール",
        ContactChannel.Post => "郵送",
        ContactChannel.Event => "イベント",
        _ => "その他",
    };

    /// <summary>How the relation reads from the member's own page.</summary>
    public static string Of(RelationKind r) => r switch
    {
        RelationKind.Spouse => "配偶者",
        RelationKind.ParentOf => "子",       // I am their parent, so they are my child
        RelationKind.ChildOf => "親",
        _ => "同一世帯",
    };

    public static RelationKind Inverse(RelationKind r) => r switch
    {
        RelationKind.ParentOf => RelationKind.ChildOf,
        RelationKind.ChildOf => RelationKind.ParentOf,
        _ => r,
    };

    public static readonly IReadOnlyList<(Weekdays Day, string Label)> Days =
    [
        (Weekdays.Monday, "月"), (Weekdays.Tuesday, "火"), (Weekdays.Wednesday, "水"), (Weekdays.Thursday, "木"),
        (Weekdays.Friday, "金"), (Weekdays.Saturday, "土"), (Weekdays.Sunday, "日"),
    ];

    public static string Of(Weekdays days) =>
        days == Weekdays.None ? "" : string.Join("・", Days.Where(d => days.HasFlag(d.Day)).Select(d => d.Label));
}
