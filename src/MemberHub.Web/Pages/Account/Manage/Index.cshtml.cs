using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Account.Manage;

public class IndexModel(AccountOverviewQuery query) : PageModel
{
    public AccountOverview Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await query.GetAsync(User);
        if (account is null) return Challenge();
        Account = account;
        return Page();
    }
}
