using System.Security.Claims;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Dues.Runs;

/// <summary>印刷用PDF of a billing run: anyone in Finance sees it and downloads it; Billing (Admin, Staff) makes it.</summary>
public class DocumentsModel(RunDocumentsHandler handler, IAuthorizationService authorization) : PageModel
{
    public RunDocumentsView View { get; private set; } = null!;
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(long runId, CancellationToken ct)
    {
        var view = await handler.ViewAsync(runId, ct);
        if (view is null) return NotFound();
        View = view;
        CanCreate = (await authorization.AuthorizeAsync(User, AccessRules.Policies.Billing)).Succeeded;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(long runId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AccessRules.Policies.Billing)).Succeeded) return Forbid();
        var name = User.FindFirstValue(AppClaims.DisplayName) ?? User.Identity?.Name ?? "";
        if (!await handler.QueueAsync(runId, User.FindFirstValue(ClaimTypes.NameIdentifier), name, ct)) return NotFound();
        TempData["Flash"] = "印刷用PDFの作成を始めました。完了するとダウンロードできます。";
        return RedirectToPage(new { runId });
    }
}
