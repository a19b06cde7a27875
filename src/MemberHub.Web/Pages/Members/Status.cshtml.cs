using MemberHub.Members;
using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Members;

[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class MemberStatusModel(ChangeStatusHandler handler) : PageModel
{
    [BindProperty]
    public StatusForm Input { get; set; } = new();

    public Member Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var (member, form) = await handler.FormAsync(id);
        if (member is null) return NotFound();
        (Member, Input) = (member, form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var (outcome, errors) = await handler.HandleAsync(id, Input);
        switch (outcome)
        {
            case StatusOutcome.NotFound:
                return NotFound();
            case StatusOutcome.Changed:
                TempData["Flash"] = $"状態を「{MemberLabels.Of(Input.Status)}」に変更しました。";
                return Redirect($"/Members/Details/{id}");
            case StatusOutcome.Stale:
                ModelState.AddModelError("", "この会員の情報は、あなたが開いた後に他の方が更新しました。内容を確認してから、もう一度変更してください。");
                break;
            default:
                ModelState.AddErrors(new FluentValidation.Results.ValidationResult(errors.Select(e => new FluentValidation.Results.ValidationFailure(e.Field, e.Message))), nameof(Input));
                break;
        }
        var (member, fresh) = await handler.FormAsync(id);
        Member = member!;
        ModelState.Remove($"{nameof(Input)}.{nameof(StatusForm.Version)}");
        Input.Version = fresh.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(long id, bool archived)
    {
        if (!await handler.SetArchivedAsync(id, archived)) return NotFound();
        TempData["Flash"] = archived ? "アーカイブしました。会員名簿の一覧には表示されません（「アーカイブ済みも表示」で表示できます）。" : "アーカイブを解除しました。";
        return Redirect($"/Members/Details/{id}");
    }
}
