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
        if (file.Content is null)
        {
            Unencodable = file.UnencodableMemberNumbers;
            BackToList = "/Members" + Request.QueryString.Value?.Replace("encoding=cp932", "", StringComparison.OrdinalIgnoreCase);
            Utf8Link = "/Members/Export" + Request.QueryString.Value?.Replace("encoding=cp932", "encoding=utf8", StringComparison.OrdinalIgnoreCase);
            return Page();
        }
        return File(file.Content, cp932 ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8", file.FileName);
    }

    public IReadOnlyList<int> Unencodable { get; private set; } = [];
    public string BackToList { get; private set; } = "/Members";
    public string Utf8Link { get; private set; } = "/Members/Export";
}
