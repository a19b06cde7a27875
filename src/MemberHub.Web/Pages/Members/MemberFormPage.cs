using MemberHub.Identity;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

/// <summary>What Create and Edit share: the form, its choices, and how a handler's answer becomes page state.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public abstract class MemberFormPage(SaveMemberHandler handler) : PageModel
{
    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public FormOptions Options { get; private set; } = new([], []);
    public abstract bool IsNew { get; }
    public long MemberId { get; protected set; }
    public SaveResult? Conflict { get; private set; }

    protected SaveMemberHandler Handler => handler;

    protected async Task LoadOptionsAsync() => Options = await handler.OptionsAsync(Input.MemberClassId);

    protected async Task<IActionResult> AnswerAsync(SaveResult result, string savedMessage)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData["Flash"] = savedMessage;
                return Redirect($"/Members/Details/{result.MemberId}");
            case SaveOutcome.Conflict:
                Conflict = result;
                Input = result.Current!;
                ModelState.Remove($"{nameof(Input)}.{nameof(MemberForm.Version)}");
                ModelState.Remove($"{nameof(Input)}.{nameof(MemberForm.Original)}");
                break;
            default:
                foreach (var (field, message) in result.Errors ?? [])
                    ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
                // Show the tidied values (katakana furigana, 123-4567) rather than what was typed.
                foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count == 0).ToList())
                    ModelState.Remove(key);
                break;
        }
        await LoadOptionsAsync();
        return Page();
    }
}
