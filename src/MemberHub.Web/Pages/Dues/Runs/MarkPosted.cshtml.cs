using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Runs;

/// <summary>郵送済みとして記録: the run's printed invoices went into the post; noted in each member's contact history.</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class MarkPostedModel(RunDocumentsHandler handler) : PageModel
{
    public IActionResult OnGet(long runId) => Redirect($"/Dues/Runs/Documents/{runId}");

    public async Task<IActionResult> OnPostAsync(long runId, CancellationToken ct)
    {
        var added = await handler.RecordPostedAsync(runId, ct);
        if (added is null) return NotFound();
        TempData["Flash"] = added == 0 ? "すべて記録済みです。" : $"{added}件の請求書を郵送済みとして対応履歴に記録しました。";
        return Redirect($"/Dues/Runs/Documents/{runId}");
    }
}
