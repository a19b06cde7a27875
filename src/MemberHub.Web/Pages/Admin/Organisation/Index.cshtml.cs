using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.Organisation;

public class IndexModel(OrganisationQuery query, SaveOrganisationHandler handler) : PageModel
{
    [BindProperty]
    public OrganisationRequest Input { get; set; } = new();

    public async Task OnGetAsync() => Input = await query.GetAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = await handler.HandleAsync(Input);
        if (errors.Count == 0)
        {
            TempData["Flash"] = "団体情報を保存しました。";
            return RedirectToPage();
        }
        foreach (var (field, message) in errors)
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        if (errors.Any(e => e.Message == SaveOrganisationHandler.StaleMessage))
        {
            // Show what is saved now, so the user re-enters over the latest values rather than overwriting them.
            ModelState.Clear();
            ModelState.AddModelError("", SaveOrganisationHandler.StaleMessage);
            Input = await query.GetAsync();
        }
        return Page();
    }
}
