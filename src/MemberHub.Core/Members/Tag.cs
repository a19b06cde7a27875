namespace MemberHub.Members;

public class Tag
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
}

public class MemberTag
{
    public long MemberId { get; set; }
    public long TagId { get; set; }
    public Tag? Tag { get; set; }
}
