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
}
