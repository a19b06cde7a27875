using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Invoices;

/// <summary>One invoice by e-mail: a confirmation page, then the POST that queues it (again only with 再送 ticked).</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class EmailModel(InvoiceEmailsHandler handler) : PageModel
{
    public InvoiceEmailView View { get; private set; } = null!;

    [BindProperty]
    public bool Resend { get; set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var view = await handler.ForInvoiceAsync(id);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var (outcome, message) = await handler.QueueInvoiceAsync(id, Resend);
        if (outcome == QueueInvoiceOutcome.NotFound) return NotFound();
        if (outcome == QueueInvoiceOutcome.Queued)
        {
            TempData["Flash"] = "請求書のメールを送信待ちにしました。";
            return Redirect($"/Dues/Invoices/Email/{id}");
        }
        ModelState.AddModelError("", message!);
        View = (await handler.ForInvoiceAsync(id))!;
        return Page();
    }
}
