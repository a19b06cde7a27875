using MemberHub.Data;
using MemberHub.Documents;
using MemberHub.Web.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Documents;

/// <summary>What the progress partial shows of a background PDF job.</summary>
public sealed record DocumentJobView(long Id, string Title, DocumentJobStatus Status, int Done, int Total, string? DownloadFileName,
    long? FileSize, string? Error, DateTime CreatedAt, string CreatedByName)
{
    public bool InProgress => Status is DocumentJobStatus.Queued or DocumentJobStatus.Running;
    public int Percent => Status == DocumentJobStatus.Done ? 100 : Total <= 0 ? 0 : Math.Clamp(Done * 100 / Total, 0, 100);

    public string StatusLabel => Status switch
    {
        DocumentJobStatus.Queued => "待機中",
        DocumentJobStatus.Running => "作成中",
        DocumentJobStatus.Done => "完了",
        _ => "失敗",
    };
}

/// <summary>Background PDF jobs: their progress and their files. Any page that queues a job shows it with _DocumentJobProgress.</summary>
public sealed class DocumentJobQuery(MemberHubDbContext db, DocumentStore store)
{
    public Task<DocumentJobView?> GetAsync(long jobId, CancellationToken ct = default) =>
        db.DocumentJobs.AsNoTracking().Where(j => j.Id == jobId).Select(View).SingleOrDefaultAsync(ct);

    /// <summary>The latest job of a kind for a thing (e.g. the run's postal invoices).</summary>
    public Task<DocumentJobView?> LatestAsync(string kind, long relatedId, CancellationToken ct = default) =>
        db.DocumentJobs.AsNoTracking().Where(j => j.Kind == kind && j.RelatedId == relatedId)
            .OrderByDescending(j => j.Id).Select(View).FirstOrDefaultAsync(ct);

    /// <summary>The finished file to send, or null when the job is not done or its file is gone.</summary>
    public async Task<(Stream File, string Name, string Kind)?> FileAsync(long jobId, CancellationToken ct = default)
    {
        var job = await db.DocumentJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is not { Status: DocumentJobStatus.Done, StoredFileName: { } stored }) return null;
        var stream = store.OpenRead(stored);
        return stream is null ? null : (stream, job.DownloadFileName ?? $"document-{job.Id}.pdf", job.Kind);
    }

    private static readonly System.Linq.Expressions.Expression<Func<DocumentJob, DocumentJobView>> View = j =>
        new DocumentJobView(j.Id, j.Title, j.Status, j.Done, j.Total, j.DownloadFileName, j.FileSize, j.Error, j.CreatedAt, j.CreatedByName);
}
