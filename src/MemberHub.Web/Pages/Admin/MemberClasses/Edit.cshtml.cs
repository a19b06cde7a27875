using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Admin.MemberClasses;

public class EditModel(MemberClassesHandler handler) : PageModel
{
    [BindProperty]
    public MemberClassForm Input { get; set; } = new();

    public long? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        var form = await handler.FormAsync(id);
        if (form is null) return NotFound();
        (Id, Input) = (id, form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        Id = id;
        var (outcome, errors) = await handler.SaveAsync(id, Input);
        switch (outcome)
        {
            case ClassSaveOutcome.NotFound:
                return NotFound();
            case ClassSaveOutcome.Saved:
                TempData["Flash"] = "会員種別を保存しました。";
                return Redirect("/Admin/MemberClasses");
            case ClassSaveOutcome.Stale:
                ModelState.AddModelError("", "この会員種別は、あなたが開いた後に他の方が更新しました。一覧から開き直してください。");
                return Page();
            default:
                foreach (var (field, message) in errors)
                    ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                return Page();
        }
    }
}
