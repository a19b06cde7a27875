using MemberHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Tasks;

/// <summary>A task by hand, for a member or from a contact record (contactId), or an open task edited.</summary>
[Authorize(Policy = AccessRules.Policies.MemberEditing)]
public class EditModel(TaskHandler handler, TaskListQuery members) : PageModel
{
    [BindProperty]
    public TaskForm Form { get; set; } = new();

    public long? TaskId { get; private set; }
    public MemberChoice? Member { get; private set; }
    public IReadOnlyList<MemberChoice> Choices { get; private set; } = [];
    public IReadOnlyList<StaffUser> Assignees { get; private set; } = [];
    public string? Q { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, long? memberId, long? contactId, string? q)
    {
        var form = id is { } taskId ? await handler.LoadAsync(taskId) : await handler.BlankAsync(memberId, contactId);
        if (form is null) return NotFound();
        Form = form;
        TaskId = id;
        Q = q;
        await FillAsync();
        return Page();
    }

    /// <summary>The member picker's results (htmx, as the user types).</summary>
    public async Task<IActionResult> OnGetMembersAsync(string? q)
    {
        Choices = await members.FindMembersAsync(q);
        Q = q;
        return Partial("_MemberChoices", this);
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        var result = await handler.SaveAsync(id, Form);
        switch (result.Outcome)
        {
            case TaskChange.Done:
                TempData["Flash"] = id is null ? "タスクを登録しました。" : "タスクを保存しました。";
                return Redirect(id is null && Form.MemberId is { } m ? $"/Members/Details/{m}#member-tasks" : "/FollowUp/Tasks");
            case TaskChange.NotFound:
                return NotFound();
            case TaskChange.NotOpen:
                ModelState.AddModelError("", "このタスクはすでに完了または取りやめになっているため、変更できません。");
                break;
            case TaskChange.Stale:
                ModelState.AddModelError("", "ほかの人が先にこのタスクを変更しました。画面を開き直してから、もう一度入力してください。");
                break;
        }
        foreach (var (field, message) in result.Errors)
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Form)}.{field}", message);
        TaskId = id;
        await FillAsync();
        return Page();
    }

    private async Task FillAsync()
    {
        Assignees = await handler.AssigneesAsync();
        Member = Form.MemberId is { } mid ? await members.MemberAsync(mid) : null;
        if (Member is null && !string.IsNullOrWhiteSpace(Q)) Choices = await members.FindMembersAsync(Q);
    }
}
