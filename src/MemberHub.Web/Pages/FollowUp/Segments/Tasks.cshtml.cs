using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MemberHub.Web.Pages.FollowUp.Segments;

/// <summary>フォローの一括作成: one task per member of the segment.</summary>
public class TasksModel(SegmentsHandler segments, SegmentTasksHandler tasks) : PageModel
{
    [BindProperty]
    public SegmentTasksInput Input { get; set; } = new();

    public SegmentMembersPage Result { get; private set; } = null!;
    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var (created, _, errors) = await tasks.CreateAsync(id, Input, ct);
        if (created > 0)
        {
            TempData["Flash"] = $"フォロー「{Input.Title?.Trim()}」を{created:#,0}名分作成しました。";
            return Redirect($"/FollowUp/Segments/Members?id={id}");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var result = await segments.MembersAsync(id, 1, ct);
        if (result is null) return false;
        Result = result;
        Staff = await tasks.StaffAsync(ct);
        return true;
    }
}
