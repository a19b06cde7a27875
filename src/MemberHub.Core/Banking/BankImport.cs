using MemberHub.Auditing;
using MemberHub.Common;

namespace MemberHub.Banking;

/// <summary>What kind of bank file an import read.</summary>
public enum BankFileFormat
{
    /// <summary>全銀協 振込入金通知 (種別 01).</summary>
    ZenginTransferNotice = 1,
    /// <summary>全銀協 入出金取引明細 (種別 03).</summary>
    ZenginStatement = 3,
    /// <summary>A net-banking CSV download, read through a column mapping.</summary>
    Csv = 10,
}

/// <summary>
/// One confirmed import of a bank file (取込). Stored only when the file brought at least one line that was not
/// known yet; the counts describe the file as it was read, so a partly overlapping download shows how much was new.
/// </summary>
public class BankImport : IAudited
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public BankFileFormat Format { get; set; }
    /// <summary>The CSV mapping used (a preset's name such as "mufg", or a saved mapping's name); null for Zengin files.</summary>
    public string? CsvLayoutName { get; set; }
    /// <summary>"Shift_JIS" or "UTF-8" as the file was read.</summary>
    public string Encoding { get; set; } = "";
    public DateTime ImportedAt { get; set; }
    public string? ImportedByUserId { get; set; }
    public string ImportedByName { get; set; } = "";

    public int LinesRead { get; set; }
    public int NewLines { get; set; }
    public int KnownLines { get; set; }
    /// <summary>Credits (入金) of the file that are candidates for matching.</summary>
    public int Credits { get; set; }
    public Yen CreditTotal { get; set; }
    /// <summary>SHA-256 of the file's bytes (hex), to recognise the same download again.</summary>
    public string Sha256 { get; set; } = "";

    string IAudited.AuditKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
