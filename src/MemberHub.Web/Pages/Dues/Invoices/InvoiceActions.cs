using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Invoices;

public sealed class CancelForm
{
    public string? Reason { get; set; }
    /// <summary>Issue a corrected invoice (訂正後の請求書) at once, from the member's current class and units.</summary>
    public bool Reissue { get; set; } = true;
    public int Version { get; set; }
}

public sealed class WriteOffForm
{
    public WriteOffKind Kind { get; set; } = WriteOffKind.Exempted;
    public string? Reason { get; set; }
    public int Version { get; set; }
}

public enum InvoiceActionOutcome { Done, Invalid, NotFound }

public sealed record InvoiceActionResult(InvoiceActionOutcome Outcome, string? Message = null, string? Field = null, long? NewInvoiceId = null);

/// <summary>
/// 取消 and 免除・貸倒 of one invoice. Money is never deleted: the invoice stays with its status, date, reason and
/// who did it (audit log). A cancelled invoice can be replaced at once by a corrected one with a new number.
/// </summary>
public sealed class InvoiceActionsHandler(MemberHubDbContext db, BillingPlanQuery planner, IssueInvoicesHandler issuer, TimeProvider clock)
{
    private const string StaleMessage = "この請求書は、画面を開いた後にほかの方が更新しました。開き直してください。";

    public async Task<InvoiceActionResult> CancelAsync(long id, CancelForm form)
    {
        var reason = form.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Invalid("取消の理由を入力してください。", nameof(CancelForm.Reason));
        if (reason.Length > 500) return Invalid("理由は500文字以内で入力してください。", nameof(CancelForm.Reason));
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == id);
        if (invoice is null) return new InvoiceActionResult(InvoiceActionOutcome.NotFound);
        if (invoice.Version != form.Version) return Invalid(StaleMessage);
        if (invoice.Status is InvoiceStatus.Cancelled or InvoiceStatus.WrittenOff)
            return Invalid($"この請求書はすでに「{BillingLabels.Of(invoice.Status)}」です。");
        if (invoice.PaidAmount.Value != 0)
            return Invalid("入金が充当されている請求書は取り消せません。先に入金の取消（または充当先の変更）を行ってください。");

        var today = JapanTime.Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync();
        invoice.Status = InvoiceStatus.Cancelled;
        invoice.CancelledOn = today;
        invoice.CancelReason = reason;
        invoice.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Invalid(StaleMessage);
        }

        long? newId = null;
        string? note = null;
        if (form.Reissue)
        {
            var term = await db.OrganisationSettings.Select(o => (int?)o.PaymentTermDays).SingleOrDefaultAsync() ?? 30;
            var plan = await planner.RunAsync(new BillingRequest(invoice.FiscalYear, [], today, today.AddDays(term), invoice.MemberId));
            if (plan.Billed.Count == 1)
            {
                IssueResult result;
                try
                {
                    result = await issuer.IssueAsync(plan, asRun: false, correctsInvoiceId: invoice.Id);
                }
                catch (DbUpdateException e) when (IssueInvoicesHandler.IsUniqueViolation(e))
                {
                    await tx.RollbackAsync();
                    return Invalid(IssueInvoicesHandler.ConflictMessage);
                }
                if (result.Outcome != IssueOutcome.Issued)
                {
                    await tx.RollbackAsync();
                    return Invalid(result.Message ?? IssueInvoicesHandler.ConflictMessage);
                }
                newId = result.InvoiceIds![0];
                // The correction belongs to the same run, so the run's e-mail send and print file include it.
                if (invoice.BillingRunId is { } runId)
                {
                    var corrected = await db.Invoices.SingleAsync(i => i.Id == newId);
                    corrected.BillingRunId = runId;
                    corrected.Version++;
                    await db.SaveChangesAsync();
                }
            }
            else
            {
                var why = plan.LeftOut.FirstOrDefault();
                note = why is null ? "" : $"訂正した請求書は発行していません（{LeftOutLabels.Of(why.Reason)}{(why.Detail is { } d ? "：" + d : "")}）。";
            }
        }
        await tx.CommitAsync();
        return new InvoiceActionResult(InvoiceActionOutcome.Done, note, NewInvoiceId: newId);
    }

    public async Task<InvoiceActionResult> WriteOffAsync(long id, WriteOffForm form)
    {
        var reason = form.Reason?.Trim();
        if (!Enum.IsDefined(form.Kind)) return Invalid("免除か貸倒かを選んでください。", nameof(WriteOffForm.Kind));
        if (string.IsNullOrEmpty(reason)) return Invalid("理由を入力してください。", nameof(WriteOffForm.Reason));
        if (reason.Length > 500) return Invalid("理由は500文字以内で入力してください。", nameof(WriteOffForm.Reason));
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == id);
        if (invoice is null) return new InvoiceActionResult(InvoiceActionOutcome.NotFound);
        if (invoice.Version != form.Version) return Invalid(StaleMessage);
        if (!BillingLabels.IsOpen(invoice.Status))
            return Invalid($"「{BillingLabels.Of(invoice.Status)}」の請求書は免除・貸倒にできません。");

        invoice.Status = InvoiceStatus.WrittenOff;
        invoice.WrittenOffOn = JapanTime.Today(clock);
        invoice.WriteOffKind = form.Kind;
        invoice.WriteOffReason = reason;
        invoice.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Invalid(StaleMessage);
        }
        return new InvoiceActionResult(InvoiceActionOutcome.Done);
    }

    private static InvoiceActionResult Invalid(string message, string? field = null) => new(InvoiceActionOutcome.Invalid, message, field);
}
