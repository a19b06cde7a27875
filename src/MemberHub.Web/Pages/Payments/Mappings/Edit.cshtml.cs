using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Payments.Mappings;

[Authorize(Policy = AccessRules.Policies.Posting)]
public class EditModel(CsvMappingsHandler handler) : PageModel
{
    public CsvMappingRow Mapping { get; private set; } = null!;

    [BindProperty]
    public CsvMappingForm Input { get; set; } = new();

    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await handler.GetAsync(id, ct) is not { } found) return NotFound();
        (Mapping, Input) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var result = await handler.UpdateAsync(id, Input, ct);
        if (!result.Found) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = "列の設定を保存しました。次の取込から使われます。";
            return Redirect("/Payments/Mappings");
        }
        if (result.Invalid is { } invalid) ModelState.AddErrors(invalid, nameof(Input));
        Conflict = result.Conflict;
        Mapping = (await handler.GetAsync(id, ct))!.Value.Row;
        return Page();
    }
}
