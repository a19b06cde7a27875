using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail;

/// <summary>再送 and 取り消し of one outbox message: staff who send mail (Billing), not everyone who may look.</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class ChangeModel(ChangeOutboxMessageHandler handler) : PageModel
{
    public IActionResult OnGet(long id) => Redirect($"/Mail/Details/{id}");

    public async Task<IActionResult> OnPostRetryAsync(long id) => Done(id, await handler.RetryAsync(id));

    public async Task<IActionResult> OnPostCancelAsync(long id) => Done(id, await handler.CancelAsync(id));

    private IActionResult Done(long id, (bool Found, string Message) result)
    {
        if (!result.Found) return NotFound();
        TempData["Flash"] = result.Message;
        return Redirect($"/Mail/Details/{id}");
    }
}
