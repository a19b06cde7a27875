using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues;

public class IndexModel(DuesDashboardQuery query) : PageModel
{
    public DuesDashboard Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Dashboard = await query.RunAsync(year, ct);
        return Page();
    }
}
