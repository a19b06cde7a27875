using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Imports;

public class DetailsModel(ImportDetailsQuery query) : PageModel
{
    public ImportDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var details = await query.RunAsync(id);
        if (details is null) return NotFound();
        Details = details;
        return Page();
    }
}
