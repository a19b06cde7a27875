using System.Globalization;
using MemberHub.Auditing;

namespace MemberHub.Volunteers;

/// <summary>協力できる分野: one area people can help with, in a group (翻訳・通訳 › 英語). Kept by the admin.</summary>
public class VolunteerArea : IAudited
{
    public long Id { get; set; }
    public string GroupName { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>Retired areas stay for the history but are not offered any more.</summary>
    public bool IsRetired { get; set; }

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The areas a new organisation starts with; the admin can rename, add and retire them.</summary>
    public static IReadOnlyList<(string Group, string Name)> Defaults { get; } =
    [
        ("イベント運営", "受付・案内"), ("イベント運営", "会場設営・片付け"), ("イベント運営", "当日の進行"),
        ("広報・デザイン", "チラシ・ポスター作成"), ("広報・デザイン", "写真撮影"), ("広報・デザイン", "SNS・ウェブ発信"),
        ("会計・事務", "経理・会計"), ("会計・事務", "事務作業・発送"),
        ("IT", "パソコン・ネットワーク"), ("IT", "ウェブサイト管理"),
        ("翻訳・通訳", "英語"), ("翻訳・通訳", "中国語"), ("翻訳・通訳", "韓国語"), ("翻訳・通訳", "ポルトガル語"), ("翻訳・通訳", "やさしい日本語"),
        ("講師・講演", "環境"), ("講師・講演", "福祉・介護"), ("講師・講演", "子育て"), ("講師・講演", "防災"),
        ("運転", "運転（普通車）"), ("運転", "運転（マイクロバス）"),
        ("子ども・高齢者の見守り", "子どもの見守り"), ("子ども・高齢者の見守り", "高齢者の見守り"),
        ("力仕事", "力仕事"),
    ];
}

/// <summary>A member's readiness to help: when, how often, and whether they take requests at all.</summary>
public class VolunteerProfile : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public Availability Availability { get; set; }
    /// <summary>The most requests a month the person is happy to receive; null = no limit given.</summary>
    public int? MaxRequestsPerMonth { get; set; }
    /// <summary>False when the person has paused volunteering altogether.</summary>
    public bool IsActive { get; set; } = true;
    public string? Note { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One area a person can help with, with their own level and note (e.g. 英語・日常会話程度).</summary>
public class VolunteerSkill : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public long AreaId { get; set; }
    public VolunteerArea? Area { get; set; }
    public SkillLevel Level { get; set; }
    public string? Note { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A period the person is away (travel, hospital, busy season): no requests then.</summary>
public class VolunteerAbsence : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Note { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>募集: a request for help on a date (or within a flexible period), for some areas and a number of people.</summary>
public class VolunteerRequest : IAudited
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Place { get; set; }
    /// <summary>The day of a fixed-date request; null for a flexible one.</summary>
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    /// <summary>For a flexible request: any time between these days.</summary>
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public int PeopleNeeded { get; set; } = 1;
    /// <summary>講師派遣: a member is sent to speak at an outside body.</summary>
    public bool IsLectureDispatch { get; set; }
    public string? OutsideBody { get; set; }
    public VolunteerRequestStatus Status { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
    public List<VolunteerRequestArea> Areas { get; set; } = [];

    /// <summary>The day the work happens, or the first day of a flexible period.</summary>
    public DateOnly FirstDay => Date ?? PeriodFrom ?? DateOnly.MinValue;
    public DateOnly LastDay => Date ?? PeriodTo ?? PeriodFrom ?? DateOnly.MinValue;

    public Occasion Occasion => Date is { } d
        ? Occasion.Fixed(d, StartTime, EndTime)
        : Occasion.Flexible(PeriodFrom ?? DateOnly.MinValue, PeriodTo ?? PeriodFrom ?? DateOnly.MinValue);

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

public class VolunteerRequestArea : IAudited
{
    public long RequestId { get; set; }
    public long AreaId { get; set; }
    public VolunteerArea? Area { get; set; }

    string IAudited.AuditKey => $"{RequestId}:{AreaId}";
}

/// <summary>One person asked for one request: invited, then accepted or declined, then (maybe) attended with hours.</summary>
public class VolunteerAssignment : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public VolunteerRequest? Request { get; set; }
    public long MemberId { get; set; }
    public AssignmentStatus Status { get; set; }
    public InvitationChannel InvitedVia { get; set; }
    public DateTime InvitedAt { get; set; }
    /// <summary>The day asked, in Japan, so "asked this month" and fairness read plain dates.</summary>
    public DateOnly InvitedOn { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>True when staff recorded the answer (given by phone, in person) rather than the volunteer on マイページ.</summary>
    public bool AnsweredByStaff { get; set; }
    public DateTime? ReminderQueuedAt { get; set; }
    /// <summary>Null until attendance is recorded after the date.</summary>
    public bool? Attended { get; set; }
    /// <summary>Time served in minutes (whole minutes: hours like 2.5 need no floating point).</summary>
    public int? MinutesServed { get; set; }
    /// <summary>The day served (the request's date, or the day given for a flexible request).</summary>
    public DateOnly? ServedOn { get; set; }
    public int Version { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An item the organisation lends: a tent, a projector, a wheelchair.</summary>
public class EquipmentItem : IAudited
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The label stuck on the item (備品番号), if any.</summary>
    public string? Code { get; set; }
    public string? Note { get; set; }
    public bool IsRetired { get; set; }

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>貸出: who has an item, since and until when. Returned loans stay as the item's history.</summary>
public class EquipmentLoan : IAudited, IConcernsMember
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public EquipmentItem? Item { get; set; }
    public long MemberId { get; set; }
    public DateOnly LentOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? Note { get; set; }

    long? IConcernsMember.AuditMemberId => MemberId;
    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>目標: a campaign goal shared with supporters, in hours of volunteering or in yen.</summary>
public class VolunteerGoal : IAudited
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public GoalKind Kind { get; set; }
    /// <summary>Hours for an hours goal, yen for a money goal.</summary>
    public long Target { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    /// <summary>
    /// For a money goal: the amount raised so far, entered by staff. There is no payments ledger in the
    /// model yet; when one arrives, progress should be summed from it instead.
    /// </summary>
    public long ManualAmount { get; set; }
    public string? Message { get; set; }

    string IAudited.AuditKey => Id.ToString(CultureInfo.InvariantCulture);
}

[Flags]
public enum Availability
{
    None = 0,
    WeekdayMorning = 1,
    WeekdayAfternoon = 2,
    WeekdayEvening = 4,
    WeekendMorning = 8,
    WeekendAfternoon = 16,
    WeekendEvening = 32,
    /// <summary>相談による: no fixed times, ask them.</summary>
    ByArrangement = 64,
}

public enum SkillLevel
{
    Some = 0,        // できる
    Experienced = 1, // 経験豊富
    CanTeach = 2,    // 指導できる
}

public enum VolunteerRequestStatus
{
    Open = 0,       // 募集中
    Closed = 1,     // 締切
    Cancelled = 2,  // 中止
}

public enum AssignmentStatus
{
    Invited = 0,   // 依頼中
    Accepted = 1,  // 参加
    Declined = 2,  // 辞退
    Cancelled = 3, // 取消
}

public enum InvitationChannel
{
    Email = 0,
    Phone = 1,
}

public enum GoalKind
{
    Hours = 0,
    Money = 1,
}
