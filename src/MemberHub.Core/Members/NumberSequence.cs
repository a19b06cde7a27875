namespace MemberHub.Members;

/// <summary>
/// Hands out numbers that are never reused (member numbers, later invoice numbers per year).
/// A row per sequence; the concurrency token makes two simultaneous takers retry instead of sharing a number.
/// </summary>
public class NumberSequence
{
    public string Name { get; set; } = "";
    public long NextValue { get; set; } = 1;
    public int Version { get; set; }

    public const string MemberNumbers = "member";
}
