using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Imports;

/// <summary>照合: one import's lines in groups. Staff see it read-only; the buttons are for Posting (Admin, Treasurer).</summary>
public class DetailsModel(ReconciliationQuery query, IAuthorizationService authorization) : PageModel
{
    public ReconciliationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, int? show, CancellationToken ct)
    {
        var view = await query.RunAsync(id, ct);
        if (view is null) return NotFound();
        var canPost = (await authorization.AuthorizeAsync(User, AccessRules.Policies.Posting)).Succeeded;
        View = view with
        {
            CanPost = canPost,
            RowsShown = ReconciliationView.ClampRows(show),
            // Success messages are shown by the layout (Flash); a refusal is shown above the groups.
            Message = TempData["Error"] as string,
            MessageIsError = true,
        };
        return Page();
    }
}
