using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Mail.Thanks;

/// <summary>礼状: the notes waiting to be sent. The /Mail folder admits Office (the treasurer looks); sending is on /Mail/Thanks/Act.</summary>
public class IndexModel(ThankYouListQuery query) : PageModel
{
    public ThanksPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ThanksFilter filter, CancellationToken ct)
    {
        View = await query.LoadAsync(filter, ct);
        return Page();
    }
}
