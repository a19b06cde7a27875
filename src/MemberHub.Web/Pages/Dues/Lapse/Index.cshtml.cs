using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Lapse;

/// <summary>資格喪失候補 for Finance to view; confirming is /Dues/Lapse/Confirm (Billing), the setting /Dues/Lapse/Settings (Admin).</summary>
public class IndexModel(LapseCandidatesQuery query, TimeProvider clock) : PageModel
{
    public LapseList List { get; private set; } = null!;
    public string Today { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        List = await query.RunAsync(ct);
        Today = Common.DateInput.ToInput(Common.JapanTime.Today(clock));
        return Page();
    }
}
