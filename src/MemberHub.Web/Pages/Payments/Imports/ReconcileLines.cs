using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Banking;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Payments;
using Microsoft.EntityFrameworkCore;
using BankStatementLine = MemberHub.Banking.BankStatementLine;
using PayerAlias = MemberHub.Banking.PayerAlias;

namespace MemberHub.Web.Pages.Payments.Imports;

/// <summary>One invoice's share of a line assigned by hand.</summary>
public sealed class ShareInput
{
    public long InvoiceId { get; set; }
    public long? Amount { get; set; }
}

/// <summary>A line assigned by hand: to a member's invoices (split), the rest (or the whole) as 寄附 / その他収入 / 返金予定.</summary>
public sealed class AssignInput
{
    public long LineId { get; set; }
    public long? MemberId { get; set; }
    public List<ShareInput> Shares { get; set; } = [];
    public AllocationKind RestAs { get; set; } = AllocationKind.Donation;
    public int Version { get; set; }
}

/// <summary>What a decision did, in Japanese for the page; Error when nothing was written.</summary>
public sealed record DecisionResult(string Message, bool IsError)
{
    public static DecisionResult Done(string message) => new(message, false);
    public static DecisionResult Refused(string message) => new(message, true);
}

/// <summary>
/// The treasurer's decisions on bank lines. Every decision posts (or reverses) money through
/// <see cref="PaymentPostingHandler"/> with the line's id, and moves the line's status in the same save, so a line
/// is never 確認済 without its payment nor paid twice (the unique index on live payments per line). A member
/// confirmed by a person is remembered for the payer name (PayerAlias), so the next import proposes them.
/// </summary>
public sealed class ReconcileLinesHandler(
    MemberHubDbContext db,
    PaymentPostingHandler posting,
    MatchingInputsQuery inputs,
    IAuditActor actor,
    TimeProvider clock)
{
    public const string StaleMessage = "この明細は他の方が先に処理しました。画面を最新の状態にしました。";

    /// <summary>Confirms one of the matcher's candidates for a line (the first, or another one the treasurer chose).</summary>
    public async Task<DecisionResult> ConfirmAsync(long importId, long lineId, long memberId, int? version,
        AllocationKind restAs = AllocationKind.Donation, CancellationToken ct = default)
    {
        var line = await OpenLineAsync(importId, lineId, version, ct);
        if (line.Error is { } error) return error;
        var matching = await inputs.LoadAsync(ct);
        var proposal = matching.Propose([line.Line!]).Single();
        var candidate = proposal.Candidates.FirstOrDefault(c => c.MemberId == memberId);
        if (candidate is null) return DecisionResult.Refused("この会員は今はこの入金の候補ではありません（請求書が入金済みになったなど）。画面を最新にしました。");
        return await PostOneAsync(line.Line!, memberId, candidate.Allocations.Select(a => new InvoiceShare(a.InvoiceId, new Yen(a.Amount))).ToList(),
            NotDues(restAs), BankLineStatus.Confirmed, ct);
    }

    /// <summary>Assigns a line by hand: the shares typed for a member's invoices, the rest (or all) as 寄附, その他収入 or 返金予定.</summary>
    public async Task<DecisionResult> AssignAsync(long importId, AssignInput input, CancellationToken ct = default)
    {
        var line = await OpenLineAsync(importId, input.LineId, input.Version, ct);
        if (line.Error is { } error) return error;
        var shares = input.Shares.Where(s => s.Amount is > 0).Select(s => new InvoiceShare(s.InvoiceId, new Yen(s.Amount!.Value))).ToList();
        if (input.Shares.Any(s => s.Amount is < 0)) return DecisionResult.Refused("充当額にマイナスは入力できません。");
        if (shares.Count > 0 && input.MemberId is null) return DecisionResult.Refused("請求書に充当するには会員を選んでください。");
        if (shares.Count > 0)
        {
            var ids = shares.Select(s => s.InvoiceId).ToList();
            var owners = await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.MemberId).Distinct().ToListAsync(ct);
            if (owners.Any(o => o != input.MemberId))
            {
                // A household transfer: the invoices may be the members of the same household (同一世帯・配偶者).
                var mates = await db.MemberRelations.AsNoTracking()
                    .Where(r => r.MemberId == input.MemberId || r.RelatedMemberId == input.MemberId)
                    .Select(r => r.MemberId == input.MemberId ? r.RelatedMemberId : r.MemberId).ToListAsync(ct);
                if (owners.Any(o => o != input.MemberId && !mates.Contains(o)))
                    return DecisionResult.Refused("選んだ会員（または家族）の請求書ではないものが含まれています。");
            }
        }
        var status = shares.Count > 0 ? BankLineStatus.Confirmed : StatusFor(NotDues(input.RestAs));
        return await PostOneAsync(line.Line!, input.MemberId, shares, NotDues(input.RestAs), status, ct);
    }

    /// <summary>Confirms the first candidate of several lines at once, in one save.</summary>
    public async Task<DecisionResult> ConfirmManyAsync(long importId, IReadOnlyList<long> lineIds, CancellationToken ct = default)
    {
        if (lineIds.Count == 0) return DecisionResult.Refused("確定する明細を選んでください。");
        var lines = await db.BankStatementLines.AsNoTracking()
            .Where(l => l.BankImportId == importId && lineIds.Contains(l.Id) && l.IsMatchCandidate && l.Status == BankLineStatus.Unprocessed)
            .OrderBy(l => l.BookedOn).ThenBy(l => l.LineNumber).ToListAsync(ct);
        if (lines.Count == 0) return DecisionResult.Refused(StaleMessage);
        var matching = await inputs.LoadAsync(ct);
        // One batch: a transfer that appears twice never takes the same invoice twice.
        var proposals = matching.Propose(lines);
        var chosen = lines.Zip(proposals).Where(x => x.Second.Candidates.Count > 0).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var requests = chosen.Select(x => ToPost(x.First, x.Second.Candidates[0].MemberId,
            x.Second.Candidates[0].Allocations.Select(a => new InvoiceShare(a.InvoiceId, new Yen(a.Amount))).ToList(), AllocationKind.Donation)).ToList();
        var remembered = new HashSet<(string, long)>();
        var result = await posting.PostManyAsync(requests, (index, _) =>
        {
            var (line, proposal) = chosen[index];
            Track(db, line);
            Decide(line, BankLineStatus.Confirmed, now, actor.UserName, null);
            var member = proposal.Candidates[0].MemberId;
            if (remembered.Add((PayerNameNormalizer.ForMatching(line.PayerName), member))) Remember(line, member, now);
        }, ct);
        if (result.Posted.Count == 0)
            return DecisionResult.Refused(result.Refused.Values.SelectMany(e => e).FirstOrDefault() ?? StaleMessage);
        var skipped = lines.Count - result.Posted.Count;
        return DecisionResult.Done($"{result.Posted.Count}件の入金を確定しました。" + (skipped > 0 ? $"{skipped}件は確定できませんでした（候補がなくなったなど）。" : ""));
    }

    /// <summary>取消: the line's payment is reversed (never deleted) with the reason, and the line is 未処理 again.</summary>
    public async Task<DecisionResult> UndoAsync(long importId, long lineId, string? reason, int? version, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return DecisionResult.Refused("取消の理由を入力してください。");
        var line = await db.BankStatementLines.SingleOrDefaultAsync(l => l.Id == lineId && l.BankImportId == importId, ct);
        if (line is null) return DecisionResult.Refused("明細が見つかりません。");
        if (version is { } v && v != line.Version) return DecisionResult.Refused(StaleMessage);
        if (line.Status is BankLineStatus.Unprocessed or BankLineStatus.NotApplicable)
            return DecisionResult.Refused("この明細はまだ記録されていません。");
        var payment = await db.Payments.AsNoTracking()
            .Where(p => p.BankLineId == lineId && p.ReversesPaymentId == null && p.ReversedByPaymentId == null)
            .Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
        var taught = await TaughtAliasAsync(line, payment, ct);
        line.Status = BankLineStatus.Unprocessed;
        line.DecidedAt = null;
        line.DecidedByName = null;
        line.DecisionNote = Cut($"取消（{actor.UserName}）：{reason}", 500);
        line.Version++;
        if (payment is null)
        {
            await db.SaveChangesAsync(ct);
            return DecisionResult.Done("明細を未処理に戻しました。");
        }
        // The line's new status (and the payer this confirmation taught, now forgotten) are saved with the reversal,
        // in ReverseAsync's transaction.
        if (taught is not null) db.PayerAliases.Remove(taught);
        var reversed = await posting.ReverseAsync(payment.Value, reason, ct);
        if (!reversed.Succeeded)
        {
            await db.Entry(line).ReloadAsync(ct);
            if (taught is not null) db.Entry(taught).State = EntityState.Unchanged;
            return DecisionResult.Refused(reversed.Errors[0]);
        }
        return DecisionResult.Done("入金を取り消し、明細を未処理に戻しました。請求書の入金額と状態も元に戻りました。");
    }

    private async Task<DecisionResult> PostOneAsync(BankStatementLine line, long? memberId, IReadOnlyList<InvoiceShare> shares,
        AllocationKind restAs, BankLineStatus status, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Decide(line, status, now, actor.UserName, null);
        var alias = memberId is { } m ? Remember(line, m, now) : null;
        try
        {
            var result = await posting.PostAsync(ToPost(line, memberId, shares, restAs), ct);
            if (result.Succeeded)
                return DecisionResult.Done(status == BankLineStatus.Confirmed
                    ? "入金を記録しました。請求書と会員の入金記録を更新しました。"
                    : $"入金を「{BankLineLabels.Of(status)}」として記録しました。");
            Forget(alias);
            await db.Entry(line).ReloadAsync(ct);
            return DecisionResult.Refused(string.Join(" ", result.Errors));
        }
        catch (DbUpdateException)
        {
            // The unique index on live payments per line: someone else posted this line at the same moment.
            db.ChangeTracker.Clear();
            return DecisionResult.Refused(StaleMessage);
        }
    }

    private PaymentToPost ToPost(BankStatementLine line, long? memberId, IReadOnlyList<InvoiceShare> shares, AllocationKind restAs) =>
        new(memberId, line.BookedOn, line.Credit, PaymentMethod.BankTransfer, line.PayerName, null, shares, restAs, BankLineId: line.Id);

    /// <summary>A line loaded before a batch began is tracked again (the batch empties the change tracker between its saves).</summary>
    internal static void Track(MemberHubDbContext db, BankStatementLine line)
    {
        if (db.Entry(line).State == EntityState.Detached) db.BankStatementLines.Attach(line);
    }

    internal static void Decide(BankStatementLine line, BankLineStatus status, DateTime now, string? by, string? note)
    {
        line.Status = status;
        line.DecidedAt = now;
        line.DecidedByName = by;
        line.DecisionNote = note;
        line.Version++;
    }

    /// <summary>
    /// The payer name is remembered for the member, keyed as the matcher reads it (the normaliser's loose key), once
    /// per member. A member's own name is remembered too: it then wins over a namesake next time.
    /// </summary>
    private PayerAlias? Remember(BankStatementLine line, long memberId, DateTime now)
    {
        var key = PayerNameNormalizer.ForMatching(line.PayerName);
        if (key.Length == 0) return null;
        if (db.PayerAliases.Local.Any(a => a.PayerKey == key && a.MemberId == memberId) ||
            db.PayerAliases.Any(a => a.PayerKey == key && a.MemberId == memberId)) return null;
        var alias = new PayerAlias
        {
            PayerKey = Cut(key, 200), PayerName = Cut(line.PayerName, 200), MemberId = memberId, Source = PayerAliasSource.Reconciliation,
            CreatedAt = now, CreatedByUserId = actor.UserId, CreatedByName = actor.UserName,
        };
        db.PayerAliases.Add(alias);
        return alias;
    }

    /// <summary>
    /// The payer a person's confirmation of this line taught (remembered at the moment of the decision, not before):
    /// undoing a wrong confirmation must not leave the wrong member remembered, or the next import would post to them.
    /// </summary>
    private async Task<PayerAlias?> TaughtAliasAsync(BankStatementLine line, long? paymentId, CancellationToken ct)
    {
        if (line.Status != BankLineStatus.Confirmed || line.DecidedAt is not { } decidedAt || paymentId is null) return null;
        var memberId = await db.Payments.Where(p => p.Id == paymentId).Select(p => p.MemberId).SingleAsync(ct);
        if (memberId is null) return null;
        var key = PayerNameNormalizer.ForMatching(line.PayerName);
        return await db.PayerAliases.SingleOrDefaultAsync(a => a.PayerKey == key && a.MemberId == memberId
            && a.Source == PayerAliasSource.Reconciliation && a.CreatedAt >= decidedAt, ct);
    }

    private void Forget(PayerAlias? alias)
    {
        if (alias is not null) db.Entry(alias).State = EntityState.Detached;
    }

    private async Task<(BankStatementLine? Line, DecisionResult? Error)> OpenLineAsync(long importId, long lineId, int? version, CancellationToken ct)
    {
        var line = await db.BankStatementLines.SingleOrDefaultAsync(l => l.Id == lineId && l.BankImportId == importId, ct);
        if (line is null) return (null, DecisionResult.Refused("明細が見つかりません。"));
        if (!line.IsMatchCandidate) return (null, DecisionResult.Refused("出金・手数料・取消の明細は照合しません。"));
        if (line.Status != BankLineStatus.Unprocessed || version is { } v && v != line.Version) return (null, DecisionResult.Refused(StaleMessage));
        return (line, null);
    }

    private static AllocationKind NotDues(AllocationKind kind) => kind == AllocationKind.Dues ? AllocationKind.Donation : kind;

    private static BankLineStatus StatusFor(AllocationKind kind) => kind switch
    {
        AllocationKind.OtherIncome => BankLineStatus.OtherIncome,
        AllocationKind.ToRefund => BankLineStatus.ToRefund,
        _ => BankLineStatus.Donation,
    };

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>
/// Right after an import is stored: the credits the matcher calls safe are posted in one batch (自動消込), and
/// cancellation notices (取消) reverse what they cancel. Lines posted here have no person as decider (DecidedByName
/// null, shown as 自動) and teach no remembered payer: only a person's decision does.
/// </summary>
public sealed class AutoPostHandler(MemberHubDbContext db, PaymentPostingHandler posting, MatchingInputsQuery inputs, TimeProvider clock)
{
    public sealed record AutoPostResult(int Posted, int Cancelled, int CancellationsToDecide);

