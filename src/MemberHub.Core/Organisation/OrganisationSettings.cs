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
    /// <summary>Days from issue to due date printed on invoices (支払期限).</summary>
    public int PaymentTermDays { get; set; } = 30;
    /// <summary>Printed under the bank accounts on invoices.</summary>
    public string TransferInstruction { get; set; } = DefaultTransferInstruction;
    /// <summary>Printed on invoices of 不課税 classes.</summary>
    public string NonTaxableWording { get; set; } = DefaultNonTaxableWording;
    /// <summary>適格請求書発行事業者登録番号: "T" + 13 digits; required before a class can be 課税.</summary>
    public string? TaxRegistrationNumber { get; set; }
    /// <summary>角印 (PNG or JPEG), printed over the organisation's name on invoices and receipts.</summary>
    public byte[]? SealImage { get; set; }
    public string? SealContentType { get; set; }

    /// <summary>認定NPO法人: donation receipts (寄附金受領証明書) need the 認定 number and date.</summary>
    public bool IsCertifiedNpo { get; set; }
    public string? CertificationNumber { get; set; }
    public DateOnly? CertifiedOn { get; set; }
    /// <summary>所轄庁 that granted the 認定 (東京都, 横浜市 …), printed with the number on certificates.</summary>
    public string? CompetentAuthority { get; set; }
    /// <summary>Last day of the 認定's period of validity (5 years, renewable), printed on certificates.</summary>
    public DateOnly? CertifiedUntil { get; set; }

    /// <summary>
    /// 資格喪失候補: a member with dues unpaid (past due) for at least this many fiscal years is listed for the
    /// board, which decides; nothing changes a member's status automatically.
    /// </summary>
    public int LapseAfterYears { get; set; } = DefaultLapseAfterYears;

    /// <summary>How readily bank transfers are posted without a person looking (set by the treasurer on 自動消込の設定).</summary>
    public Payments.AutoPostingMode AutoPosting { get; set; }

    public int Version { get; set; }

    public const int DefaultLapseAfterYears = 2;

    public const string DefaultTransferInstruction = "お振込みの際は、振込依頼人名の前に会員番号を入力してください（例：1234 ヤマダタロウ）。";
    public const string DefaultNonTaxableWording = "本会費は消費税の課税対象外（不課税）です。";

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
