using MemberHub.Billing;
using MemberHub.Data;
using MemberHub.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Documents;

/// <summary>
/// Makes the PDF of one kind of <see cref="DocumentJob"/>. Register one per kind; the worker picks it by
/// <see cref="Kind"/>. Known kinds: "run-invoices" (RelatedId = billing run) and "reminder-letters"
/// (Parameters = comma-separated invoice ids, in print order).
/// </summary>
public interface IDocumentJobProducer
{
    string Kind { get; }

    /// <summary>What the job will print, in order (its count is the progress bar's total).</summary>
    Task<IReadOnlyList<long>> ItemsAsync(DocumentJob job, CancellationToken ct);

    Task WriteAsync(DocumentJob job, IReadOnlyList<long> items, Stream output, IProgress<int> progress, CancellationToken ct);
}

public static class DocumentJobKinds
{
    public const string RunInvoices = "run-invoices";
    public const string ReminderLetters = "reminder-letters";

    /// <summary>"12,15,9" → [12, 15, 9], ignoring blanks.</summary>
    public static IReadOnlyList<long> ParseIds(string? parameters) =>
        (parameters ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0)
            .Where(v => v > 0).ToList();

    public static string FormatIds(IEnumerable<long> ids) =>
        string.Join(",", ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>A billing run's invoices that go by post, not cancelled, sorted by postal code (the post office's discount wants them so) then member number.</summary>
public sealed class RunInvoicesProducer(MemberHubDbContext db, IDuesDocuments documents) : IDocumentJobProducer
{
    public string Kind => DocumentJobKinds.RunInvoices;

    public async Task<IReadOnlyList<long>> ItemsAsync(DocumentJob job, CancellationToken ct) =>
        await PostalInvoiceIdsAsync(db, job.RelatedId ?? 0, ct);

    public static async Task<IReadOnlyList<long>> PostalInvoiceIdsAsync(MemberHubDbContext db, long runId, CancellationToken ct)
    {
        var rows = await db.Invoices.AsNoTracking()
            .Where(i => i.BillingRunId == runId && i.Delivery == DeliveryChannel.Post && i.Status != InvoiceStatus.Cancelled)
            .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { i.Id, i.RecipientPostalCode, m.MemberNumber })
            .ToListAsync(ct);
        // Sorted here rather than in SQL: the two databases order NULLs and strings differently.
        return rows.OrderBy(r => string.IsNullOrEmpty(r.RecipientPostalCode) ? "~" : r.RecipientPostalCode, StringComparer.Ordinal)
            .ThenBy(r => r.MemberNumber).Select(r => r.Id).ToList();
    }

    public Task WriteAsync(DocumentJob job, IReadOnlyList<long> items, Stream output, IProgress<int> progress, CancellationToken ct) =>
        documents.WriteInvoicesAsync(items, output, progress, ct);
}

/// <summary>督促状 for the invoices listed in the job's parameters, in that order.</summary>
public sealed class ReminderLettersProducer(IDuesDocuments documents) : IDocumentJobProducer
{
    public string Kind => DocumentJobKinds.ReminderLetters;

    public Task<IReadOnlyList<long>> ItemsAsync(DocumentJob job, CancellationToken ct) =>
        Task.FromResult(DocumentJobKinds.ParseIds(job.Parameters));

    public Task WriteAsync(DocumentJob job, IReadOnlyList<long> items, Stream output, IProgress<int> progress, CancellationToken ct) =>
        documents.WriteReminderLettersAsync(items, output, progress, ct);
}

/// <summary>Wakes the worker when a job is queued, so it need not poll the database often.</summary>
public sealed class DocumentJobSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await _signal.WaitAsync(timeout, ct); } catch (OperationCanceledException) { }
    }
}

/// <summary>Queues jobs; pages call this, then show the job's progress.</summary>
public sealed class DocumentJobQueue(MemberHubDbContext db, DocumentJobSignal signal, TimeProvider clock)
{
    public async Task<DocumentJob> QueueAsync(string kind, long? relatedId, string parameters, string title, string downloadFileName,
        string? userId, string userName, CancellationToken ct = default)
    {
        var job = new DocumentJob
        {
            Kind = kind, RelatedId = relatedId, Parameters = parameters, Title = title, DownloadFileName = downloadFileName,
            Status = DocumentJobStatus.Queued, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = userId, CreatedByName = userName,
        };
        db.DocumentJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return job;
    }
}
