using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Lapse;

[Authorize(Policy = AccessRules.Policies.Admin)]
public class SettingsModel(SaveLapseSettingHandler handler) : PageModel
{
    public IActionResult OnGet() => Redirect("/Dues/Lapse");

    public async Task<IActionResult> OnPostAsync([FromForm] int? lapseAfterYears, CancellationToken ct)
    {
        var error = await handler.HandleAsync(lapseAfterYears, ct);
        if (error is not null) TempData["LapseError"] = error;
        else TempData["Flash"] = $"未納が{lapseAfterYears}年度分以上の会員を資格喪失候補とします。";
        return Redirect("/Dues/Lapse");
    }
}
