using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Dashboard;

/// <summary>Figures only (no names, no notes): the office, the treasurer included.</summary>
public class IndexModel(FollowUpDashboardQuery query) : PageModel
{
    public FollowUpDashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await query.RunAsync(ct);
}
