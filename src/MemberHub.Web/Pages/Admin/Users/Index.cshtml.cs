using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.Users;

public class IndexModel(UserListQuery query, RevokeInvitationHandler revoke) : PageModel
{
    public UserAdministrationView View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await query.GetAsync();

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        TempData["Flash"] = await revoke.HandleAsync(id) ? "招待を取り消しました。" : "この招待は既に使われたか、取り消し済みです。";
        return RedirectToPage();
    }
}
