using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using MemberHub.Web.Documents;
using MemberHub.Web.Pages.Dues.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Runs;

public sealed record RunDocumentsView(long RunId, int FiscalYear, DateOnly IssuedOn, DateOnly DueOn, int InvoiceCount, int PostalCount, DocumentJobView? Job,
    int PostedCount = 0);

/// <summary>The postal invoices of a billing run as one print-ready PDF, made in the background.</summary>
public sealed class RunDocumentsHandler(MemberHubDbContext db, DocumentJobQuery jobs, DocumentJobQueue queue, IAuditActor actor, TimeProvider clock)
{
    public async Task<RunDocumentsView?> ViewAsync(long runId, CancellationToken ct = default)
    {
        var run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var postal = await RunInvoicesProducer.PostalInvoiceIdsAsync(db, runId, ct);
        var posted = (await AlreadyPostedAsync(postal, ct)).Count;
        return new RunDocumentsView(run.Id, run.FiscalYear, run.IssuedOn, run.DueOn, run.InvoiceCount, postal.Count,
            await jobs.LatestAsync(DocumentJobKinds.RunInvoices, runId, ct), posted);
    }

    /// <summary>
    /// 郵送済み: once the printed invoices are in the post, each member's contact history says so (what, when, how),
    /// as the outbox does for e-mailed invoices. Invoices already recorded are skipped. Returns how many were recorded.
    /// </summary>
    public async Task<int?> RecordPostedAsync(long runId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A no-op update locks the run, so a double click records each invoice once: the second request waits and
        // then finds the first one's contact records.
        if (await db.BillingRuns.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.InvoiceCount, r => r.InvoiceCount), ct) == 0)
            return null;
        var postal = await RunInvoicesProducer.PostalInvoiceIdsAsync(db, runId, ct);
        var done = await AlreadyPostedAsync(postal, ct);
        var today = JapanTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var chunk in postal.Where(id => !done.Contains(id)).Chunk(500))
        {
            var invoices = await db.Invoices.AsNoTracking().Where(i => chunk.Contains(i.Id))
                .Select(i => new { i.MemberId, i.FiscalYear, i.InvoiceNumber }).ToListAsync(ct);
            foreach (var i in invoices)
                db.ContactRecords.Add(new ContactRecord
                {
                    MemberId = i.MemberId, OccurredOn = today, Channel = ContactChannel.Post,
                    StaffUserId = actor.UserId, StaffName = actor.UserName, CreatedAt = now,
                    Summary = PostedSummary(i.FiscalYear, i.InvoiceNumber),
                });
            added += invoices.Count;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added;
    }

    private static string PostedSummary(int fiscalYear, string invoiceNumber) =>
        $"{fiscalYear}年度会費請求書（{invoiceNumber}）を郵送で送付";

    private async Task<HashSet<long>> AlreadyPostedAsync(IReadOnlyList<long> invoiceIds, CancellationToken ct)
    {
        var posted = new HashSet<long>();
        foreach (var chunk in invoiceIds.Chunk(500))
        {
            var rows = await db.Invoices.AsNoTracking().Where(i => chunk.Contains(i.Id))
                .Select(i => new { i.Id, i.MemberId, i.FiscalYear, i.InvoiceNumber }).ToListAsync(ct);
            var summaries = rows.Select(r => PostedSummary(r.FiscalYear, r.InvoiceNumber)).ToList();
            var members = rows.Select(r => r.MemberId).Distinct().ToList();
            var recorded = (await db.ContactRecords.AsNoTracking()
                .Where(c => c.Channel == ContactChannel.Post && members.Contains(c.MemberId) && summaries.Contains(c.Summary))
                .Select(c => c.Summary).ToListAsync(ct)).ToHashSet();
            posted.UnionWith(rows.Where(r => recorded.Contains(PostedSummary(r.FiscalYear, r.InvoiceNumber))).Select(r => r.Id));
        }
        return posted;
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
