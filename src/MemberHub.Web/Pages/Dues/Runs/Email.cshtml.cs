using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Runs;

/// <summary>請求書のメール送信 for a billing run: who gets the invoice by e-mail, who is left out and why, and the button.</summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class EmailModel(InvoiceEmailsHandler handler) : PageModel
{
    public RunEmailSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long runId)
    {
        var summary = await handler.SummaryForRunAsync(runId);
        if (summary is null) return NotFound();
        Summary = summary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long runId)
    {
        var (summary, queued) = await handler.QueueRunAsync(runId);
        if (summary is null) return NotFound();
        TempData["Flash"] = queued == 0
            ? "メールで送る請求書はありませんでした。"
            : $"{queued:#,0}件の請求書メールを送信待ちにしました。送信状況は「メール送信状況」で確認できます。";
        return Redirect($"/Dues/Runs/Email/{runId}");
    }
}
