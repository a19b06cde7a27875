using MemberHub.Web.Pages.Dues.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Receipts;

/// <summary>
/// An issued receipt as PDF for Finance (Admin, Staff, Treasurer): printing again what was issued is not issuing,
/// so Staff may hand out a receipt the treasurer issued. A voided or outdated one is refused with the reason.
/// </summary>
public class PdfModel(ReceiptPdfQuery query) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? download, CancellationToken ct)
    {
        var file = await query.RenderAsync(id, ct);
        if (file is null) return NotFound();
        if (file.Pdf is null)
        {
            Error = file.Error;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return PdfResults.File(Response, file.Pdf, file.FileName, PdfResults.IsYes(download));
    }
}
