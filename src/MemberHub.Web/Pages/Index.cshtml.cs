using MemberHub.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages;

/// <summary>The front door: each role starts where its work is (the office on ホーム, the treasurer at payments).</summary>
public class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Staff) ? Redirect("/FollowUp")
        : User.IsInRole(Roles.Treasurer) ? Redirect("/Payments")
        : Redirect("/My");
}
