using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;

namespace MemberHub.Members;

/// <summary>会員種別: 正会員, 賛助会員 … managed by Admin. Dues = fee per unit × units.</summary>
public class MemberClass : IAudited
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public Yen AnnualFeePerUnit { get; set; }
    public int DefaultUnits { get; set; } = 1;
    /// <summary>正会員 are the legal members with a vote at the general meeting.</summary>
    public bool HasVote { get; set; }
    /// <summary>不課税 by default; 課税 10% when the fee is really the price of a service.</summary>
    public TaxClass TaxClass { get; set; } = TaxClass.NonTaxable;
    /// <summary>How members joining during the fiscal year are billed for it.</summary>
    public JoinRule JoinRule { get; set; } = JoinRule.FullYear;
    /// <summary>For <see cref="JoinRule.HalfAfterMonth"/>: joining in this calendar month (1–12) or later in the fiscal year pays half.</summary>
    public int? HalfFeeFromMonth { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
