using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages;

/// <summary>The front door: each role starts where its work is.</summary>
public class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff) || User.IsInRole(Roles.Treasurer)
            ? Redirect("/Members")
            : Redirect("/My");
}
