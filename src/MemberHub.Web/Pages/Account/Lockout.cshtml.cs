using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class LockoutModel : PageModel
{
    public void OnGet() { }
}
