using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Invoices;

/// <summary>取消 (and a corrected invoice at once): 事務局 and Admin only.</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class CancelModel(InvoicesQuery query, InvoiceActionsHandler handler) : PageModel
{
    [BindProperty] public CancelForm Input { get; set; } = new();
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
        var result = await handler.CancelAsync(id, Input);
        if (result.Outcome == InvoiceActionOutcome.NotFound) return NotFound();
        if (result.Outcome == InvoiceActionOutcome.Done)
        {
            TempData["Flash"] = result.NewInvoiceId is null
                ? "請求書を取り消しました。" + result.Message
                : "請求書を取り消し、訂正した請求書を発行しました。";
            return Redirect($"/Dues/Invoices/Details/{result.NewInvoiceId ?? id}");
        }
        ModelState.AddModelError(result.Field is null ? "" : $"{nameof(Input)}.{result.Field}", result.Message!);
        if (await query.DetailsAsync(id) is not { } d) return NotFound();
        Details = d;
        return Page();
    }
}
