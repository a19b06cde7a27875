using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class LogoutModel(SignInHandler handler) : PageModel
{
    public IActionResult OnGet() => Redirect("/Account/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await handler.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
