namespace MemberHub.Documents;

public enum DocumentJobStatus
{
    Queued = 0,   // 待機
    Running = 1,  // 作成中
    Done = 2,     // 完了
    Failed = 3,   // 失敗
}

/// <summary>
/// A PDF made in the background (all postal invoices of a billing run, a batch of reminder or thank-you
/// letters): the page that asked for it polls Done/Total for its progress bar and offers the file when done.
/// The file lives in the document store on disk, not in the database.
/// </summary>
public class DocumentJob
{
    public long Id { get; set; }
    /// <summary>"run-invoices", "reminder-letters", "thanks-letters" …</summary>
    public string Kind { get; set; } = "";
    /// <summary>What it is for, e.g. the billing run id for "run-invoices".</summary>
    public long? RelatedId { get; set; }
    /// <summary>Job input (e.g. comma-separated invoice ids), so a restarted worker can redo it.</summary>
    public string Parameters { get; set; } = "";
    public string Title { get; set; } = "";
    public DocumentJobStatus Status { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    /// <summary>Name in the document store once done.</summary>
    public string? StoredFileName { get; set; }
    /// <summary>The name offered for download, e.g. "2026年度会費請求書_郵送分.pdf".</summary>
    public string? DownloadFileName { get; set; }
    public long? FileSize { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public string CreatedByName { get; set; } = "";
}
