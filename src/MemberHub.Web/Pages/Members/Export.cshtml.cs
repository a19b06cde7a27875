using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

/// <summary>/Members/Export?(the list's filters)&amp;encoding=cp932 — Admin and Staff only.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class ExportModel(ExportMembersHandler handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] MemberSearch search, [FromQuery] string? encoding, CancellationToken ct)
    {
        var cp932 = string.Equals(encoding, "cp932", StringComparison.OrdinalIgnoreCase) || string.Equals(encoding, "sjis", StringComparison.OrdinalIgnoreCase);
        var file = await handler.HandleAsync(search, cp932, ct);
        return File(file.Content, cp932 ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8", file.FileName);
    }
}
