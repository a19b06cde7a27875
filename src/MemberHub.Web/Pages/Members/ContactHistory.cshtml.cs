using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

/// <summary>Adds a line to 対応履歴 in place: htmx swaps the history block, errors come back beside the fields.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class ContactHistoryModel(AddContactRecordHandler handler, MemberDetailsQuery query, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    public IActionResult OnGet(long id) => Redirect($"/Members/Details/{id}#history");

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var result = await handler.HandleAsync(id, Contact);
        if (!result.Found) return NotFound();
        foreach (var (field, message) in result.Errors)
            ModelState.AddModelError($"{nameof(Contact)}.{field}", message);
        var saved = result.Errors.Count == 0;
        if (!Request.IsHtmx())
        {
            TempData[saved ? "Flash" : "FlashError"] = saved ? "対応履歴を追加しました。" : string.Join(" ", result.Errors.Select(e => e.Message));
            return Redirect($"/Members/Details/{id}#history");
        }
        if (saved) ModelState.Clear();
        var view = await query.HistoryAsync(id, canAdd: true, saved ? ContactForm.Blank(clock) : Contact);
        return Partial("_ContactHistory", view);
    }
}
