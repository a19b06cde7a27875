using System.Security.Claims;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Runs;

/// <summary>
/// 作成: queues the print-ready PDF of a run's postal invoices. A page of its own so that the narrower Billing
/// policy is checked before anything else (Treasurers see the PDF page but do not start print jobs).
/// </summary>
[Authorize(Policy = AccessRules.Policies.Billing)]
public class PrintInvoicesModel(RunDocumentsHandler handler) : PageModel
{
    public async Task<IActionResult> OnPostAsync(long runId, CancellationToken ct)
    {
        var name = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name ?? "";
        if (!await handler.QueueAsync(runId, User.FindFirstValue(ClaimTypes.NameIdentifier), name, ct)) return NotFound();
        TempData["Flash"] = "印刷用PDFの作成を始めました。完了するとダウンロードできます。";
        return Redirect($"/Dues/Runs/Documents/{runId}");
    }
}
