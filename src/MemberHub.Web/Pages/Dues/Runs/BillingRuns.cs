using System.Globalization;
using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Runs;

public sealed record RunRow(long Id, int FiscalYear, string ClassNames, DateOnly IssuedOn, DateOnly DueOn, int InvoiceCount, Yen Total,
    int EmailCount, int PostCount, int CancelledCount, Yen Paid, DateTime CreatedAt, string CreatedByName);

public sealed record RunInvoiceRow(long Id, string InvoiceNumber, int MemberNumber, string RecipientName, string ClassName, Yen Total, Yen Paid,
    InvoiceStatus Status, DeliveryChannel Delivery);

public sealed record RunDetails(RunRow Run, IReadOnlyList<RunInvoiceRow> Invoices, int InvoiceTotalCount, PagerView Pager);

/// <summary>The billing runs made so far and one run with its invoices.</summary>
public sealed class BillingRunsQuery(MemberHubDbContext db)
{
    public async Task<List<RunRow>> ListAsync()
    {
        var runs = await db.BillingRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(200).ToListAsync();
        return await RowsAsync(runs);
    }

    public async Task<RunDetails?> DetailsAsync(long id, int page)
    {
        var run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (run is null) return null;
        var row = (await RowsAsync([run]))[0];
        var count = await db.Invoices.CountAsync(i => i.BillingRunId == id);
        var pager = PagerView.For(page, count, $"/Dues/Runs/Details/{id}?page=");
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.BillingRunId == id)
            .OrderBy(i => i.SequenceNumber)
            .Skip((pager.Page - 1) * PagerView.Size).Take(PagerView.Size)
            .Join(db.Members, i => i.MemberId, m => m.Id, (i, m) => new { i, m.MemberNumber })
            .Join(db.MemberClasses, x => x.i.MemberClassId, c => c.Id, (x, c) => new RunInvoiceRow(
                x.i.Id, x.i.InvoiceNumber, x.MemberNumber, x.i.RecipientName, c.Name, x.i.Total, x.i.PaidAmount, x.i.Status, x.i.Delivery))
            .ToListAsync();
        return new RunDetails(row, invoices, count, pager);
    }

    private async Task<List<RunRow>> RowsAsync(List<BillingRun> runs)
    {
        var ids = runs.Select(r => r.Id).ToList();
        // Summed here, not in SQL: EF cannot aggregate over the Yen value conversion; four small columns per invoice.
        var stats = (await db.Invoices.AsNoTracking().Where(i => i.BillingRunId != null && ids.Contains(i.BillingRunId.Value))
                .Select(i => new { RunId = i.BillingRunId!.Value, i.Delivery, i.Status, i.PaidAmount }).ToListAsync())
            .GroupBy(i => i.RunId)
            .ToDictionary(g => g.Key, g => new
            {
                Email = g.Count(i => i.Delivery == DeliveryChannel.Email),
                Post = g.Count(i => i.Delivery == DeliveryChannel.Post),
                Cancelled = g.Count(i => i.Status == InvoiceStatus.Cancelled),
                Paid = g.Sum(i => i.PaidAmount.Value),
            });
        var classNames = await db.MemberClasses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        return runs.Select(r =>
        {
            stats.TryGetValue(r.Id, out var s);
            var names = r.MemberClassIds.Length == 0 ? "全種別"
                : string.Join("・", r.MemberClassIds.Split(',').Select(x => long.Parse(x, CultureInfo.InvariantCulture))
                    .Select(x => classNames.GetValueOrDefault(x, "?")));
            return new RunRow(r.Id, r.FiscalYear, names, r.IssuedOn, r.DueOn, r.InvoiceCount, r.Total,
                s?.Email ?? 0, s?.Post ?? 0, s?.Cancelled ?? 0, new Yen(s?.Paid ?? 0), r.CreatedAt, r.CreatedByName);
        }).ToList();
    }
}
