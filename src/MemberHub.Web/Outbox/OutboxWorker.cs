using Microsoft.Extensions.Options;

namespace MemberHub.Web.Outbox;

/// <summary>
/// The background sender: at start, and then on every round, settles messages an earlier run left half-sent
/// (see <see cref="OutboxSender.FailInterruptedAsync"/>), then sends what is due. It sleeps a few seconds
/// between rounds, or until mail is queued.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
                var interrupted = await sender.FailInterruptedAsync(stoppingToken);
                if (interrupted > 0)
                    logger.LogWarning("{Count} outbox message(s) were left half-sent by an earlier run and are marked failed.", interrupted);
                await sender.ProcessDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is briefly unavailable must not stop the sender for good.
                logger.LogError(e, "The outbox round failed; trying again at the next one.");
            }
            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
