using System.Globalization;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using MemberHub.Text;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Invoices;

public sealed record InvoiceFilter(int? FiscalYear, InvoiceStatus? Status, long? ClassId, string? Q, int Page = 1);

public sealed record InvoiceRow(long Id, string InvoiceNumber, int FiscalYear, long MemberId, int MemberNumber, string RecipientName,
    string ClassName, DateOnly IssuedOn, DateOnly DueOn, Yen Total, Yen Paid, InvoiceStatus Status, DeliveryChannel Delivery)
{
    public Yen Balance => BillingLabels.IsOpen(Status) ? Total - Paid : Yen.Zero;
}

public sealed record InvoiceTotals(int Count, Yen Total, Yen Paid, Yen Balance);

public sealed record InvoiceList(IReadOnlyList<InvoiceRow> Rows, InvoiceTotals Totals, PagerView Pager);

public sealed record PaymentView(long PaymentId, DateOnly ReceivedOn, PaymentMethod Method, string? PayerName, Yen Amount, bool IsReversal, bool IsReversed);

public sealed record ReminderView(int Sequence, DateOnly SentOn, DeliveryChannel Channel, string CreatedByName);

public sealed record InvoiceDetails(Invoice Invoice, int MemberNumber, string MemberName, string ClassName, string? BillingRunLabel,
    IReadOnlyList<PaymentView> Payments, IReadOnlyList<ReminderView> Reminders, string? CorrectsNumber, (long Id, string Number)? CorrectedBy);

