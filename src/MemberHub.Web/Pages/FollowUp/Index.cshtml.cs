using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp;

/// <summary>ホーム: the first page Admin and Staff see after signing in.</summary>
public class IndexModel(TodayQuery query) : PageModel
{
    public TodayView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        View = await query.ForUserAsync(User);
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx() ? Partial("_TodayList", View) : Page();
    }
}
