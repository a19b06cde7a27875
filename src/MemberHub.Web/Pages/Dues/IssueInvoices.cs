using System.Globalization;
using MemberHub.Auditing;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Members;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MemberHub.Web.Pages.Dues;

public enum IssueOutcome { Issued, NothingToIssue, Changed, Conflict }

public sealed record IssueResult(IssueOutcome Outcome, long? RunId = null, IReadOnlyList<long>? InvoiceIds = null, string? Message = null);

/// <summary>
/// Issues the invoices of a plan in ONE transaction: the invoice numbers (taken inside it, so a failure leaves no
/// gap), the <see cref="BillingRun"/> row, the invoices with their lines and their audit rows. Either all of it
/// is saved or nothing. The database's unique index on (member, year, class) makes a second, concurrent run
/// fail instead of billing twice; that failure is caught and reported in Japanese.
/// </summary>
public sealed class IssueInvoicesHandler(MemberHubDbContext db, BillingPlanQuery planner, IAuditActor actor, TimeProvider clock)
{
    private const int ChunkSize = 500;

    public const string ConflictMessage =
        "同じ会員・年度・会員種別の請求書が、ほかの操作で同時に作成されました。二重請求を防ぐため、今回は何も作成していません。もう一度プレビューを確認してください。";
    public const string ChangedMessage =
        "プレビューの後に対象が変わりました（ほかの方の請求作成や会員情報の変更など）。新しい内容を確認してから、もう一度確定してください。";

    /// <summary>Recomputes the plan and issues it if it is still the one previewed (<paramref name="fingerprint"/>).</summary>
    public async Task<(IssueResult Result, BillingPlan Plan)> ConfirmRunAsync(BillingRequest request, string? fingerprint, CancellationToken ct = default)
    {
        var plan = await planner.RunAsync(request, ct);
        if (plan.Fingerprint != fingerprint) return (new IssueResult(IssueOutcome.Changed, Message: ChangedMessage), plan);
        return (await IssueAsync(plan, asRun: true, ct: ct), plan);
    }

    /// <summary>Issues exactly the invoices of <paramref name="plan"/> (tests call it with a stale plan to prove the index holds).</summary>
    public async Task<IssueResult> IssueAsync(BillingPlan plan, bool asRun, long? correctsInvoiceId = null, CancellationToken ct = default)
    {
        if (plan.Billed.Count == 0) return new IssueResult(IssueOutcome.NothingToIssue, Message: "請求する会員がいません。");
        var year = plan.Request.FiscalYear;
        var now = clock.GetUtcNow().UtcDateTime;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Inside a caller's transaction (cancel and reissue) the caller commits; otherwise this is the transaction.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var first = await SequenceAllocator.ReserveAsync(db, Invoice.SequenceName(year), plan.Billed.Count,
                async c => (await db.Invoices.Where(i => i.FiscalYear == year).MaxAsync(i => (int?)i.SequenceNumber, c) ?? 0) + 1, ct);

            BillingRun? run = null;
            if (asRun)
            {
                run = new BillingRun
                {
                    FiscalYear = year,
                    MemberClassIds = string.Join(",", plan.Request.ClassIds.Order().Select(i => i.ToString(CultureInfo.InvariantCulture))),
                    IssuedOn = plan.Request.IssuedOn,
                    DueOn = plan.Request.DueOn,
                    InvoiceCount = plan.Billed.Count,
                    Total = plan.Total,
                    CreatedAt = now,
                    CreatedByUserId = actor.UserId,
                    CreatedByName = actor.UserName,
                };
                db.BillingRuns.Add(run);
                await db.SaveChangesAsync(ct);
            }

            // Saved in chunks inside the one transaction, with the change tracker emptied after each: EF's cost per save
            // grows with everything tracked (the audit interceptor adds ~15 rows per invoice), so one save of 10,000
            // invoices is many times slower than ten saves of 1,000. New entities only, so change scanning is skipped.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var ids = new List<long>(plan.Billed.Count);
            var sequence = (int)first;
            var runId = run?.Id;
            foreach (var chunk in plan.Billed.Chunk(ChunkSize))
            {
                db.ChangeTracker.Clear();
                var invoices = new List<Invoice>(chunk.Length);
                foreach (var p in chunk)
                {
                    var invoice = new Invoice
                    {
                        InvoiceNumber = Invoice.FormatNumber(year, sequence),
                        FiscalYear = year,
                        SequenceNumber = sequence++,
                        MemberId = p.MemberId,
                        MemberClassId = p.ClassId,
                        BillingRunId = runId,
                        IssuedOn = plan.Request.IssuedOn,
                        DueOn = plan.Request.DueOn,
                        Status = InvoiceStatus.Unpaid,
                        Subtotal = p.Fee.Subtotal,
                        TaxAmount = p.Fee.Tax,
                        Total = p.Fee.Total,
                        TaxClass = p.Fee.TaxRate > 0 ? TaxClass.Taxable10 : TaxClass.NonTaxable,
                        TaxRate = p.Fee.TaxRate,
                        TaxRegistrationNumber = p.Fee.TaxRate > 0 ? plan.TaxRegistrationNumber : null,
                        Delivery = p.Delivery,
                        RecipientName = p.RecipientName,
                        RecipientContactName = p.RecipientContactName,
                        RecipientHonorific = p.Honorific,
                        RecipientPostalCode = p.PostalCode,
                        RecipientAddress = p.Address,
                        RecipientEmail = p.Email,
                        CorrectsInvoiceId = correctsInvoiceId,
                        CreatedAt = now,
                        CreatedByName = actor.UserName,
                        Lines = p.Fee.Lines.Select((l, n) => new InvoiceLine
                        {
                            LineNumber = n + 1, Description = l.Description, Units = l.Units, UnitPrice = l.UnitPrice,
                            Amount = l.Amount, TaxRate = l.TaxRate, Note = l.Note,
                        }).ToList(),
                    };
                    invoices.Add(invoice);
                    db.Invoices.Add(invoice);
                }
                await db.SaveChangesAsync(ct);
                ids.AddRange(invoices.Select(i => i.Id));
            }
            db.ChangeTracker.Clear();
            if (own is not null) await own.CommitAsync(ct);
            return new IssueResult(IssueOutcome.Issued, runId, ids);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            else throw;
            db.ChangeTracker.Clear();
            return new IssueResult(IssueOutcome.Conflict, Message: ConflictMessage);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,   // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
