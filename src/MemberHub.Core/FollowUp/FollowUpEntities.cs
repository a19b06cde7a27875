using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Common;

namespace MemberHub.FollowUp;

/// <summary>The supporter's class by their payment history (thresholds in <see cref="FollowUpSettings"/>).</summary>
public enum SupporterClass
{
    None = 0,       // まだ入金なし
    FirstTime = 1,  // 初回
    Second = 2,     // よちよち
    Steady = 3,     // こつこつ
    Burst = 4,      // 流行
    Loyal = 5,      // 優良
}

public enum SupporterStage
{
    Prospect = 0,  // 見込み
    New = 1,       // 新規
    Repeat = 2,    // リピート
    Fan = 3,       // ファン
}

public enum Dormancy
{
    Active = 0,          // 活動中
    Dormant = 1,         // 休眠
    DormantNoMailing = 2 // 長期休眠（郵送・送付対象外）
}

/// <summary>
/// The figures of one member's record (total paid, last payment, last contact …) and where the classifier
/// places them. Derived data: kept current in the same transaction as every payment, contact, attendance or
/// volunteer hours saved (MemberStatsUpdater), so the member page and segments read them without a nightly job.
/// Not audited itself: the facts it is computed from are.
/// </summary>
public class MemberStats
{
    public long MemberId { get; set; }
    public Yen DuesTotal { get; set; }
    public Yen DonationTotal { get; set; }
    /// <summary>Payments received (reversed ones and reversals not counted).</summary>
    public int PaymentCount { get; set; }
    public DateOnly? FirstPaymentOn { get; set; }
    public DateOnly? LastPaymentOn { get; set; }
    /// <summary>Latest of contact records, event attendance and volunteer service.</summary>
    public DateOnly? LastContactOn { get; set; }
    public int EventCount { get; set; }
    public int VolunteerMinutes { get; set; }
    public SupporterClass Class { get; set; }
    public SupporterStage Stage { get; set; }
    public Dormancy Dormancy { get; set; }
    /// <summary>The day (in Japan) the class, stage and dormancy were computed for; refreshed daily as time passes.</summary>
    public DateOnly ClassifiedOn { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Thresholds of classes, stages and dormancy, set by Admin. One row (Id 1); the rules as JSON so they can grow.</summary>
public class FollowUpSettings : IAudited
{
    public long Id { get; set; }
    public string RulesJson { get; set; } = "";
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>イベント: a gathering, lecture or bazaar; attendance counts as contact.</summary>
public class OrganisationEvent : IAudited
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public TimeOnly? StartTime { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }
    /// <summary>Words matched against members' hobbies, likes and tags when suggesting whom to invite.</summary>
    public string? Keywords { get; set; }
    public bool IsCancelled { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

public class EventAttendance : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public long MemberId { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedByName { get; set; } = "";

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

public enum FollowUpTaskKind
{
    Call = 0,          // 電話する
    Visit = 1,         // 訪問する
    ThankYouLetter = 2,// お礼状
    BirthdayCard = 3,  // 誕生日カード
    Email = 4,         // メールする
    Other = 5,         // その他
}

public enum FollowUpTaskStatus
{
    Open = 0,      // 未完了
    Done = 1,      // 完了
    Cancelled = 2, // 取りやめ
}

/// <summary>フォロー: something a staff member is to do for a member by a date.</summary>
public class FollowUpTask : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public FollowUpTaskKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Note { get; set; }
    public string? AssignedUserId { get; set; }
    public string AssignedName { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public FollowUpTaskStatus Status { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedByName { get; set; }
    /// <summary>The contact record the task came from, if any.</summary>
    public long? ContactRecordId { get; set; }
    /// <summary>Tasks made in one go for a segment share this key.</summary>
    public string? BatchKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public int Version { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A saved search (セグメント); the criteria as JSON of <c>SegmentCriteria</c>.</summary>
public class Segment : IAudited
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string CriteriaJson { get; set; } = "{}";
    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A newsletter or series of announcements (会報, イベント案内) a member can stop on its own.</summary>
public class MailingList : IAudited
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsRetired { get; set; }
    public int SortOrder { get; set; }

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>"Stop this newsletter": the member receives no more mailings of that list (other lists continue).</summary>
public class MailingListOptOut : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public long MailingListId { get; set; }
    /// <summary>"配信停止リンク" or the staff member's name.</summary>
    public string Source { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

public enum MailingChannel
{
    Email = 0,   // メール
    Letter = 1,  // 手紙（郵送）
    Labels = 2,  // 宛名ラベル・封筒
}

public enum MailingStatus
{
    Draft = 0,     // 下書き
    Queued = 1,    // 送信中・作成中
    Done = 2,      // 完了
    Cancelled = 3, // 取りやめ
}

/// <summary>お知らせ・ニュースレター: one sending to the people of a segment, by e-mail or post.</summary>
public class Mailing : IAudited
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public long? MailingListId { get; set; }
    public long? SegmentId { get; set; }
    /// <summary>The criteria as they were when the mailing was sent (the segment may change later).</summary>
    public string CriteriaJson { get; set; } = "{}";
    public MailingChannel Channel { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public MailingStatus Status { get; set; }
    public int RecipientCount { get; set; }
    public int ExcludedCount { get; set; }
    /// <summary>Why people were left out, e.g. "メール拒否 12名、この会報の配信停止 3名".</summary>
    public string? ExcludedSummary { get; set; }
    public long? DocumentJobId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime? SentAt { get; set; }
    public string? SentByName { get; set; }
    public int Version { get; set; }

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}
