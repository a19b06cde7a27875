using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments;

[Authorize(Policy = AccessRules.Policies.Posting)]
public class AliasesModel(PayerAliasesHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<PayerAliasRow> Aliases { get; private set; } = [];

    public async Task OnGetAsync() => Aliases = await handler.ListAsync(Q);

    public async Task<IActionResult> OnPostRemoveAsync(long id)
    {
        var removed = await handler.RemoveAsync(id);
        if (removed is null) return NotFound();
        TempData["Flash"] = $"振込依頼人「{removed}」の記憶を削除しました。";
        return Redirect("/Payments/Aliases");
    }
}
