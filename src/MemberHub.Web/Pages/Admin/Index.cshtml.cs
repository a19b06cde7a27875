using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin;

public class IndexModel : PageModel
{
    public void OnGet() { }
}
