using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class LoginWith2faModel(TwoFactorSignInHandler handler) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await handler.HasPendingSignInAsync() ? Page() : RedirectToPage("./Login");

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await handler.WithAuthenticatorCodeAsync(Code))
        {
            case TwoFactorOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case TwoFactorOutcome.LockedOut:
                return RedirectToPage("./Lockout");
            case TwoFactorOutcome.NoPendingSignIn:
                return RedirectToPage("./Login");
            default:
                ModelState.AddModelError(nameof(Code), "確認コードが正しくありません。アプリに表示されている最新のコードを入力してください。");
                return Page();
        }
    }
}
