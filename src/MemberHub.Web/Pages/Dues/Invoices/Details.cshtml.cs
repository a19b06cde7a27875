using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Invoices;

public class DetailsModel(InvoicesQuery query) : PageModel
{
    public InvoiceDetails Details { get; private set; } = null!;
    public bool CanBill { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        CanBill = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff);
        var details = await query.DetailsAsync(id);
        if (details is null) return NotFound();
        Details = details;
        return Page();
    }
}
