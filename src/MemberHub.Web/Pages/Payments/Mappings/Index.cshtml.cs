using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Mappings;

[Authorize(Policy = AccessRules.Policies.Posting)]
public class IndexModel(CsvMappingsHandler handler) : PageModel
{
    public IReadOnlyList<CsvMappingRow> Mappings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mappings = await handler.ListAsync(ct);

    public async Task<IActionResult> OnPostArchiveAsync(long id, bool archived, CancellationToken ct)
    {
        var name = await handler.SetArchivedAsync(id, archived, ct);
        if (name is null) return NotFound();
        TempData["Flash"] = archived
            ? $"「{name}」をアーカイブしました。取込画面の一覧には出ません（取り込んだ明細はそのままです）。"
            : $"「{name}」を取込画面の一覧に戻しました。";
        return Redirect("/Payments/Mappings");
    }
}
