using MemberHub.Common;
using MemberHub.Data;
using MemberHub.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.FollowUp;

/// <summary>How far the reclassification after a change of rules has come (shown on the rules page).</summary>
public sealed class ReclassificationProgress
{
    private readonly Lock _lock = new();
    private (bool Running, int Done, int Total, DateTime? FinishedAt, DateTime? RequestedAt) _state;

    public (bool Running, int Done, int Total, DateTime? FinishedAt, DateTime? RequestedAt) Snapshot
    {
        get { lock (_lock) return _state; }
    }

    public void Requested(DateTime at) { lock (_lock) _state = _state with { Running = true, Done = 0, Total = 0, RequestedAt = at }; }
    public void Started(int total) { lock (_lock) _state = _state with { Running = true, Done = 0, Total = total }; }
    public void Advanced(int done) { lock (_lock) _state = _state with { Done = done }; }
    public void Finished(DateTime at) { lock (_lock) _state = _state with { Running = false, Done = _state.Total, FinishedAt = at }; }
}

/// <summary>Wakes the reclassification worker when Admin saves new rules.</summary>
public sealed class ReclassificationSignal
{
    private readonly SemaphoreSlim _signal = new(0);
    public void Raise() { if (_signal.CurrentCount == 0) _signal.Release(); }
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// After a change of rules, re-places everyone whose figures are older than the rules, 500 at a time, each chunk in
/// its own transaction. The state lives in the data (MemberStats.UpdatedAt against FollowUpSettings.UpdatedAt), so a
/// run cut off by a restart carries on at the next start; the cursor by member id makes every run finish even when
/// the clock stands still (as in tests).
/// </summary>
public sealed class ReclassificationWorker(IServiceScopeFactory scopes, ReclassificationSignal signal, ReclassificationProgress progress,
    MemberStatsRefresher refresher, TimeProvider clock, ILogger<ReclassificationWorker> log) : BackgroundService
{
    private const int Chunk = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may not be ready yet (first start, migrations running); try again at the next signal or timeout.
                log.LogWarning(e, "Reclassification: could not run");
            }
            await signal.WaitAsync(TimeSpan.FromMinutes(10), stoppingToken);
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        DateTime? rulesChangedAt;
        int total;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
            rulesChangedAt = await db.FollowUpSettings.Where(s => s.Id == 1).Select(s => (DateTime?)s.UpdatedAt).FirstOrDefaultAsync(ct);
            if (rulesChangedAt is null)
            {
                if (progress.Snapshot.Running) progress.Finished(clock.GetUtcNow().UtcDateTime);
                return;
            }
            total = await db.MemberStats.CountAsync(s => s.UpdatedAt <= rulesChangedAt, ct);
        }
        if (total == 0)
        {
            if (progress.Snapshot.Running) progress.Finished(clock.GetUtcNow().UtcDateTime);
            return;
        }
        progress.Started(total);
        long cursor = 0;
        var done = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MemberHubDbContext>();
            var ids = await db.MemberStats.Where(s => s.MemberId > cursor && s.UpdatedAt <= rulesChangedAt)
                .OrderBy(s => s.MemberId).Select(s => s.MemberId).Take(Chunk).ToListAsync(ct);
            if (ids.Count == 0) break;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await refresher.RefreshAsync(db, ids, ct);
                await tx.CommitAsync(ct);
            }
            cursor = ids[^1];
            done += ids.Count;
            progress.Advanced(Math.Min(done, total));
        }
        progress.Finished(clock.GetUtcNow().UtcDateTime);
        log.LogInformation("Reclassification: {Count} member(s) placed by the new rules", done);
    }
}

/// <summary>
/// Placement changes with time alone (a year without payment or contact makes someone dormant), so once a day the
/// people whose anniversaries of a threshold fell since the last check are placed again. Only they are read: a
/// period of N months ends on the day N months after the last payment, contact or joining, so those dates lie in a
/// narrow window per threshold.
/// </summary>
public sealed class DailyPlacementRefresh(MemberStatsRefresher refresher, TimeProvider clock)
{
    /// <summary>Returns how many people were placed again.</summary>
    public async Task<int> RunAsync(MemberHubDbContext db, CancellationToken ct = default)
    {
        var today = JapanTime.Today(clock);
        var since = await db.MemberStats.Where(s => s.ClassifiedOn < today).Select(s => (DateOnly?)s.ClassifiedOn).MinAsync(ct);
        if (since is null) return 0;
        var rules = await MemberStatsRefresher.LoadRulesAsync(db, ct);
        var candidates = new HashSet<long>();
        foreach (var months in rules.TimeThresholdsInMonths().Distinct())
        {
            // The period ends on anchor + N months; anchors whose end fell in (since, today]. A few days of margin
            // cover month ends (31 March + 1 month = 30 April): placing someone again who has not changed is harmless.
            var lo = since.Value.AddMonths(-months).AddDays(-4);
            var hi = today.AddMonths(-months);
            var ids = await (from s in db.MemberStats
                             join m in db.Members on s.MemberId equals m.Id
                             where s.ClassifiedOn < today
                                   && ((s.LastPaymentOn > lo && s.LastPaymentOn <= hi)
                                       || (s.LastContactOn > lo && s.LastContactOn <= hi)
                                       || (m.JoinedOn > lo && m.JoinedOn <= hi))
                             select s.MemberId).ToListAsync(ct);
            candidates.UnionWith(ids);
        }
        if (candidates.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await refresher.RefreshAsync(db, candidates, ct);
            await tx.CommitAsync(ct);
        }
        // Everyone else was checked for today too: their placement cannot have changed.
        await db.MemberStats.Where(s => s.ClassifiedOn < today).ExecuteUpdateAsync(u => u.SetProperty(s => s.ClassifiedOn, today), ct);
        return candidates.Count;
    }
}

/// <summary>Runs <see cref="DailyPlacementRefresh"/> soon after start and then whenever the day in Japan has changed, then prepares the dashboard's history.</summary>
public sealed class DailyPlacementWorker(IServiceScopeFactory scopes, DailyPlacementRefresh daily, TimeProvider clock,
    ILogger<DailyPlacementWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateOnly? lastRun = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var today = JapanTime.Today(clock);
                if (lastRun != today)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var n = await daily.RunAsync(scope.ServiceProvider.GetRequiredService<MemberHubDbContext>(), stoppingToken);
                    if (n > 0) log.LogInformation("Daily placement: {Count} member(s) placed again", n);
                    await scope.ServiceProvider.GetRequiredService<MemberHub.Web.Pages.FollowUp.Dashboard.FollowUpDashboardQuery>().WarmAsync(stoppingToken);
                    lastRun = today;
                }
                await Task.Delay(TimeSpan.FromMinutes(30), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Daily placement: could not run");
                await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
            }
        }
    }
}
