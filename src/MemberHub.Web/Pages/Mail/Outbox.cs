using MemberHub.Data;
using MemberHub.Messaging;
using MemberHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Mail;

public sealed record OutboxRow(
    long Id, string Category, long? MemberId, string ToName, string ToAddress, string Subject, OutboxStatus Status,
    int Attempts, string? LastError, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt);

public sealed record OutboxList(
    IReadOnlyList<OutboxRow> Rows, IReadOnlyDictionary<OutboxStatus, int> Counts, OutboxStatus? Status, string? Category,
    IReadOnlyList<string> Categories, int Page, int TotalPages, bool SmtpConfigured);

public sealed record OutboxMessageView(OutboxMessage Message, string? MemberName, int? MemberNumber, bool SmtpConfigured);

/// <summary>メール送信状況: the outbox, newest first, with counts per status.</summary>
public sealed class OutboxListQuery(MemberHubDbContext db, IMailSender mail)
{
    public const int PageSize = 100;

    public async Task<OutboxList> ListAsync(OutboxStatus? status, string? category, int page, CancellationToken ct = default)
    {
        var all = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrEmpty(category)) all = all.Where(m => m.Category == category);
        var counts = (await all.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var categories = await db.OutboxMessages.AsNoTracking().Select(m => m.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        var filtered = status is { } s ? all.Where(m => m.Status == s) : all;
        var total = status is { } st ? counts.GetValueOrDefault(st) : counts.Values.Sum();
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await filtered.OrderByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.Category, m.MemberId, m.ToName, m.ToAddress, m.Subject, m.Status,
                m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt))
            .ToListAsync(ct);
        return new OutboxList(rows, counts, status, category, categories, page, pages, mail.IsConfigured);
    }

    public async Task<OutboxMessageView?> DetailsAsync(long id, CancellationToken ct = default)
    {
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return null;
        var member = message.MemberId is { } memberId
            ? await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Name, m.MemberNumber }).SingleOrDefaultAsync(ct)
            : null;
        return new OutboxMessageView(message, member?.Name, member?.MemberNumber, mail.IsConfigured);
    }
}

/// <summary>
/// 再送 of a failed message (back to 待機 with fresh attempts) and 取り消し of a waiting one (失敗 "取り消し"; rows are
/// never deleted, so the list shows what happened to every mail).
/// </summary>
public sealed class ChangeOutboxMessageHandler(MemberHubDbContext db, TimeProvider clock, Outbox.OutboxQueue queue)
{
    public async Task<(bool Found, string Message)> RetryAsync(long id, CancellationToken ct = default)
    {
        var m = await db.OutboxMessages.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return (false, "");
        if (m.Status != OutboxStatus.Failed) return (true, "再送できるのは「失敗」のメールだけです。");
        m.Status = OutboxStatus.Pending;
        m.Attempts = 0;
        m.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        m.Version++;
        if (!await SaveAsync(ct)) return (true, "このメールの状態が変わりました。一覧を開き直してください。");
        queue.NotifySender();
        return (true, "メールを送信待ちに戻しました。");
    }

    public async Task<(bool Found, string Message)> CancelAsync(long id, CancellationToken ct = default)
    {
        var m = await db.OutboxMessages.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return (false, "");
        if (m.Status != OutboxStatus.Pending) return (true, "取り消せるのは「待機」のメールだけです。");
        m.Status = OutboxStatus.Failed;
        m.LastError = OutboxReasons.Cancelled;
        m.Version++;
        // The sender claims with a conditional update: if it took the message first, this save fails and nothing is cancelled.
        if (!await SaveAsync(ct)) return (true, "このメールはちょうど送信が始まったため、取り消せませんでした。");
        return (true, "メールの送信を取り消しました。");
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
