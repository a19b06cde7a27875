using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers;

public class IndexModel(VolunteerDashboardQuery query) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await query.RunAsync();
}
