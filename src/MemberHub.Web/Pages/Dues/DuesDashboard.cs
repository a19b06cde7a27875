using MemberHub.Billing;
using MemberHub.Common;
using MemberHub.Data;
using MemberHub.Ledger;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues;

/// <summary>Invoiced, paid, outstanding and written off: amounts and invoice counts for one slice of invoices.</summary>
public sealed record DuesFigures(int InvoicedCount, Yen Invoiced, int PaidCount, Yen Paid, int OpenCount, Yen Outstanding, int WrittenOffCount, Yen WrittenOff)
{
    /// <summary>回収率: paid ÷ invoiced, in percent with one decimal; null when nothing was invoiced.</summary>
    public decimal? CollectionRate => Invoiced.Value == 0 ? null : Math.Round(100m * Paid.Value / Invoiced.Value, 1);
}

public sealed record ClassFigures(long ClassId, string ClassName, DuesFigures Figures);

public sealed record MonthTotal(int Year, int Month, Yen Amount);

public sealed record DuesDashboard(int FiscalYear, IReadOnlyList<int> Years, DuesFigures Totals, IReadOnlyList<ClassFigures> ByClass,
    IReadOnlyList<MonthTotal> Months, int StartMonth);

/// <summary>
/// 会費ダッシュボード for one fiscal year. Invoices are aggregated in the database by class and status (a few
/// dozen rows however many invoices there are), payments by day; only those small results are folded here.
/// Cancelled invoices (取消) are left out: their corrected invoice counts instead.
/// </summary>
public sealed class DuesDashboardQuery(MemberHubDbContext db, TimeProvider clock)
{
    public async Task<DuesDashboard> RunAsync(int? year, CancellationToken ct = default)
    {
        var startMonth = await db.OrganisationSettings.AsNoTracking().Select(o => (int?)o.FiscalYearStartMonth).SingleOrDefaultAsync(ct) ?? 4;
        var today = JapanTime.Today(clock);
        var current = today.Month >= startMonth ? today.Year : today.Year - 1;
        var fiscalYear = year is >= 2000 and <= 2100 ? year.Value : current;

        var years = await db.Invoices.AsNoTracking().Select(i => i.FiscalYear).Distinct().ToListAsync(ct);
        years = years.Append(current).Append(fiscalYear).Distinct().OrderByDescending(y => y).ToList();

        var groups = await db.Invoices.AsNoTracking()
            .Where(i => i.FiscalYear == fiscalYear && i.Status != InvoiceStatus.Cancelled)
            .GroupBy(i => new { i.MemberClassId, i.Status })
            .Select(g => new { g.Key.MemberClassId, g.Key.Status, Count = g.Count(), Total = g.Sum(i => i.Total.Value), Paid = g.Sum(i => i.PaidAmount.Value) })
            .ToListAsync(ct);
        var classNames = await db.MemberClasses.AsNoTracking().Select(c => new { c.Id, c.Name, c.SortOrder }).ToListAsync(ct);
        var byClass = groups.GroupBy(g => g.MemberClassId)
            .Select(g => new { Class = classNames.FirstOrDefault(c => c.Id == g.Key), Figures = Fold(g.Select(x => (x.Status, x.Count, x.Total, x.Paid))) })
            .OrderBy(x => x.Class?.SortOrder ?? int.MaxValue).ThenBy(x => x.Class?.Id)
            .Select(x => new ClassFigures(x.Class?.Id ?? 0, x.Class?.Name ?? "", x.Figures))
            .ToList();

        var start = new DateOnly(fiscalYear, startMonth, 1);
        var end = start.AddYears(1);
        var days = await db.PaymentAllocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.Dues)
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { p.ReceivedOn, a.Amount })
            .Where(x => x.ReceivedOn >= start && x.ReceivedOn < end)
            .GroupBy(x => x.ReceivedOn)
            .Select(g => new { Day = g.Key, Amount = g.Sum(x => x.Amount.Value) })
            .ToListAsync(ct);
        var months = Enumerable.Range(0, 12).Select(i => start.AddMonths(i))
            .Select(m => new MonthTotal(m.Year, m.Month, new Yen(days.Where(d => d.Day.Year == m.Year && d.Day.Month == m.Month).Sum(d => d.Amount))))
            .ToList();

        return new DuesDashboard(fiscalYear, years, Fold(groups.Select(x => (x.Status, x.Count, x.Total, x.Paid))), byClass, months, startMonth);
    }

    private static DuesFigures Fold(IEnumerable<(InvoiceStatus Status, int Count, long Total, long Paid)> rows)
    {
        var list = rows.ToList();
        var open = list.Where(r => BillingLabels.IsOpen(r.Status)).ToList();
        var writtenOff = list.Where(r => r.Status == InvoiceStatus.WrittenOff).ToList();
        return new DuesFigures(
            list.Sum(r => r.Count), new Yen(list.Sum(r => r.Total)),
            list.Where(r => r.Status == InvoiceStatus.Paid).Sum(r => r.Count), new Yen(list.Sum(r => r.Paid)),
            open.Sum(r => r.Count), new Yen(open.Sum(r => r.Total - r.Paid)),
            writtenOff.Sum(r => r.Count), new Yen(writtenOff.Sum(r => r.Total - r.Paid)));
    }
}
