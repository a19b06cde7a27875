using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.My;

public class IndexModel : PageModel
{
    public void OnGet() { }
}
