using System.Globalization;
using System.Linq.Expressions;
using MemberHub.Billing;
using MemberHub.Data;
using MemberHub.Messaging;
using MemberHub.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues;

/// <summary>Why an invoice is not e-mailed; the first that applies, in this order.</summary>
public enum InvoiceEmailExclusion
{
    None = 0,
    Cancelled,
    Settled,
    AlreadyQueued,
    PreviouslyFailed,
    RefusesEmail,
    ByPost,
    NoAddress,
}

public static class InvoiceEmailLabels
{
    public static string Of(InvoiceEmailExclusion e) => e switch
    {
        InvoiceEmailExclusion.Cancelled => "取消済みの請求書",
        InvoiceEmailExclusion.Settled => "入金済・免除の請求書",
        InvoiceEmailExclusion.AlreadyQueued => "すでにメールを送信済み・送信待ち",
        InvoiceEmailExclusion.PreviouslyFailed => "以前のメール送信が失敗・取り消し（メール送信状況または請求書ごとに再送できます）",
        InvoiceEmailExclusion.RefusesEmail => "メールの受け取りを希望していない（メール拒否）",
        InvoiceEmailExclusion.ByPost => "郵送で届ける請求書",
        InvoiceEmailExclusion.NoAddress => "メールアドレスの登録がない",
        _ => "",
    };
}

public sealed record InvoiceEmailCandidate(
    long InvoiceId, string InvoiceNumber, int FiscalYear, long MemberId, int MemberNumber, string RecipientName,
    string? Email, InvoiceStatus Status, DeliveryChannel Delivery, bool RefusesEmail,
    OutboxStatus? LastMailStatus, long? LastMailId)
{
    public InvoiceEmailExclusion Exclusion =>
        Status == InvoiceStatus.Cancelled ? InvoiceEmailExclusion.Cancelled
        : Status is InvoiceStatus.Paid or InvoiceStatus.WrittenOff ? InvoiceEmailExclusion.Settled
        : LastMailStatus is OutboxStatus.Pending or OutboxStatus.Sending or OutboxStatus.Sent ? InvoiceEmailExclusion.AlreadyQueued
        : LastMailStatus is OutboxStatus.Failed ? InvoiceEmailExclusion.PreviouslyFailed
        : RefusesEmail ? InvoiceEmailExclusion.RefusesEmail
        : Delivery == DeliveryChannel.Post ? InvoiceEmailExclusion.ByPost
        : string.IsNullOrWhiteSpace(Email) ? InvoiceEmailExclusion.NoAddress
        : InvoiceEmailExclusion.None;
}

public sealed record RunEmailSummary(
    long RunId, int FiscalYear, DateOnly IssuedOn, int InvoiceCount, int ToSend,
    IReadOnlyList<(InvoiceEmailExclusion Reason, int Count)> LeftOut,
    IReadOnlyList<InvoiceEmailCandidate> LeftOutSample, bool SmtpConfigured);

public sealed record InvoiceEmailView(InvoiceEmailCandidate Invoice, bool SmtpConfigured)
{
    /// <summary>A reason that no confirmation can override.</summary>
    public string? Refusal => Invoice.Exclusion switch
    {
        InvoiceEmailExclusion.Cancelled => "取消済みの請求書はメールで送れません。",
        // Checked whatever happened to an earlier mail: the address may be gone or e-mail refused since.
        _ when Invoice.RefusesEmail => "この会員はメールの受け取りを希望していない（メール拒否）ため、メールでは送れません。",
        _ when string.IsNullOrWhiteSpace(Invoice.Email) => "この会員にはメールアドレスが登録されていません。会員情報にメールアドレスを登録してから送ってください。",
        _ when Invoice.LastMailStatus is OutboxStatus.Pending or OutboxStatus.Sending => "この請求書のメールはすでに送信待ちです。送信されるまでお待ちください。",
        _ => null,
    };

    /// <summary>An earlier mail was sent or failed: sending again needs the 再送 confirmation.</summary>
    public bool NeedsResendConfirmation => Invoice.LastMailStatus is OutboxStatus.Sent or OutboxStatus.Failed;
}

public enum QueueInvoiceOutcome { Queued, NotFound, Refused, NeedsConfirmation }

