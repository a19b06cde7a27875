using MemberHub.Auditing;

namespace MemberHub.Banking;

public enum PayerAliasSource
{
    /// <summary>Remembered when a person confirmed a match on the reconciliation screen.</summary>
    Reconciliation = 0,
    /// <summary>Entered by hand.</summary>
    Manual = 1,
}

/// <summary>
/// A payer name remembered for a member (a spouse, a parent, an employer pays): the matcher trusts it next
/// time. Wrong ones can be removed from the list page; removal is audited.
/// </summary>
public class PayerAlias : IAudited
{
    public long Id { get; set; }
    /// <summary>The payer name normalised for matching (<see cref="Payments.PayerNameNormalizer"/>'s key); unique with the member.</summary>
    public string PayerKey { get; set; } = "";
    /// <summary>The payer name as the bank sent it when it was remembered.</summary>
    public string PayerName { get; set; } = "";
    public long MemberId { get; set; }
    public PayerAliasSource Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
