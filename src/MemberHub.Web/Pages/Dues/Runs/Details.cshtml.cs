using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Runs;

public class DetailsModel(BillingRunsQuery query) : PageModel
{
    public RunDetails Details { get; private set; } = null!;
    public bool CanBill { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, int page = 1)
    {
        CanBill = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff);
        var details = await query.DetailsAsync(id, page);
        if (details is null) return NotFound();
        Details = details;
        return Page();
    }
}
