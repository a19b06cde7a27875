using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Invoices;

/// <summary>免除・貸倒: 事務局, Admin and the treasurer.</summary>
[Authorize(Policy = AccessRules.Policies.WriteOff)]
public class WriteOffModel(InvoicesQuery query, InvoiceActionsHandler handler) : PageModel
{
    [BindProperty] public WriteOffForm Input { get; set; } = new();
    public InvoiceDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await query.DetailsAsync(id) is not { } d) return NotFound();
        Details = d;
        Input.Version = d.Invoice.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var result = await handler.WriteOffAsync(id, Input);
        if (result.Outcome == InvoiceActionOutcome.NotFound) return NotFound();
        if (result.Outcome == InvoiceActionOutcome.Done)
        {
            TempData["Flash"] = "請求書を" + MemberHub.Billing.BillingLabels.Of(Input.Kind) + "としました。";
            return Redirect($"/Dues/Invoices/Details/{id}");
        }
        ModelState.AddModelError(result.Field is null ? "" : $"{nameof(Input)}.{result.Field}", result.Message!);
        if (await query.DetailsAsync(id) is not { } d) return NotFound();
        Details = d;
        return Page();
    }
}
