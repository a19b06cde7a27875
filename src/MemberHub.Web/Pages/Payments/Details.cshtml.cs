using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments;

/// <summary>A payment for everyone with Finance access; the undo button only for those who may post.</summary>
public class DetailsModel(PaymentDetailsQuery query) : PageModel
{
    public PaymentView Payment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var payment = await query.RunAsync(id, ct);
        if (payment is null) return NotFound();
        Payment = payment;
        return Page();
    }
}
