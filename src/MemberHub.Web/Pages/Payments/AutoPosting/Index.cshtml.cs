using MemberHub.Payments;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.AutoPosting;

/// <summary>自動消込の設定: how readily transfers are posted without a person looking (Treasurer and Admin).</summary>
[Authorize(Policy = AccessRules.Policies.Posting)]
public class IndexModel(AutoPostingSettingsHandler handler) : PageModel
{
    public AutoPostingView Settings { get; private set; } = new(AutoPostingMode.Standard, 0);
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Settings = await handler.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(AutoPostingMode? mode, int version, CancellationToken ct)
    {
        Error = await handler.SaveAsync(mode, version, ct);
        if (Error is not null)
        {
            Settings = await handler.GetAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"自動消込の基準を「{AutoPostingChoices.LabelOf(mode!.Value)}」にしました。次の取込から使います。";
        return Redirect("/Payments/AutoPosting");
    }
}
