using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.Goals;

/// <summary>A goal's progress for supporters: to show on a screen or print. Holds no personal data by construction (only the goal and its totals).</summary>
public class PrintModel(GoalsHandler handler) : PageModel
{
    public GoalView Goal { get; private set; } = null!;
    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await handler.OneAsync(id) is not { } goal) return NotFound();
        Goal = goal;
        OrganisationName = await handler.OrganisationNameAsync();
        return Page();
    }
}
