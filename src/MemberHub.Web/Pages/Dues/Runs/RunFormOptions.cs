using MemberHub.Billing;
using MemberHub.Data;
using Microsoft.EntityFrameworkCore;

namespace MemberHub.Web.Pages.Dues.Runs;

public sealed record ClassChoice(long Id, string Name, bool IsActive);

public sealed record RunFormOptions(int CurrentFiscalYear, int StartMonth, int PaymentTermDays, IReadOnlyList<int> Years, IReadOnlyList<ClassChoice> Classes);

/// <summary>The choices of the billing run form: fiscal years around the current one and the member classes.</summary>
public sealed class RunFormOptionsQuery(MemberHubDbContext db)
{
    public async Task<RunFormOptions> RunAsync(DateOnly today)
    {
        var s = await db.OrganisationSettings.AsNoTracking()
            .Select(o => new { o.FiscalYearStartMonth, o.PaymentTermDays }).SingleOrDefaultAsync();
        var startMonth = s?.FiscalYearStartMonth ?? 4;
        var current = FiscalYear.Of(today, startMonth);
        var classes = await db.MemberClasses.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new ClassChoice(c.Id, c.Name, c.IsActive)).ToListAsync();
        return new RunFormOptions(current, startMonth, s?.PaymentTermDays ?? 30, [current - 2, current - 1, current, current + 1], classes);
    }
}