    public async Task<AutoPostResult> RunAsync(long importId, CancellationToken ct = default)
    {
        var cancelled = await ApplyCancellationsAsync(importId, ct);
        var lines = await db.BankStatementLines.AsNoTracking()
            .Where(l => l.BankImportId == importId && l.IsMatchCandidate && l.Status == BankLineStatus.Unprocessed)
            .OrderBy(l => l.BookedOn).ThenBy(l => l.LineNumber).ToListAsync(ct);
        if (lines.Count == 0) return new AutoPostResult(0, cancelled.Done, cancelled.ToDecide);
        var matching = await inputs.LoadAsync(ct);
        var proposals = matching.Propose(lines);
        var chosen = lines.Zip(proposals).Where(x => x.Second.AutoApply && x.Second.Candidates.Count > 0).ToList();
        // The batch tracks each line again right before the save of its chunk.
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var requests = chosen.Select(x => new PaymentToPost(x.Second.Candidates[0].MemberId, x.First.BookedOn, x.First.Credit,
            PaymentMethod.BankTransfer, x.First.PayerName, null,
            x.Second.Candidates[0].Allocations.Select(a => new InvoiceShare(a.InvoiceId, new Yen(a.Amount))).ToList(),
            BankLineId: x.First.Id)).ToList();
        // The payments and their lines' new status in one transaction. The lines are marked with one UPDATE per thousand
        // instead of through the change tracker (they are not audited; the payments are): only lines still 未処理, so if
        // a person decided one of them meanwhile, nothing of the batch is kept and the screen shows every line again.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await posting.PostManyAsync(requests, null, ct);
            var lineIds = result.Posted.Keys.Select(i => chosen[i].First.Id).ToList();
            var marked = 0;
            foreach (var chunk in lineIds.Chunk(PaymentPostingHandler.BatchChunk))
                marked += await db.BankStatementLines
                    .Where(l => chunk.Contains(l.Id) && l.Status == BankLineStatus.Unprocessed)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(l => l.Status, BankLineStatus.AutoApplied)
                        .SetProperty(l => l.DecidedAt, now)
                        .SetProperty(l => l.DecidedByName, (string?)null)
                        .SetProperty(l => l.DecisionNote, (string?)null)
                        .SetProperty(l => l.Version, l => l.Version + 1), ct);
            if (marked != lineIds.Count || lineIds.Count == 0)
            {
                if (own is not null) await own.RollbackAsync(CancellationToken.None);
                return new AutoPostResult(0, cancelled.Done, cancelled.ToDecide);
            }
            if (own is not null) await own.CommitAsync(ct);
            return new AutoPostResult(lineIds.Count, cancelled.Done, cancelled.ToDecide);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// A 取消 record withdraws an earlier notice. The earlier line is set aside (対象外) with a note; if it was posted,
    /// its payment is reversed with the bank's cancellation as the reason. A cancelled line that is not found (an
    /// earlier file never imported) is left on the screen for a person.
    /// </summary>
    private async Task<(int Done, int ToDecide)> ApplyCancellationsAsync(long importId, CancellationToken ct)
    {
        var notices = await db.BankStatementLines.AsNoTracking()
            .Where(l => l.BankImportId == importId && l.CancelsLineKey != null)
            .Select(l => new { l.Id, l.AccountKey, l.CancelsLineKey, l.LineNumber }).ToListAsync(ct);
        int done = 0, toDecide = 0;
        foreach (var notice in notices)
        {
            var target = await db.BankStatementLines.SingleOrDefaultAsync(l => l.AccountKey == notice.AccountKey && l.LineKey == notice.CancelsLineKey, ct);
            var cancellation = await db.BankStatementLines.SingleAsync(l => l.Id == notice.Id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (target is null)
            {
                cancellation.DecisionNote = "取消通知：取り消された入金の明細が見つかりません（取り込んでいないファイルの明細です）。内容を確かめてください。";
                await db.SaveChangesAsync(ct);
                toDecide++;
                continue;
            }
            var reason = $"銀行の取消通知（{JapaneseFormat.ShortDate(cancellation.BookedOn)}、{cancellation.LineNumber}行目）による取消";
            var payment = await db.Payments.AsNoTracking()
                .Where(p => p.BankLineId == target.Id && p.ReversesPaymentId == null && p.ReversedByPaymentId == null)
                .Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
            ReconcileLinesHandler.Decide(target, BankLineStatus.NotApplicable, now, null, reason);
            target.IsMatchCandidate = false;
            cancellation.DecisionNote = $"取消通知：{JapaneseFormat.ShortDate(target.BookedOn)}の入金（{target.PayerName}）を取り消しました。";
            if (payment is null) await db.SaveChangesAsync(ct);
            else
            {
                var reversed = await posting.ReverseAsync(payment.Value, reason, ct);
                if (!reversed.Succeeded)
                {
                    db.ChangeTracker.Clear();
                    toDecide++;
                    continue;
                }
            }
            done++;
        }
        return (done, toDecide);
    }
}

public static class DecisionInputs
{
    public static IReadOnlyList<long> ParseIds(IEnumerable<string>? values) =>
        values?.Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList() ?? [];
}
