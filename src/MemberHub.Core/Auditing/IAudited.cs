namespace MemberHub.Auditing;

/// <summary>An entity whose every create, change and removal is written to the audit log by <see cref="AuditInterceptor"/>.</summary>
public interface IAudited
{
    /// <summary>The id the audit rows refer to (read after the insert, so database-generated ids are known).</summary>
    string AuditKey { get; }
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

/// <summary>An audited record about one member (an invoice, a payment): its audit rows show on that member's page.</summary>
public interface IConcernsMember
{
    long? AuditMemberId { get; }
}
