using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments;

/// <summary>取消 of a payment, with the reason; the ledger keeps both rows.</summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
public class ReverseModel(PaymentDetailsQuery query, PaymentPostingHandler posting) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public PaymentView Payment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var payment = await query.RunAsync(id, ct);
        if (payment is null) return NotFound();
        Payment = payment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var result = await posting.ReverseAsync(id, Reason, ct);
        if (result.Succeeded)
        {
            TempData["Flash"] = "入金を取り消しました。請求書の入金額と状態を元に戻しました。";
            return Redirect($"/Payments/Details/{id}");
        }
        var payment = await query.RunAsync(id, ct);
        if (payment is null) return NotFound();
        Payment = payment;
        foreach (var e in result.Errors) ModelState.AddModelError(nameof(Reason), e);
        return Page();
    }
}
