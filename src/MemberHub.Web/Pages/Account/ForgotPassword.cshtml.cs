using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class ForgotPasswordModel(ForgotPasswordHandler handler) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    public bool CanSendMail => handler.CanSendMail;
    public bool Accepted { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Accepted = await handler.HandleAsync(Email) == ForgotPasswordOutcome.Accepted;
        return Page();
    }
}
