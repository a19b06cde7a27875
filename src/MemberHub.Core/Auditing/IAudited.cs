namespace MemberHub.Auditing;

/// <summary>An entity whose every create, change and removal is written to the audit log by <see cref="AuditInterceptor"/>.</summary>
public interface IAudited
{
    /// <summary>The id the audit rows refer to (read after the insert, so database-generated ids are known).</summary>
    string AuditKey { get; }
}

/// <summary>An audited record that belongs to one member, so its audit rows also appear in that member's log.</summary>
public interface IMemberRecord
{
    long MemberId { get; }
}

/// <summary>Who is acting now: the signed-in user, or the system for background work and set-up.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string UserName { get; }
}

public sealed class SystemAuditActor : IAuditActor
{
    public string? UserId => null;
    public string UserName => "システム";
}
