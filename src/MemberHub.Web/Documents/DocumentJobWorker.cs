using MemberHub.Data;
using MemberHub.Documents;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Documents;

/// <summary>
/// Makes queued PDFs one at a time, oldest first, writing Done/Total as it goes so the page can show a
/// progress bar. Several app instances may run workers: a job is claimed with a conditional update, so only
/// one instance makes it. A job still Running long after it started was cut off (a restart, a crashed
/// instance): it is queued again and redone from the start (the file is only published when complete).
/// </summary>
public sealed class DocumentJobWorker(IServiceScopeFactory scopes, DocumentJobSignal signal, DocumentStore store,
    TimeProvider clock, ILogger<DocumentJobWorker> log) : BackgroundService
{
    /// <summary>How often progress is written to the database.</summary>
    public const int ProgressEvery = 50;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A run's 10,000 invoices take under a minute; a job Running for longer than this was interrupted. Not at once
    /// at start-up: another instance may be making it right now.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RequeueInterruptedAsync(stoppingToken);
                if (await RunNextAsync(stoppingToken)) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may not be ready yet (first start, migrations running); try again shortly.
                log.LogWarning(e, "Document worker: could not look for jobs");
            }
            await signal.WaitAsync(Idle, stoppingToken);
        }
    }

    private async Task RequeueInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        var staleBefore = clock.GetUtcNow().UtcDateTime - StaleAfter;
        var n = await db.DocumentJobs.Where(j => j.Status == DocumentJobStatus.Running && j.StartedAt < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, DocumentJobStatus.Queued).SetProperty(j => j.Done, 0), ct);
        if (n > 0) log.LogInformation("Document worker: {Count} interrupted job(s) queued again", n);
    }

    /// <summary>Runs the oldest queued job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
        var job = await db.DocumentJobs.Where(j => j.Status == DocumentJobStatus.Queued)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).FirstOrDefaultAsync(ct);
        if (job is null) return false;

        // Claim it: of several instances that saw the same queued job, only the one whose update changed the row goes on.
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.DocumentJobs.Where(j => j.Id == job.Id && j.Status == DocumentJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, DocumentJobStatus.Running).SetProperty(j => j.StartedAt, startedAt), ct);
        if (claimed == 0) return true;
        await db.Entry(job).ReloadAsync(ct);

        var producer = scope.ServiceProvider.GetServices<IDocumentJobProducer>().FirstOrDefault(p => p.Kind == job.Kind);
        if (producer is null)
        {
            await FinishAsync(db, job, DocumentJobStatus.Failed, $"No producer for kind \"{job.Kind}\".", ct);
            return true;
        }

        var storedName = $"job-{job.Id}-{Guid.NewGuid():N}.pdf";
        try
        {
            var items = await producer.ItemsAsync(job, ct);
            job.Total = items.Count;
            job.Done = 0;
            job.Error = null;
            await db.SaveChangesAsync(ct);
            if (items.Count == 0)
            {
                await FinishAsync(db, job, DocumentJobStatus.Failed, "印刷する書類がありません。", ct);
                return true;
            }

            var jobId = job.Id;
            var progress = new SyncProgress(done =>
            {
                if (done % ProgressEvery != 0) return;
                using var progressScope = scopes.CreateScope();
                progressScope.ServiceProvider.GetRequiredService<MemberHubDbContext>().DocumentJobs
                    .Where(j => j.Id == jobId).ExecuteUpdate(s => s.SetProperty(j => j.Done, done));
            });
            await using (var output = store.Create(storedName))
            {
                await producer.WriteAsync(job, items, output, progress, ct);
                await output.FlushAsync(ct);
            }
            job.FileSize = store.Commit(storedName);
            job.StoredFileName = storedName;
            job.Done = job.Total;
            await FinishAsync(db, job, DocumentJobStatus.Done, null, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the job stays Running and is queued again at the next start.
            store.Discard(storedName);
            throw;
        }
        catch (Exception e)
        {
            store.Discard(storedName);
            log.LogError(e, "Document job {JobId} ({Kind}) failed", job.Id, job.Kind);
            db.ChangeTracker.Clear();
            var fresh = await db.DocumentJobs.SingleAsync(j => j.Id == job.Id, CancellationToken.None);
            await FinishAsync(db, fresh, DocumentJobStatus.Failed, e.Message, CancellationToken.None);
        }
        return true;
    }

    private async Task FinishAsync(MemberHubDbContext db, DocumentJob job, DocumentJobStatus status, string? error, CancellationToken ct)
    {
        job.Status = status;
        job.Error = error is { Length: > 2000 } ? error[..2000] : error;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reports on the rendering thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
