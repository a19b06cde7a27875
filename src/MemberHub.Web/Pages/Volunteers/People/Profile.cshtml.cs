using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.Volunteers.People;

/// <summary>The office's view of one member as a volunteer: areas, times, away periods, history. Reached from the member's page.</summary>
public class ProfileModel(VolunteerProfileHandler profiles, VolunteerHistoryQuery history) : PageModel
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public ProfileView View { get; private set; } = null!;
    public HistoryView History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long memberId)
    {
        if (await profiles.LoadAsync(memberId) is not { } view) return NotFound();
        View = view;
        History = await history.RunAsync(memberId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long memberId)
    {
        var (outcome, errors) = await profiles.SaveAsync(memberId, Input);
        switch (outcome)
        {
            case ProfileSaveOutcome.NotFound: return NotFound();
            case ProfileSaveOutcome.Saved:
                TempData["Flash"] = "ボランティアの登録を保存しました。";
                return Redirect($"/Volunteers/People/Profile/{memberId}");
            case ProfileSaveOutcome.Stale:
                ModelState.AddModelError("", "この画面を開いている間に、ほかの人（または本人）が登録を更新しました。画面を開き直してからもう一度入力してください。");
                break;
            default:
                foreach (var (_, message) in errors) ModelState.AddModelError("", message);
                break;
        }
        View = (await profiles.ReloadAsync(memberId, Input))!;
        History = await history.RunAsync(memberId);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAbsenceAsync(long memberId, string? from, string? to, string? note) =>
        Back(memberId, await profiles.AddAbsenceAsync(memberId, from, to, note), "不在の期間を追加しました。");

    public async Task<IActionResult> OnPostRemoveAbsenceAsync(long memberId, long absenceId) =>
        Back(memberId, await profiles.RemoveAbsenceAsync(memberId, absenceId), "不在の期間を取り消しました。");

    private RedirectResult Back(long memberId, string? error, string ok)
    {
        TempData[error is null ? "Flash" : "FlashError"] = error ?? ok;
        return Redirect($"/Volunteers/People/Profile/{memberId}");
    }
}
