using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.Requests;

public class DetailsModel(RequestDetailsQuery query, RequestActionsHandler actions) : PageModel
{
    public RequestDetailsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, bool all = false)
    {
        var view = await query.RunAsync(id, all);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(long id, List<long> memberIds)
    {
        var (email, phone, error) = await actions.InviteAsync(id, memberIds);
        return Back(id, error, $"{email + phone}人に依頼しました（メール {email}人・電話 {phone}人）。電話の方には事務局から連絡してください。");
    }

    public async Task<IActionResult> OnPostAnswerAsync(long id, long assignmentId, bool accept) =>
        Back(id, await actions.AnswerAsync(assignmentId, accept, ownMemberId: null), accept ? "参加として記録しました。" : "辞退として記録しました。");

    public async Task<IActionResult> OnPostRemindAsync(long id)
    {
        var (count, error) = await actions.RemindAsync(id);
        return Back(id, error, $"{count}人にリマインドを記録しました。");
    }

    public async Task<IActionResult> OnPostAttendanceAsync(long id, List<long> assignmentIds, List<long> attended, Dictionary<long, string> hours)
    {
        var rows = assignmentIds.Select(a => new AttendanceInput(a, attended.Contains(a), hours.GetValueOrDefault(a))).ToList();
        return Back(id, await actions.RecordAttendanceAsync(id, rows), "参加実績を記録しました。");
    }

    private RedirectResult Back(long id, string? error, string ok)
    {
        TempData[error is null ? "Flash" : "FlashError"] = error ?? ok;
        return Redirect($"/Volunteers/Requests/Details/{id}");
    }
}
