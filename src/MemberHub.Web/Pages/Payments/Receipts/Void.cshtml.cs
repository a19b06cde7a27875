using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>無効: a receipt is never deleted; voiding keeps it with who, when and why, and frees the payment for a new one.</summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
public class VoidModel(ReceiptListQuery list, ReceiptBookHandler book) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public ReceiptRow Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var result = await book.VoidAsync(id, Reason, ct);
        if (result.Succeeded)
        {
            TempData["Flash"] = "領収書・証明書を無効にしました。記録は理由とともに残ります。";
            return Redirect("/Payments/Receipts");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError(nameof(Reason), result.Error!);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var row = await list.OneAsync(id, ct);
        if (row is null) return false;
        Receipt = row;
        return true;
    }
}
