namespace MemberHub.Identity;

/// <summary>A one-time invitation to create an account. Only the token's hash is stored.</summary>
public class Invitation
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>For a volunteer: the member whose マイページ the account opens.</summary>
    public long? MemberId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? CreatedByUserId { get; set; }
}
