using MemberHub.Common;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Lapse;

[Authorize(Policy = AccessRules.Policies.Billing)]
public class ConfirmModel(ConfirmLapseHandler handler) : PageModel
{
    public IActionResult OnGet() => Redirect("/Dues/Lapse");

    public async Task<IActionResult> OnPostAsync([FromForm] long[] ids, [FromForm] string? decidedOn, CancellationToken ct)
    {
        var (changed, error) = await handler.HandleAsync(ids, decidedOn, ct);
        if (error is not null) TempData["LapseError"] = error;
        else TempData["Flash"] = $"{JapaneseFormat.Number(changed)}名を退会（会費未納による資格喪失）にしました。未納の請求書はそのまま残っています。";
        return Redirect("/Dues/Lapse");
    }
}
