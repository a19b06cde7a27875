using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account.Manage;

public class EnableAuthenticatorModel(TwoFactorHandler handler) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    public AuthenticatorSetup Setup { get; private set; } = null!;

    public async Task OnGetAsync() => Setup = await handler.GetSetupAsync(User);

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, codes) = await handler.EnableAsync(User, Code);
        if (outcome == EnableOutcome.Enabled)
        {
            TempData[ShowRecoveryCodesModel.TempDataKey] = codes.ToArray();
            TempData["Flash"] = "2段階認証を有効にしました。";
            return RedirectToPage("./ShowRecoveryCodes");
        }
        ModelState.AddModelError(nameof(Code), "確認コードが正しくありません。アプリに表示されている最新のコードを入力してください。");
        Setup = await handler.GetSetupAsync(User);
        return Page();
    }
}
