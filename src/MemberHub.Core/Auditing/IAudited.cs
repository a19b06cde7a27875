namespace MemberHub.Auditing;

/// <summary>An entity whose every create, change and removal is written to the audit log by <see cref="AuditInterceptor"/>.</summary>
public interface IAudited
{
    /// <summary>The id the audit rows refer to (read after the insert, so database-generated ids are known).</summary>
    string AuditKey { get; }
}

/// <summary>
/// A record written many at a time (the payments of a bank import, their allocations, the thank-you notes they queue):
/// its creation is one audit row holding every field (<c>Field=value; …</c>) instead of one row per field. A bank import
/// posting 6,600 payments wrote 150,000 audit rows, nearly all for these. Changes and removals are per field as usual.
/// </summary>
public interface IAuditedCompactlyOnCreate : IAudited;

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
