using MemberHub.Auditing;

namespace MemberHub.Members;

/// <summary>
/// A family link between two members, stored once; each member's page reads it from its own side
/// (a ParentOf row shows as 子 on the parent's page and as 親 on the child's).
/// </summary>
public class MemberRelation : IAudited
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public long RelatedMemberId { get; set; }
    public RelationKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
