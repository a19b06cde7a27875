using MemberHub.Web.Documents;
using MemberHub.Web.Pages.Dues.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>One thank-you letter as PDF, exactly as the batch will print it (for checking before printing them all).</summary>
public class LetterModel(ThankYouTextQuery texts, ILetterDocuments letters) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await texts.RenderAsync([id], ct);
        if (found.Count == 0) return NotFound();
        using var pdf = new MemoryStream();
        await letters.WriteLettersAsync([found[0].Letter(texts.Today)], pdf, null, ct);
        return PdfResults.File(Response, pdf.ToArray(), $"お礼状_{found[0].MemberNumber}.pdf", download: false);
    }
}
