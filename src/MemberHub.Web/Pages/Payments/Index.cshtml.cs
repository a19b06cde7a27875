using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments;

/// <summary>入金: the landing page of the payments folder.</summary>
public class IndexModel : PageModel
{
    public void OnGet() { }
}
