using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account;

public class LoginWithRecoveryCodeModel(TwoFactorSignInHandler handler) : PageModel
{
    [BindProperty]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await handler.HasPendingSignInAsync() ? Page() : RedirectToPage("./Login");

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await handler.WithRecoveryCodeAsync(RecoveryCode))
        {
            case TwoFactorOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case TwoFactorOutcome.LockedOut:
                return RedirectToPage("./Lockout");
            case TwoFactorOutcome.NoPendingSignIn:
                return RedirectToPage("./Login");
            default:
                ModelState.AddModelError(nameof(RecoveryCode), "リカバリーコードが正しくないか、既に使われています。");
                return Page();
        }
    }
}