/// <summary>Invoices for the office: the filtered list with its totals, and one invoice with its payments and reminders.</summary>
public sealed class InvoicesQuery(MemberHubDbContext db)
{
    public async Task<InvoiceList> ListAsync(InvoiceFilter f, string urlPrefix)
    {
        var q = db.Invoices.AsNoTracking().AsQueryable();
        if (f.FiscalYear is { } y) q = q.Where(i => i.FiscalYear == y);
        if (f.Status is { } s) q = q.Where(i => i.Status == s);
        if (f.ClassId is { } c) q = q.Where(i => i.MemberClassId == c);
        var joined = q.Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { i, m.MemberNumber, m.SearchText });
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var folded = KanaNormalizer.ForSearch(text);
            joined = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? joined.Where(x => x.MemberNumber == number || x.i.InvoiceNumber.Contains(text))
                : joined.Where(x => x.i.InvoiceNumber.Contains(text) || x.i.RecipientName.Contains(text) || x.SearchText.Contains(folded));
        }
        // Summed here, not in SQL: EF cannot aggregate over the Yen value conversion. Three columns per invoice of the
        // filter (10,000 for a year of a large organisation) are read in a few milliseconds.
        var amounts = await joined.Select(x => new { x.i.Total, x.i.PaidAmount, x.i.Status }).ToListAsync();
        var count = amounts.Count;
        var totals = new InvoiceTotals(count,
            new Yen(amounts.Sum(a => a.Total.Value)),
            new Yen(amounts.Sum(a => a.PaidAmount.Value)),
            new Yen(amounts.Where(a => BillingLabels.IsOpen(a.Status)).Sum(a => a.Total.Value - a.PaidAmount.Value)));
        var pager = PagerView.For(f.Page, count, urlPrefix);
        var rows = await joined
            .OrderByDescending(x => x.i.FiscalYear).ThenBy(x => x.i.SequenceNumber)
            .Skip((pager.Page - 1) * PagerView.Size).Take(PagerView.Size)
            .Join(db.MemberClasses, x => x.i.MemberClassId, c => c.Id, (x, c) => new InvoiceRow(
                x.i.Id, x.i.InvoiceNumber, x.i.FiscalYear, x.i.MemberId, x.MemberNumber, x.i.RecipientName, c.Name,
                x.i.IssuedOn, x.i.DueOn, x.i.Total, x.i.PaidAmount, x.i.Status, x.i.Delivery))
            .ToListAsync();
        return new InvoiceList(rows, totals, pager);
    }

    public async Task<InvoiceDetails?> DetailsAsync(long id)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == id);
        if (invoice is null) return null;
        invoice.Lines.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        var member = await db.Members.AsNoTracking().Where(m => m.Id == invoice.MemberId).Select(m => new { m.MemberNumber, m.Name }).SingleAsync();
        var className = await db.MemberClasses.Where(c => c.Id == invoice.MemberClassId).Select(c => c.Name).SingleAsync();
        var run = invoice.BillingRunId is { } runId
            ? await db.BillingRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.FiscalYear, r.IssuedOn }).SingleOrDefaultAsync()
            : null;
        var payments = await db.PaymentAllocations.AsNoTracking().Where(a => a.InvoiceId == id)
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { a, p })
            .OrderBy(x => x.p.ReceivedOn).ThenBy(x => x.p.Id)
            .Select(x => new PaymentView(x.p.Id, x.p.ReceivedOn, x.p.Method, x.p.PayerName, x.a.Amount,
                x.p.ReversesPaymentId != null, x.p.ReversedByPaymentId != null))
            .ToListAsync();
        var reminders = await db.DuesReminders.AsNoTracking().Where(r => r.InvoiceId == id).OrderBy(r => r.Sequence)
            .Select(r => new ReminderView(r.Sequence, r.SentOn, r.Channel, r.CreatedByName)).ToListAsync();
        var corrects = invoice.CorrectsInvoiceId is { } cid
            ? await db.Invoices.Where(i => i.Id == cid).Select(i => i.InvoiceNumber).SingleOrDefaultAsync()
            : null;
        var correctedBy = await db.Invoices.Where(i => i.CorrectsInvoiceId == id).Select(i => new { i.Id, i.InvoiceNumber }).FirstOrDefaultAsync();
        return new InvoiceDetails(invoice, member.MemberNumber, member.Name, className,
            run is null ? null : $"{FiscalYear.Label(run.FiscalYear)}の請求（{JapaneseFormat.ShortDate(run.IssuedOn)}発行）",
            payments, reminders, corrects, correctedBy is null ? null : (correctedBy.Id, correctedBy.InvoiceNumber));
    }

    public async Task<(int CurrentYear, IReadOnlyList<int> Years, IReadOnlyList<(long Id, string Name)> Classes)> OptionsAsync(DateOnly today)
    {
        var startMonth = await db.OrganisationSettings.Select(o => (int?)o.FiscalYearStartMonth).SingleOrDefaultAsync() ?? 4;
        var current = FiscalYear.Of(today, startMonth);
        var years = await db.Invoices.Select(i => i.FiscalYear).Distinct().ToListAsync();
        years.Add(current);
        var classes = await db.MemberClasses.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name }).ToListAsync();
        return (current, years.Distinct().OrderByDescending(y => y).ToList(), classes.Select(c => (c.Id, c.Name)).ToList());
    }
}

public sealed record MemberInvoiceRow(long Id, string InvoiceNumber, int FiscalYear, string ClassName, Yen Total, Yen Paid, InvoiceStatus Status, DateOnly DueOn)
{
    public Yen Balance => BillingLabels.IsOpen(Status) ? Total - Paid : Yen.Zero;
}

/// <summary>A member's own invoices: for the member page and for マイページ (always by the member's id, never from the request there).</summary>
public sealed class MemberInvoicesQuery(MemberHubDbContext db)
{
    public async Task<IReadOnlyList<MemberInvoiceRow>> ForMemberAsync(long memberId) =>
        await db.Invoices.AsNoTracking().Where(i => i.MemberId == memberId)
            .OrderByDescending(i => i.FiscalYear).ThenByDescending(i => i.Id)
            .Join(db.MemberClasses, i => i.MemberClassId, c => c.Id, (i, c) => new MemberInvoiceRow(
                i.Id, i.InvoiceNumber, i.FiscalYear, c.Name, i.Total, i.PaidAmount, i.Status, i.DueOn))
            .ToListAsync();
}
