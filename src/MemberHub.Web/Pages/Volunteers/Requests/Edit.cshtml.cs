using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.Requests;

/// <summary>New request (no id) or changes to one.</summary>
public class EditModel(SaveRequestHandler handler) : PageModel
{
    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public IReadOnlyList<AreaOption> Areas { get; private set; } = [];
    public long? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        Id = id;
        if (id is { } existing)
        {
            var form = await handler.LoadAsync(existing);
            if (form is null) return NotFound();
            Input = form;
        }
        Areas = await handler.AreasAsync(Input.AreaIds);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        Id = id;
        var (outcome, savedId, errors) = await handler.SaveAsync(id, Input);
        switch (outcome)
        {
            case RequestSaveOutcome.NotFound:
                return NotFound();
            case RequestSaveOutcome.Saved:
                TempData["Flash"] = id is null ? "募集を作成しました。候補者から依頼する人を選んでください。" : "募集を更新しました。";
                return Redirect($"/Volunteers/Requests/Details/{savedId}");
            case RequestSaveOutcome.Stale:
                ModelState.AddModelError("", "この画面を開いている間に、ほかの人がこの募集を更新しました。画面を開き直してからもう一度入力してください。");
                break;
            default:
                foreach (var (field, message) in errors)
                    ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                break;
        }
        Areas = await handler.AreasAsync(Input.AreaIds);
        return Page();
    }
}
