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

        // In SQL: LINQ cannot sum Yen columns (the value converter hides the integer from the translator).
        // Quoted names work on SQLite and PostgreSQL; CAST keeps PostgreSQL's SUM from widening to numeric.
        var groups = (await db.Database.SqlQuery<InvoiceGroup>($"""
                SELECT "MemberClassId", "Status", COUNT(*) AS "Count",
                       CAST(COALESCE(SUM("Total"), 0) AS BIGINT) AS "Total", CAST(COALESCE(SUM("PaidAmount"), 0) AS BIGINT) AS "Paid"
                FROM "Invoices" WHERE "FiscalYear" = {fiscalYear} AND "Status" <> {(int)InvoiceStatus.Cancelled}
                GROUP BY "MemberClassId", "Status"
                """).ToListAsync(ct))
            .Select(g => new { g.MemberClassId, Status = (InvoiceStatus)g.Status, Count = (int)g.Count, g.Total, g.Paid })
            .ToList();
        var classNames = await db.MemberClasses.AsNoTracking().Select(c => new { c.Id, c.Name, c.SortOrder }).ToListAsync(ct);
        var byClass = groups.GroupBy(g => g.MemberClassId)
            .Select(g => new { Class = classNames.FirstOrDefault(c => c.Id == g.Key), Figures = Fold(g.Select(x => (x.Status, x.Count, x.Total, x.Paid))) })
            .OrderBy(x => x.Class?.SortOrder ?? int.MaxValue).ThenBy(x => x.Class?.Id)
            .Select(x => new ClassFigures(x.Class?.Id ?? 0, x.Class?.Name ?? "", x.Figures))
            .ToList();

        var start = new DateOnly(fiscalYear, startMonth, 1);
        var end = start.AddYears(1);
        // Reversals are payments with negative allocations on the original's date, so the sums net them out.
        var days = await db.Database.SqlQuery<DayTotal>($"""
                SELECT p."ReceivedOn" AS "Day", CAST(COALESCE(SUM(a."Amount"), 0) AS BIGINT) AS "Amount"
                FROM "PaymentAllocations" a JOIN "Payments" p ON p."Id" = a."PaymentId"
                WHERE a."Kind" = {(int)AllocationKind.Dues} AND p."ReceivedOn" >= {start} AND p."ReceivedOn" < {end}
                GROUP BY p."ReceivedOn"
                """).ToListAsync(ct);
        var months = Enumerable.Range(0, 12).Select(i => start.AddMonths(i))
            .Select(m => new MonthTotal(m.Year, m.Month, new Yen(days.Where(d => d.Day.Year == m.Year && d.Day.Month == m.Month).Sum(d => d.Amount))))
            .ToList();

        return new DuesDashboard(fiscalYear, years, Fold(groups.Select(x => (x.Status, x.Count, x.Total, x.Paid))), byClass, months, startMonth);
    }

    public sealed class InvoiceGroup
    {
        public long MemberClassId { get; set; }
        public int Status { get; set; }
        public long Count { get; set; }
        public long Total { get; set; }
        public long Paid { get; set; }
    }

    public sealed class DayTotal
    {
        public DateOnly Day { get; set; }
        public long Amount { get; set; }
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
