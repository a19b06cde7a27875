using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Rules;

[Authorize(Policy = AccessRules.Policies.Admin)]
public class EditModel(RulesQuery query, SaveRulesHandler handler) : PageModel
{
    [BindProperty] public RulesInput Input { get; set; } = new();
    public RulesView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await query.RunAsync(ct);
        Input = RulesInput.From(View.Rules, View.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Flash"] = "ルールを保存しました。全員をこのルールで分類し直しています。";
            return Redirect("/FollowUp/Rules");
        }
        foreach (var (field, message) in result.Errors)
            ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
        View = await query.RunAsync(ct);
        return Page();
    }
}
