using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.BankAccounts;

public class IndexModel(BankAccountsQuery query, SaveBankAccountHandler handler) : PageModel
{
    public IReadOnlyList<BankAccountRow> Accounts { get; private set; } = [];

    public async Task OnGetAsync() => Accounts = await query.ListAsync();

    public async Task<IActionResult> OnPostDeactivateAsync(long id)
    {
        if (!await handler.SetActiveAsync(id, false)) return NotFound();
        TempData["Flash"] = "口座を使用停止にしました。請求書には印刷されません。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActivateAsync(long id)
    {
        if (!await handler.SetActiveAsync(id, true)) return NotFound();
        TempData["Flash"] = "口座を再び使えるようにしました。";
        return RedirectToPage();
    }
}
