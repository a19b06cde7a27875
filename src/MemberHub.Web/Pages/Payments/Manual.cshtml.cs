using MemberHub.Common;
using MemberHub.Ledger;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments;

[Authorize(Policy = AccessRules.Policies.Posting)]
public class ManualModel(ManualPaymentQuery query, RecordManualPaymentHandler handler) : PageModel
{
    [BindProperty]
    public ManualPaymentForm Input { get; set; } = new();

    public string? Q { get; private set; }
    public IReadOnlyList<MemberPick> Picks { get; private set; } = [];
    public ManualPayee? Payee { get; private set; }
    public IReadOnlyList<PaymentListRow> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? memberId, string? q, CancellationToken ct)
    {
        Q = q;
        Picks = await query.FindMembersAsync(q, ct);
        if (memberId is { } id)
        {
            Payee = await query.PayeeAsync(id, ct);
            if (Payee is null) return NotFound();
            Input = handler.NewForm(id, Payee);
        }
        Recent = await query.RecentAsync(ct: ct);
        return Page();
    }

    /// <summary>The search-as-you-type results under the member box (htmx).</summary>
    public async Task<IActionResult> OnGetMembersAsync(string? q, CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        return Partial("_MemberPicks", await query.FindMembersAsync(q, ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (result, fieldErrors) = await handler.HandleAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Flash"] = $"入金を記録しました（{Yen.TryParse(Input.Amount)}、{LedgerLabels.Of(Input.Method)}）。";
            return Redirect($"/Payments/Manual?memberId={Input.MemberId}");
        }
        foreach (var (field, message) in fieldErrors) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        foreach (var message in result.Errors) ModelState.AddModelError("", message);
        Payee = await query.PayeeAsync(Input.MemberId, ct);
        if (Payee is null) return NotFound();
        // Keep what was typed for invoices still open; show invoices that became open or closed meanwhile as they are now.
        var typed = Input.Invoices.ToDictionary(i => i.InvoiceId, i => i.Amount);
        Input.Invoices = Payee.OpenInvoices.Select(i => new InvoiceShareInput { InvoiceId = i.Id, Amount = typed.GetValueOrDefault(i.Id) }).ToList();
        Recent = await query.RecentAsync(ct: ct);
        return Page();
    }
}