/// <summary>
/// 請求書のメール送信: queues the invoice e-mail (template invoice-email, the invoice PDF attached at send time) for a
/// run or for one invoice. The invoices are locked first and the outbox is checked in the same transaction, so
/// two clicks, or the run and the single invoice at once, never queue the same invoice twice.
/// </summary>
public sealed class InvoiceEmailsHandler(MemberHubDbContext db, DuesMergeFieldsQuery mergeFields, OutboxQueue outbox,
    Infrastructure.IMailSender mail)
{
    public async Task<RunEmailSummary?> SummaryForRunAsync(long runId, CancellationToken ct = default)
    {
        var run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var rows = await CandidatesAsync(i => i.BillingRunId == runId, ct);
        return Summarise(run, rows);
    }

    public async Task<(RunEmailSummary? Summary, int Queued)> QueueRunAsync(long runId, CancellationToken ct = default)
    {
        var run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return (null, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(i => i.BillingRunId == runId, ct);
        var rows = await CandidatesAsync(i => i.BillingRunId == runId, ct);
        var toSend = rows.Where(r => r.Exclusion == InvoiceEmailExclusion.None).ToList();
        await QueueAsync(toSend, resend: false, ct);
        await tx.CommitAsync(ct);
        if (toSend.Count > 0) outbox.NotifySender();
        return (Summarise(run, await CandidatesAsync(i => i.BillingRunId == runId, ct)), toSend.Count);
    }

    public async Task<InvoiceEmailView?> ForInvoiceAsync(long invoiceId, CancellationToken ct = default)
    {
        var row = (await CandidatesAsync(i => i.Id == invoiceId, ct)).SingleOrDefault();
        return row is null ? null : new InvoiceEmailView(row, mail.IsConfigured);
    }

    public async Task<(QueueInvoiceOutcome Outcome, string? Message)> QueueInvoiceAsync(long invoiceId, bool resend, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(i => i.Id == invoiceId, ct);
        var view = await ForInvoiceAsync(invoiceId, ct);
        if (view is null) return (QueueInvoiceOutcome.NotFound, null);
        if (view.Refusal is { } refusal) return (QueueInvoiceOutcome.Refused, refusal);
        if (view.NeedsResendConfirmation && !resend)
            return (QueueInvoiceOutcome.NeedsConfirmation, "この請求書はすでにメールで送っています（または送信に失敗しています）。もう一度送る場合は「再送する」を確認してください。");
        await QueueAsync([view.Invoice], resend: view.NeedsResendConfirmation, ct);
        await tx.CommitAsync(ct);
        outbox.NotifySender();
        return (QueueInvoiceOutcome.Queued, null);
    }

    /// <summary>
    /// A write to the invoice rows, changing nothing, so that the check and the insert below run one at a time per
    /// invoice: PostgreSQL holds the row locks until commit, SQLite the database's write lock.
    /// </summary>
    private Task LockAsync(Expression<Func<Invoice, bool>> which, CancellationToken ct) =>
        db.Invoices.Where(which).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version), ct);

    private async Task QueueAsync(IReadOnlyList<InvoiceEmailCandidate> invoices, bool resend, CancellationToken ct)
    {
        if (invoices.Count == 0) return;
        var template = await db.MessageTemplates.AsNoTracking().SingleAsync(t => t.Key == TemplateKeys.InvoiceEmail, ct);
        foreach (var chunk in invoices.Chunk(500))
        {
            var values = await mergeFields.ForInvoicesAsync(chunk.Select(c => c.InvoiceId).ToList(), ct);
            foreach (var c in chunk)
            {
                var fields = values[c.InvoiceId];
                outbox.Add(new OutgoingMail(
                    OutboxCategories.Invoice, c.MemberId, c.InvoiceId, c.Email!, fields["氏名"],
                    TemplateText.Render(template.Subject, fields).ReplaceLineEndings(" ").Trim(),
                    TemplateText.Render(template.Body, fields),
                    ContactSummary: string.Create(CultureInfo.InvariantCulture, $"{c.FiscalYear}年度会費請求書（{c.InvoiceNumber}）をメールで{(resend ? "再送" : "送付")}"),
                    AttachmentKind: OutboxAttachmentKind.InvoicePdf,
                    AttachmentRefId: c.InvoiceId,
                    AttachmentFileName: $"会費請求書_{c.InvoiceNumber}.pdf"));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<List<InvoiceEmailCandidate>> CandidatesAsync(Expression<Func<Invoice, bool>> which, CancellationToken ct) =>
        await db.Invoices.AsNoTracking().Where(which)
            .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { i, m })
            .OrderBy(x => x.i.SequenceNumber)
            .Select(x => new InvoiceEmailCandidate(
                x.i.Id, x.i.InvoiceNumber, x.i.FiscalYear, x.m.Id, x.m.MemberNumber, x.i.RecipientName, x.m.Email,
                x.i.Status, x.i.Delivery, x.m.RefusesEmail,
                db.OutboxMessages.Where(o => o.Category == OutboxCategories.Invoice && o.RelatedId == x.i.Id)
                    .OrderByDescending(o => o.Id).Select(o => (OutboxStatus?)o.Status).FirstOrDefault(),
                db.OutboxMessages.Where(o => o.Category == OutboxCategories.Invoice && o.RelatedId == x.i.Id)
                    .OrderByDescending(o => o.Id).Select(o => (long?)o.Id).FirstOrDefault()))
            .ToListAsync(ct);

    private RunEmailSummary Summarise(BillingRun run, List<InvoiceEmailCandidate> rows)
    {
        var leftOut = rows.Where(r => r.Exclusion != InvoiceEmailExclusion.None).ToList();
        return new RunEmailSummary(run.Id, run.FiscalYear, run.IssuedOn, rows.Count,
            rows.Count(r => r.Exclusion == InvoiceEmailExclusion.None),
            leftOut.GroupBy(r => r.Exclusion).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            leftOut.Where(r => r.Exclusion is InvoiceEmailExclusion.RefusesEmail or InvoiceEmailExclusion.NoAddress or InvoiceEmailExclusion.PreviouslyFailed)
                .Take(200).ToList(),
            mail.IsConfigured);
    }
}
