using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>
/// Issues a receipt (POST from the payment and member pages) and returns to where it was asked for, which then
/// offers the PDF; a refusal is shown here with its reason and the way back.
/// </summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
public class IssueModel(ReceiptBookHandler book) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public Task<IActionResult> OnPostPaymentAsync(long paymentId, CancellationToken ct) =>
        Done(book.IssueForPaymentAsync(paymentId, ct), $"/Payments/Details/{paymentId}", "領収書");

    public Task<IActionResult> OnPostGiftAsync(long paymentId, CancellationToken ct) =>
        Done(book.IssueForGiftAsync(paymentId, ct), $"/Payments/Details/{paymentId}", "寄附金受領証明書");

    public Task<IActionResult> OnPostAnnualAsync(long memberId, int year, CancellationToken ct) =>
        Done(book.IssueAnnualAsync(memberId, year, ct), $"/Members/Details/{memberId}", $"{year}年分の寄附金受領証明書");

    public Task<IActionResult> OnPostReissueAsync(long receiptId, CancellationToken ct) =>
        Done(book.ReissueAsync(receiptId, ct), "/Payments/Receipts", "再発行の領収書・証明書");

    private async Task<IActionResult> Done(Task<ReceiptResult> work, string fallback, string what)
    {
        var result = await work;
        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : fallback;
        if (!result.Succeeded)
        {
            Error = result.Error;
            ReturnUrl = back;
            return Page();
        }
        TempData["Flash"] = $"{what}を発行しました。PDFを開いて印刷またはお送りください。";
        return LocalRedirect(back);
    }
}
