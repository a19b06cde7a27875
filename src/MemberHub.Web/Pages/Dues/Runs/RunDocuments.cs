using System.Globalization;
using MemberHub.Data;
using MemberHub.Web.Documents;
using MemberHub.Web.Pages.Dues.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Runs;

public sealed record RunDocumentsView(long RunId, int FiscalYear, DateOnly IssuedOn, DateOnly DueOn, int InvoiceCount, int PostalCount, DocumentJobView? Job);

/// <summary>The postal invoices of a billing run as one print-ready PDF, made in the background.</summary>
public sealed class RunDocumentsHandler(MemberHubDbContext db, DocumentJobQuery jobs, DocumentJobQueue queue)
{
    public async Task<RunDocumentsView?> ViewAsync(long runId, CancellationToken ct = default)
    {
        var run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var postal = (await RunInvoicesProducer.PostalInvoiceIdsAsync(db, runId, ct)).Count;
        return new RunDocumentsView(run.Id, run.FiscalYear, run.IssuedOn, run.DueOn, run.InvoiceCount, postal,
            await jobs.LatestAsync(DocumentJobKinds.RunInvoices, runId, ct));
    }

    /// <summary>Queues the PDF unless one is already queued or being made; false when the run does not exist.</summary>
    public async Task<bool> QueueAsync(long runId, string? userId, string userName, CancellationToken ct = default)
    {
        var run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return false;
        var latest = await jobs.LatestAsync(DocumentJobKinds.RunInvoices, runId, ct);
        if (latest is { InProgress: true }) return true;
        var year = run.FiscalYear.ToString(CultureInfo.InvariantCulture);
        await queue.QueueAsync(DocumentJobKinds.RunInvoices, runId, "", $"{year}年度 会費請求書（郵送分）",
            $"{year}年度会費請求書_郵送分.pdf", userId, userName, ct);
        return true;
    }
}
