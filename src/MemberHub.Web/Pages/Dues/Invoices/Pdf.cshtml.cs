using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Invoices;

/// <summary>会費請求書 PDF: shown in the browser, or saved with ?download=1.</summary>
public class PdfModel(InvoicePdfQuery query) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, string? download, CancellationToken ct)
    {
        var pdf = await query.ForOfficeAsync(id, ct);
        return pdf is { } p ? PdfResults.File(Response, p.Pdf, p.FileName, PdfResults.IsYes(download)) : NotFound();
    }
}
