using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Record;

[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class KeepMailingModel(KeepMailingHandler handler) : PageModel
{
    public IActionResult OnGet(long id) => Redirect($"/Members/Details/{id}#supporter-record");

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] bool keep, CancellationToken ct)
    {
        if (!await handler.HandleAsync(id, keep, ct)) return NotFound();
        return Redirect($"/Members/Details/{id}#supporter-record");
    }
}
