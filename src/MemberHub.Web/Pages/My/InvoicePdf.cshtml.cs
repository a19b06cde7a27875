using System.Security.Claims;
using MemberHub.Web.Pages.Dues.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.My;

/// <summary>A member's own invoice as PDF from マイページ; anyone else's is "not found".</summary>
public class InvoicePdfModel(InvoicePdfQuery query) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, string? download, CancellationToken ct)
    {
        var pdf = await query.ForUserAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        return pdf is { } p ? PdfResults.File(Response, p.Pdf, p.FileName, PdfResults.IsYes(download)) : NotFound();
    }
}
