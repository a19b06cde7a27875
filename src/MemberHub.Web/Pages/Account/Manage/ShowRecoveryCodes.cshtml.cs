using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account.Manage;

/// <summary>Shows freshly generated recovery codes exactly once (they travel in TempData, which is read once).</summary>
public class ShowRecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string[] codes || codes.Length == 0) return RedirectToPage("./TwoFactor");
        Codes = codes;
        return Page();
    }
}
