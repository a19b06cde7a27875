namespace MemberHub.Auditing;

/// <summary>One row of the append-only audit log: who changed which field of what, when, from what to what.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The member the change concerns, so the member's page can show everything about them.</summary>
    public long? MemberId { get; set; }
    public string Action { get; set; } = "";
    public string? Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

public static class AuditActions
{
    public const string Create = "作成";
    public const string Update = "変更";
    public const string Delete = "削除";
    public const string StatusChange = "状態変更";
    public const string Export = "エクスポート";
    public const string Import = "インポート";
    public const string SignIn = "サインイン";
}
