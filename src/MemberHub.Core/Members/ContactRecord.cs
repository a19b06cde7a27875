using MemberHub.Auditing;

namespace MemberHub.Members;

/// <summary>対応履歴: one contact with a member.</summary>
public class ContactRecord : IAudited
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public ContactChannel Channel { get; set; }
    public string? StaffUserId { get; set; }
    /// <summary>The staff member's name as it was then, so the history reads the same after accounts change.</summary>
    public string StaffName { get; set; } = "";
    public string Summary { get; set; } = "";
    public bool FollowUpNeeded { get; set; }
    public DateOnly? FollowUpBy { get; set; }
    public DateTime? FollowUpDoneAt { get; set; }
    public DateTime CreatedAt { get; set; }

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
