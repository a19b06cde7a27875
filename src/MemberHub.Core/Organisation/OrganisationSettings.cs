using MemberHub.Auditing;

namespace MemberHub.Organisation;

/// <summary>The organisation's own details; a single row (Id = 1), written by first-run set-up.</summary>
public class OrganisationSettings : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Name { get; set; } = "";
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Representative { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>事業年度 start month; April by default.</summary>
    public int FiscalYearStartMonth { get; set; } = 4;
    public int Version { get; set; }

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
