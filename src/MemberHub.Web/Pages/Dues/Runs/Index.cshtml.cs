using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Runs;

public class IndexModel(BillingRunsQuery query) : PageModel
{
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public bool CanBill { get; private set; }

    public async Task OnGetAsync()
    {
        CanBill = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff);
        Runs = await query.ListAsync();
    }
}
