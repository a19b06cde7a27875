using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class LoginModel(SignInHandler handler) : PageModel
{
    [BindProperty]
    public LoginRequest Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await handler.HandleAsync(Input))
        {
            case LoginOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case LoginOutcome.NeedsTwoFactor:
                return RedirectToPage("./LoginWith2fa", new { ReturnUrl });
            case LoginOutcome.LockedOut:
                return RedirectToPage("./Lockout");
            default:
                ModelState.AddModelError("", "メールアドレスまたはパスワードが正しくありません。");
                return Page();
        }
    }
}
