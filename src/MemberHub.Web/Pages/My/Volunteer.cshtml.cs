using System.Security.Claims;
using MemberHub.Web.Pages.Volunteers.People;
using MemberHub.Web.Pages.Volunteers.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.My;

/// <summary>マイページ › ボランティア: the volunteer's own areas, times, away periods, invitations and history. No id comes from the request.</summary>
public class VolunteerModel(MyVolunteeringQuery mine, VolunteerProfileHandler profiles, VolunteerHistoryQuery history, RequestActionsHandler actions) : PageModel
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public ProfileView? View { get; private set; }
    public HistoryView? History { get; private set; }
    public IReadOnlyList<MyInvitation> Invitations { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync()
    {
        if (await mine.OwnMemberIdAsync(UserId) is { } memberId) await LoadAsync(memberId, null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await mine.OwnMemberIdAsync(UserId) is not { } memberId) return NotFound();
        var (outcome, errors) = await profiles.SaveAsync(memberId, Input);
        switch (outcome)
        {
            case ProfileSaveOutcome.Saved:
                TempData["Flash"] = "ボランティアの登録を更新しました。ありがとうございます。";
                return Redirect("/My/Volunteer");
            case ProfileSaveOutcome.Stale:
                ModelState.AddModelError("", "この画面を開いている間に、事務局が登録を更新しました。画面を開き直してからもう一度入力してください。");
                break;
            default:
                foreach (var (_, message) in errors) ModelState.AddModelError("", message);
                break;
        }
        await LoadAsync(memberId, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(long assignmentId, bool accept)
    {
        if (await mine.OwnMemberIdAsync(UserId) is not { } memberId) return NotFound();
        var error = await actions.AnswerAsync(assignmentId, accept, ownMemberId: memberId);
        TempData[error is null ? "Flash" : "FlashError"] = error ?? (accept ? "参加のお返事を受け付けました。ありがとうございます。" : "お返事を受け付けました。またの機会によろしくお願いします。");
        return Redirect("/My/Volunteer");
    }

    public async Task<IActionResult> OnPostAddAbsenceAsync(string? from, string? to, string? note)
    {
        if (await mine.OwnMemberIdAsync(UserId) is not { } memberId) return NotFound();
        var error = await profiles.AddAbsenceAsync(memberId, from, to, note);
        TempData[error is null ? "Flash" : "FlashError"] = error ?? "不在の期間を登録しました。";
        return Redirect("/My/Volunteer");
    }

    public async Task<IActionResult> OnPostRemoveAbsenceAsync(long absenceId)
    {
        if (await mine.OwnMemberIdAsync(UserId) is not { } memberId) return NotFound();
        var error = await profiles.RemoveAbsenceAsync(memberId, absenceId);
        TempData[error is null ? "Flash" : "FlashError"] = error ?? "不在の期間を取り消しました。";
        return Redirect("/My/Volunteer");
    }

    private async Task LoadAsync(long memberId, ProfileForm? posted)
    {
        View = posted is null ? await profiles.LoadAsync(memberId) : await profiles.ReloadAsync(memberId, posted);
        History = await history.RunAsync(memberId);
        Invitations = await mine.InvitationsAsync(memberId);
    }
}
