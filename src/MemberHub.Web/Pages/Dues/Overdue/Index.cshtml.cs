using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Overdue;

/// <summary>未納・督促: everyone with Finance access sees the list; sending is on /Dues/Overdue/Send (Billing).</summary>
public class IndexModel(OverdueQuery query) : PageModel
{
    public OverdueFilter Filter { get; private set; } = new();
    public OverdueList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] OverdueFilter filter, CancellationToken ct)
    {
        Filter = filter;
        List = await query.RunAsync(filter, ct);
        return Page();
    }
}
