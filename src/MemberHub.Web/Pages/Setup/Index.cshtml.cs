using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Setup;

public class IndexModel(CompleteSetupHandler handler) : PageModel
{
    [BindProperty]
    public SetupRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await handler.IsAvailableAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, errors) = await handler.HandleAsync(Input);
        switch (outcome)
        {
            case SetupOutcome.AlreadyDone:
                return NotFound();
            case SetupOutcome.Invalid:
                foreach (var (field, message) in errors)
                    ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
                return Page();
            default:
                TempData["Flash"] = "初期設定が完了しました。ようこそ MemberHub へ。";
                return Redirect("/");
        }
    }
}
