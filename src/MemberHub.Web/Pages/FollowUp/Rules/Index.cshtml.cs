using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Rules;

/// <summary>The rules in plain Japanese for everyone in the office; the progress of a reclassification as an htmx fragment.</summary>
public class IndexModel(RulesQuery query) : PageModel
{
    public RulesView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await query.RunAsync(ct);

    public IActionResult OnGetProgress() => Partial("_Progress", query.Progress());
}
