using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account.Manage;

public class TwoFactorModel(AccountOverviewQuery query, TwoFactorHandler handler) : PageModel
{
    public AccountOverview Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await query.GetAsync(User);
        if (account is null) return Challenge();
        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        await handler.DisableAsync(User);
        TempData["Flash"] = "2段階認証を無効にしました。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        var codes = await handler.RegenerateRecoveryCodesAsync(User);
        if (codes.Count == 0) return RedirectToPage();
        TempData[ShowRecoveryCodesModel.TempDataKey] = codes.ToArray();
        return RedirectToPage("./ShowRecoveryCodes");
    }
}
