using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>One thank-you as the member will read it: a page of its own, or the fragment htmx shows beside the list.</summary>
public class PreviewModel(ThankYouTextQuery texts) : PageModel
{
    public ThankYouText Text { get; private set; } = null!;
    public bool Fragment { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await texts.RenderAsync([id], ct);
        if (found.Count == 0) return NotFound();
        Text = found[0];
        Response.Headers.Vary = "HX-Request";
        Fragment = Request.Headers.ContainsKey("HX-Request");
        return Fragment ? Partial("_Preview", this) : Page();
    }
}
